package sshserver

import (
	"context"
	"errors"
	"io"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// A console's keys are decoded by ultraviolet's TerminalReader, as
// bubbletea would decode them, but the reader is built only while the
// user types. Each reader builds its own table of key sequences, about
// 135 KB: given the session's input, bubbletea would hold one per console
// for the console's whole life, most of what a console weighs, while most
// consoles of a crisis cell only watch. The program gets no input of its
// own (tea.WithInput(nil)); the events decoded here are sent to it, and
// its event loop takes them as it takes its own reader's.

// keysIdle is how long after the last input a console's decoder is let go.
// Well above the reader's escape timeout (50 ms): by then it holds no part
// of a sequence.
const keysIdle = 15 * time.Second

// keyPump reads one console's input and hands the decoded events to send.
type keyPump struct {
	in     io.Reader
	term   string
	send   func(tea.Msg)
	closed func() // the input ended
	// idleAfter is keysIdle, shorter in tests.
	idleAfter time.Duration

	mu   sync.Mutex
	dec  *keyDecoder
	idle *time.Timer
}

// keyDecoder is a TerminalReader fed through a pipe.
type keyDecoder struct {
	w    *io.PipeWriter
	done chan struct{} // its events were all sent
}

func newKeyPump(in io.Reader, term string, send func(tea.Msg), closed func()) *keyPump {
	return &keyPump{in: in, term: term, send: send, closed: closed, idleAfter: keysIdle}
}

// run reads the input until it ends, then lets the decoder go (what it
// held is sent) and calls closed.
func (k *keyPump) run() {
	// Small: each read is what the client sent since the last one, and a
	// longer paste comes in several reads.
	buf := make([]byte, 1024)
	for {
		n, err := k.in.Read(buf)
		if n > 0 {
			k.feed(buf[:n])
		}
		if err != nil {
			k.stop(true)
			k.closed()
			return
		}
	}
}

// feed hands bytes to the decoder, starting one if none runs (or the one
// there was let go meanwhile).
func (k *keyPump) feed(p []byte) {
	if k.replyOnly(p) {
		return
	}
	for len(p) > 0 {
		d := k.decoder()
		n, err := d.w.Write(p)
		p = p[n:]
		if err != nil && !errors.Is(err, io.ErrClosedPipe) {
			return
		}
	}
}

func (k *keyPump) decoder() *keyDecoder {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.idle != nil {
		k.idle.Stop()
	}
	if k.dec == nil {
		k.dec = k.start()
	}
	d := k.dec
	k.idle = time.AfterFunc(k.idleAfter, func() { k.letGo(d) })
	return d
}

// start runs a decoder: its reader reads the pipe, its events go to send.
func (k *keyPump) start() *keyDecoder {
	r, w := io.Pipe()
	d := &keyDecoder{w: w, done: make(chan struct{})}
	events := make(chan uv.Event)
	go func() {
		defer close(events)
		// It returns once the pipe is closed, after sending what it held
		// (a lone Esc among it).
		_ = uv.NewTerminalReader(r, k.term).StreamEvents(context.Background(), events)
	}()
	go func() {
		defer close(d.done)
		for ev := range events {
			k.send(ev)
		}
	}()
	return d
}

// replyOnly sends p's events itself, without a decoder, when no decoder
// runs and p holds only the terminal's answers to the server's queries
// (the background colour asked at connection), each whole. Every console
// whose terminal answers gets that reply within its first round trip:
// decoding it with a TerminalReader would build the reader's table of key
// sequences and its goroutines, and keep them keysIdle, for a console
// nobody has typed into. A plain uv.EventDecoder parses these replies
// without the table. Anything else (a key, a reply cut across reads) goes
// to the decoder as before.
func (k *keyPump) replyOnly(p []byte) bool {
	k.mu.Lock()
	running := k.dec != nil
	k.mu.Unlock()
	if running {
		return false
	}
	var dec uv.EventDecoder
	var replies []uv.Event
	for rest := p; len(rest) > 0; {
		n, ev := dec.Decode(rest)
		if n <= 0 || n > len(rest) {
			return false
		}
		switch ev.(type) {
		case uv.BackgroundColorEvent, uv.ForegroundColorEvent, uv.CursorColorEvent:
			replies = append(replies, ev)
		default:
			return false
		}
		rest = rest[n:]
	}
	for _, ev := range replies {
		k.send(ev)
	}
	return len(replies) > 0
}

// letGo ends decoder d if it is still the current one; the next input
// starts a new one, once d's last events are out.
func (k *keyPump) letGo(d *keyDecoder) {
	k.mu.Lock()
	if k.dec != d {
		k.mu.Unlock()
		return
	}
	k.dec = nil
	k.mu.Unlock()
	_ = d.w.Close()
	<-d.done
}

// stop ends the current decoder; wait makes it wait until its events are
// sent.
func (k *keyPump) stop(wait bool) {
	k.mu.Lock()
	d := k.dec
	k.dec = nil
	if k.idle != nil {
		k.idle.Stop()
	}
	k.mu.Unlock()
	if d == nil {
		return
	}
	_ = d.w.Close()
	if wait {
		<-d.done
	}
}
