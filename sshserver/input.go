package sshserver

import (
	"bytes"
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// errCut is what a command reading its input sees once its session was
// closed under it (idle too long, access revoked): an error, never a short
// read taken as the whole text.
var errCut = errors.New("the session was closed before its input ended")

// activity tells how long a session has been waiting for its client. Only
// time spent blocked reading input counts: a command at work, or writing
// output, is not idle.
type activity struct {
	last    atomic.Int64 // unix nanoseconds of the last read's start or end
	waiting atomic.Int32 // reads in progress
	expired atomic.Bool  // the session was cut: reads fail
}

func newActivity() *activity {
	a := &activity{}
	a.last.Store(time.Now().UnixNano())
	return a
}

// idleFor is how long the session has waited for input, 0 if it is not
// waiting.
func (a *activity) idleFor(now time.Time) time.Duration {
	if a.waiting.Load() == 0 {
		return 0
	}
	return now.Sub(time.Unix(0, a.last.Load()))
}

// reader counts the time spent in r's reads.
func (a *activity) reader(r io.Reader) io.Reader { return &activeReader{r: r, a: a} }

type activeReader struct {
	r io.Reader
	a *activity
}

func (ar *activeReader) Read(p []byte) (int, error) {
	ar.a.last.Store(time.Now().UnixNano())
	ar.a.waiting.Add(1)
	n, err := ar.r.Read(p)
	ar.a.waiting.Add(-1)
	ar.a.last.Store(time.Now().UnixNano())
	if ar.a.expired.Load() {
		return n, errCut
	}
	return n, err
}

// Bracketed paste markers: a terminal wraps what is pasted in them.
var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

// pasteLimiter passes a console's input through, holding each bracketed
// paste until it ends: one larger than max bytes is dropped whole (the
// console is told, through refused) instead of being handed to the program,
// which would hold all of it in memory. What it holds is bounded by max.
type pasteLimiter struct {
	r       io.Reader
	max     int
	refused func(limit int)

	mu        sync.Mutex
	out       bytes.Buffer // ready for the program
	paste     bytes.Buffer // the paste being held
	inPaste   bool
	dropping  bool // the current paste went over max
	startSeen int  // bytes of pasteStart matched so far
	endSeen   int  // bytes of pasteEnd matched so far
}

func newPasteLimiter(r io.Reader, max int, refused func(int)) *pasteLimiter {
	return &pasteLimiter{r: r, max: max, refused: refused}
}

func (pl *pasteLimiter) Read(p []byte) (int, error) {
	for {
		pl.mu.Lock()
		if pl.out.Len() > 0 {
			n, _ := pl.out.Read(p)
			if pl.out.Len() == 0 && pl.out.Cap() > 4096 {
				pl.out = bytes.Buffer{} // what a paste left
			}
			pl.mu.Unlock()
			return n, nil
		}
		pl.mu.Unlock()
		// Read into the caller's buffer: what was read is moved into
		// out (or the paste) before out is copied back into it, and no
		// buffer of its own stays with each console.
		n, err := pl.r.Read(p)
		pl.mu.Lock()
		for _, c := range p[:n] {
			pl.feed(c)
		}
		ready := pl.out.Len() > 0
		pl.mu.Unlock()
		if err != nil {
			if ready {
				// Hand over what is ready; the error comes back next read.
				continue
			}
			return 0, err
		}
	}
}

// feed moves one byte of input along. Outside a paste bytes go straight
// out (an Esc key must not wait for the next key); inside one they are
// held until its end marker.
func (pl *pasteLimiter) feed(c byte) {
	if !pl.inPaste {
		pl.out.WriteByte(c)
		pl.startSeen = advance(pasteStart, pl.startSeen, c)
		if pl.startSeen == len(pasteStart) {
			pl.inPaste, pl.dropping, pl.startSeen, pl.endSeen = true, false, 0, 0
			pl.paste.Reset()
		}
		return
	}
	pl.endSeen = advance(pasteEnd, pl.endSeen, c)
	if !pl.dropping {
		pl.paste.WriteByte(c)
		if pl.paste.Len() > pl.max+len(pasteEnd) {
			// Too long: the program gets an empty paste now, and the rest
			// up to the end marker is dropped as it comes.
			pl.dropping = true
			pl.paste.Reset()
			pl.out.Write(pasteEnd)
			if pl.refused != nil {
				pl.refused(pl.max)
			}
		}
	}
	if pl.endSeen == len(pasteEnd) {
		if !pl.dropping {
			pl.out.Write(pl.paste.Bytes())
		}
		// A long paste's buffer is not kept for the session's life.
		pl.paste = bytes.Buffer{}
		pl.inPaste, pl.endSeen = false, 0
	}
}

// advance matches c against marker after seen bytes already matched.
func advance(marker []byte, seen int, c byte) int {
	if marker[seen] == c {
		return seen + 1
	}
	if marker[0] == c {
		return 1
	}
	return 0
}

// held is how many bytes the limiter holds, for tests of its bound.
func (pl *pasteLimiter) held() int {
	pl.mu.Lock()
	defer pl.mu.Unlock()
	return pl.out.Len() + pl.paste.Len()
}
