package sshserver

import (
	"sync"

	"charm.land/ssh"
)

// A session's window changes come from charm's SSH server on a channel of
// one slot, written from the loop that reads the session's requests. A
// reader that stops (the console ended, a command that never looks at its
// terminal's size, a session refused or never started) leaves that loop
// blocked on the next resize; x/crypto then stops reading the whole
// connection, for good: its file descriptor, its memory and every other
// session on it are held until the server restarts. So each session's
// window changes are read from the moment its terminal is granted until
// the session's requests end, whatever the session does, and kept as one
// latest size that the console takes when it is ready: a thousand resizes
// while it draws are one redraw.

// windowFeed is the latest window size of one session, handed to whoever
// takes them (the console) one at a time: while one is being delivered,
// newer ones only replace the one waiting. No goroutine waits for sizes;
// one runs only while a size is being delivered.
type windowFeed struct {
	// pty is the terminal as it was asked for. The session's own Pty()
	// must not be read from the handler: charm's request loop writes its
	// window size on each change, unguarded.
	pty ssh.Pty

	mu      sync.Mutex
	latest  ssh.Window
	pending bool // latest was not delivered yet
	sending bool // a delivery is in flight
	deliver func(ssh.Window)
}

func newWindowFeed(pty ssh.Pty) *windowFeed { return &windowFeed{pty: pty} }

// size is the latest window size known.
func (f *windowFeed) size() ssh.Window {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.pending {
		return f.latest
	}
	return f.pty.Window
}

func (f *windowFeed) put(w ssh.Window) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.latest, f.pending = w, true
	f.kick()
}

// kick starts a delivery if there is a size to deliver, someone to take it
// and none in flight; f.mu is held.
func (f *windowFeed) kick() {
	if f.deliver == nil || f.sending || !f.pending {
		return
	}
	f.sending, f.pending = true, false
	w, deliver := f.latest, f.deliver
	go func() {
		deliver(w)
		f.mu.Lock()
		defer f.mu.Unlock()
		f.sending = false
		f.kick()
	}()
}

// attach hands the sizes to deliver from now on, starting with the
// latest one not delivered; detach stops it.
func (f *windowFeed) attach(deliver func(ssh.Window)) (detach func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.deliver = deliver
	f.kick()
	return func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.deliver = nil
	}
}

// windowFeeds are the feeds of the sessions whose window changes are being
// read, found by the session.
type windowFeeds struct{ m sync.Map }

// ptyHandler wraps the server's PTY handler (charm's emulated PTY): once the
// terminal is granted, the session's window changes are read until the
// channel closes them, into a feed the session's handler may take.
func (fs *windowFeeds) ptyHandler(inner ssh.PtyHandler) ssh.PtyHandler {
	return func(ctx ssh.Context, sess ssh.Session, pty ssh.Pty) (func() error, error) {
		closer, err := inner(ctx, sess, pty)
		if err != nil {
			return closer, err
		}
		// Read here, in the request loop that writes it.
		p, changes, ok := sess.Pty()
		if changes == nil || !ok {
			return closer, nil
		}
		feed := newWindowFeed(p)
		fs.m.Store(sess, feed)
		go func() {
			// The channel is closed when the session's requests end:
			// this goroutine ends with the session.
			defer fs.m.Delete(sess)
			for w := range changes {
				feed.put(w)
			}
		}()
		return closer, nil
	}
}

// of is the feed of a session, which holds its terminal; nil when it has
// no terminal (or its requests already ended).
func (fs *windowFeeds) of(sess ssh.Session) *windowFeed {
	if f, ok := fs.m.Load(sess); ok {
		return f.(*windowFeed)
	}
	return nil
}

// emulatedPty is charm's PTY handler for a PTY emulated over the channel
// (what the console uses): it is not exported but its option is.
func emulatedPty() ssh.PtyHandler {
	var probe ssh.Server
	_ = ssh.EmulatePty()(&probe)
	return probe.PtyHandler
}
