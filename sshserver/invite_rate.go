package sshserver

import (
	"sync"
	"time"
)

// inviteRate limits the codes typed from one address: a bucket of
// inviteBurst tries that refills one try per inviteRefill. The penalty for
// failed logins (penalty.go) also counts each wrong code, and keeps the
// address's new connections out; this bounds what connections already open
// can still try.
type inviteRate struct {
	mu sync.Mutex
	by map[string]*rateBucket
	// checks bounds the codes checked at once: each check is an scrypt
	// of 16 MiB, and many sessions typing at once must not exhaust the
	// memory.
	checks chan struct{}
	// prompts counts the invite prompts open, in all and by address: the
	// invite login takes any key, so without a bound anyone who reaches
	// the port could hold every session place that is not a lead's.
	prompts       int
	promptsByHost map[string]int
}

// At most maxInvitePrompts invite prompts are open at once, and
// maxInvitePromptsPerHost from one address: enrolment is a handful of
// people at a time, read a code over the phone.
const (
	maxInvitePrompts        = 8
	maxInvitePromptsPerHost = 2
)

// openPrompt takes a place for an invite prompt from host, or reports that
// none is left; release gives it back.
func (r *inviteRate) openPrompt(host string) (release func(), ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.prompts >= maxInvitePrompts || r.promptsByHost[host] >= maxInvitePromptsPerHost {
		return nil, false
	}
	r.prompts++
	r.promptsByHost[host]++
	return sync.OnceFunc(func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.prompts--
		if r.promptsByHost[host]--; r.promptsByHost[host] <= 0 {
			delete(r.promptsByHost, host)
		}
	}), true
}

// maxCodeChecks is how many codes are checked at once; the others wait
// their turn (a check takes some 20 ms).
const maxCodeChecks = 4

type rateBucket struct {
	tokens float64
	at     time.Time
}

const (
	inviteBurst  = 5
	inviteRefill = time.Minute
)

func newInviteRate() *inviteRate {
	return &inviteRate{by: map[string]*rateBucket{}, checks: make(chan struct{}, maxCodeChecks), promptsByHost: map[string]int{}}
}

// allow takes one try for host, or reports that it has none left.
func (r *inviteRate) allow(host string, now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.by[host]
	if b == nil {
		if len(r.by) >= maxTracked {
			r.prune(now)
		}
		b = &rateBucket{tokens: inviteBurst, at: now}
		r.by[host] = b
	}
	b.tokens += float64(now.Sub(b.at)) / float64(inviteRefill)
	if b.tokens > inviteBurst {
		b.tokens = inviteBurst
	}
	b.at = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// prune forgets the addresses whose bucket is full again, then, if still
// full, any one: a botnet must not grow the table without end.
func (r *inviteRate) prune(now time.Time) {
	for h, b := range r.by {
		if b.tokens+float64(now.Sub(b.at))/float64(inviteRefill) >= inviteBurst {
			delete(r.by, h)
		}
	}
	for h := range r.by {
		if len(r.by) < maxTracked {
			break
		}
		delete(r.by, h)
	}
}
