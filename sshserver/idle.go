package sshserver

import (
	"time"
)

// minIdleCheck keeps the idle clock from spinning on a deadline that has
// just passed.
const minIdleCheck = 10 * time.Millisecond

// watchIdle calls warn once the session has waited for input for
// timeout-warning (again after each new wait that long), and expire once it
// has waited timeout; it stops when done is closed or after expire. It
// wakes up only when a threshold could have been reached since it last
// looked (hundreds of sessions open for hours would otherwise each wake up
// every few seconds for nothing); input in between only moves the
// threshold further, and it sleeps again for the rest.
func watchIdle(done <-chan struct{}, a *activity, timeout, warning time.Duration, warn func(left time.Duration), expire func()) {
	if timeout <= 0 {
		return
	}
	warning = min(warning, timeout/2)
	go func() {
		warned := false
		timer := time.NewTimer(timeout - warning)
		defer timer.Stop()
		for {
			select {
			case <-done:
				return
			case now := <-timer.C:
				idle := a.idleFor(now)
				next := timeout - warning - idle
				switch {
				case idle >= timeout:
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
			}
		}
	}()
}
