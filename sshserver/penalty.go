package sshserver

import (
	"sync"
	"time"
)

// PenaltyConfig is the per-address penalty for failed logins, in the
// spirit of OpenSSH's PerSourcePenalties: each connection from an address
// that ends without logging in after trying adds PerFailure to that
// address's penalty, which runs down in real time; while it is above
// Threshold, new connections from the address are dropped before the
// handshake. It never exceeds Max. PerFailure 0 turns it off.
type PenaltyConfig struct {
	PerFailure time.Duration
	Threshold  time.Duration
	Max        time.Duration
}

// DefaultPenalty blocks an address after four failed logins in quick
// succession, for 20 s at first, up to 10 min for one that keeps trying.
func DefaultPenalty() PenaltyConfig {
	return PenaltyConfig{PerFailure: 5 * time.Second, Threshold: 15 * time.Second, Max: 10 * time.Minute}
}

// maxTracked bounds the addresses remembered: past it, expired penalties
// are forgotten, and if all are live the oldest goes. A botnet spread over
// many addresses must not grow the table without end.
const maxTracked = 65536

type penalty struct {
	until    time.Time // the penalty runs out then
	blocking bool      // it passed the threshold and has not run out
	logged   bool      // a drop was logged during this block
}

type penalties struct {
	cfg PenaltyConfig
	mu  sync.Mutex
	by  map[string]*penalty
}

func newPenalties(cfg PenaltyConfig) *penalties {
	return &penalties{cfg: cfg, by: map[string]*penalty{}}
}

// failure records one failed login from host; it reports whether this
// failure put the address under penalty.
func (p *penalties) failure(host string, now time.Time) bool {
	if p.cfg.PerFailure <= 0 {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	e := p.by[host]
	if e == nil {
		if len(p.by) >= maxTracked {
			p.prune(now)
		}
		e = &penalty{}
		p.by[host] = e
	}
	if !e.until.After(now) {
		*e = penalty{until: now}
	}
	wasBlocked := e.blocking
	e.until = e.until.Add(p.cfg.PerFailure)
	if p.cfg.Max > 0 && e.until.Sub(now) > p.cfg.Max {
		e.until = now.Add(p.cfg.Max)
	}
	if e.until.Sub(now) > p.cfg.Threshold {
		e.blocking = true
	}
	return e.blocking && !wasBlocked
}

// blocked reports whether host is under penalty, and for how long still.
func (p *penalties) blocked(host string, now time.Time) (time.Duration, bool) {
	if p.cfg.PerFailure <= 0 {
		return 0, false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	e := p.by[host]
	if e == nil {
		return 0, false
	}
	// Blocked from the moment the penalty passed the threshold until it
	// has run out entirely, as OpenSSH does.
	left := e.until.Sub(now)
	if left <= 0 {
		delete(p.by, host)
		return 0, false
	}
	return left, e.blocking
}

// shouldLog reports once per block that a drop should be logged, so an
// address hammering the port fills no disk.
func (p *penalties) shouldLog(host string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	e := p.by[host]
	if e == nil || e.logged {
		return false
	}
	e.logged = true
	return true
}

// prune forgets expired penalties, then, if still full, the one that runs
// out first.
func (p *penalties) prune(now time.Time) {
	var first string
	for h, e := range p.by {
		if !e.until.After(now) {
			delete(p.by, h)
			continue
		}
		if first == "" || e.until.Before(p.by[first].until) {
			first = h
		}
	}
	if len(p.by) >= maxTracked && first != "" {
		delete(p.by, first)
	}
}
