package sshserver

import (
	"time"
)

// idleCheck is how often a session's idleness is looked at: often enough
// that a short timeout (in tests) is kept to within a fraction of itself.
func idleCheck(timeout time.Duration) time.Duration {
	return min(max(timeout/20, 50*time.Millisecond), 5*time.Second)
}

// watchIdle calls warn once the session has waited for input for
// timeout-warning (again after each new wait that long), and expire once it
// has waited timeout; it stops when done is closed or after expire.
func watchIdle(done <-chan struct{}, a *activity, timeout, warning time.Duration, warn func(left time.Duration), expire func()) {
	if timeout <= 0 {
		return
	}
	warning = min(warning, timeout/2)
	go func() {
		tick := time.NewTicker(idleCheck(timeout))
		defer tick.Stop()
		warned := false
		for {
			select {
			case <-done:
				return
			case now := <-tick.C:
				idle := a.idleFor(now)
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
				default:
					warned = false
				}
			}
		}
	}()
}
