package sshserver

import (
	"runtime/debug"
	"sync"
	"time"
)

// When a crisis starts, the whole cell logs in within a minute or two: a
// burst of handshakes, each allocating key exchanges, buffers and a first
// frame that are garbage a moment later. Go's runtime keeps the heap's pages
// up to about 110 % of its collection goal and the goroutine stacks as
// large as they grew, and shrinks stacks only a half per collection: after
// the burst the server holds a third more than it uses, for as long as it
// runs, on a laptop that also runs everything else. The runtime cannot
// know that a burst is over; the server does. Once the set of consoles has
// stayed the same for burstQuiet, it collects and returns the free pages
// to the system (debug.FreeOSMemory), at most once per burstGap, so that a
// slow trickle of logins costs at most one collection a minute. A memory
// limit (debug.SetMemoryLimit) would have the collector work harder all
// the time as the heap nears it, and needs a figure only the deployment
// knows: it is left to GOMEMLIMIT, which the runtime reads itself.
const (
	burstQuiet = 5 * time.Second
	burstGap   = time.Minute
)

// burstRelease calls release once the consoles have stopped changing for
// quiet, no sooner than gap after the last call.
type burstRelease struct {
	quiet, gap time.Duration
	release    func()

	mu    sync.Mutex
	timer *time.Timer
	last  time.Time
}

func newBurstRelease() *burstRelease {
	return &burstRelease{quiet: burstQuiet, gap: burstGap, release: debug.FreeOSMemory}
}

// changed tells that a console opened or closed.
func (b *burstRelease) changed() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.timer == nil {
		b.timer = time.AfterFunc(b.quiet, b.fire)
		return
	}
	b.timer.Reset(b.quiet)
}

func (b *burstRelease) fire() {
	b.mu.Lock()
	if !b.last.IsZero() {
		if wait := b.gap - time.Since(b.last); wait > 0 {
			b.timer.Reset(wait)
			b.mu.Unlock()
			return
		}
	}
	b.last = time.Now()
	b.mu.Unlock()
	b.release()
}

// stop ends the wait (the server is shutting down).
func (b *burstRelease) stop() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.timer != nil {
		b.timer.Stop()
	}
}
