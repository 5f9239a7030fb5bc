package sshserver

import (
	"sync"
	"time"
)

// minIdleCheck keeps the idle clock from spinning on a deadline that has
// just passed.
const minIdleCheck = 10 * time.Millisecond

// watchIdle calls warn once the session has waited for input for
// timeout-warning (again after each new wait that long), and expire once it
// has waited timeout; it stops when stop is called or after expire. It is
// a timer, not a goroutine waiting (hundreds of consoles open for hours
// would each hold a stack for it), and it fires only when a threshold
// could have been reached since it last looked: input in between only
// moves the threshold further, and it sleeps again for the rest.
func watchIdle(a *activity, timeout, warning time.Duration, warn func(left time.Duration), expire func()) (stop func()) {
	if timeout <= 0 {
		return func() {}
	}
	warning = min(warning, timeout/2)
	var (
		mu      sync.Mutex
		stopped bool
		warned  bool
		timer   *time.Timer
	)
	check := func() {
		mu.Lock()
		if stopped {
			mu.Unlock()
			return
		}
		idle := a.idleFor(time.Now())
		next := timeout - warning - idle
		switch {
		case idle >= timeout:
			stopped = true
			mu.Unlock()
			a.expired.Store(true)
			expire()
			return
		case idle >= timeout-warning:
			if !warned && warn != nil {
				warn(timeout - idle)
			}
			warned = true
			next = timeout - idle
		default:
			warned = false
		}
		timer.Reset(max(next, minIdleCheck))
		mu.Unlock()
	}
	mu.Lock()
	timer = time.AfterFunc(timeout-warning, check)
	mu.Unlock()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		timer.Stop()
	}
}
