package sshserver

import (
	"fmt"
	"net"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// PenaltyConfig is the per-address penalty for failed logins, in the
// spirit of OpenSSH's PerSourcePenalties: each connection from an address
// that ends without logging in adds PerFailure to that address's penalty,
// which runs down in real time; once it passes Threshold the address is
// blocked (its new connections are dropped before the handshake) for
// Threshold+PerFailure. An address blocked again while still remembered
// is blocked twice as long as the time before, up to Max. Connections that
// were already open when a block began add nothing to it: fifty failed
// logins at once cost one block, not fifty penalties. PerFailure 0 turns
// it off.
type PenaltyConfig struct {
	PerFailure time.Duration
	Threshold  time.Duration
	Max        time.Duration
	// Exempt lists networks never penalised (the crisis room's own, whose
	// people share one address), as OpenSSH's PerSourcePenaltyExemptList.
	Exempt []netip.Prefix
}

// DefaultPenalty blocks an address after four failed logins in quick
// succession, for 20 s at first, up to 10 min for one that keeps trying.
func DefaultPenalty() PenaltyConfig {
	return PenaltyConfig{PerFailure: 5 * time.Second, Threshold: 15 * time.Second, Max: 10 * time.Minute}
}

// ParseExempt reads a comma-separated list of networks (CIDR, or a bare
// address for itself alone), as `serve --penalty-exempt` takes it.
func ParseExempt(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if a, err := netip.ParseAddr(f); err == nil {
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, fmt.Errorf("%q is not a network (use e.g. 10.20.0.0/24 or 2001:db8::/64)", f)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// maxTracked bounds the addresses remembered: past it, forgotten penalties
// go first, and if all are live the one that runs out first. A botnet
// spread over many addresses must not grow the table without end.
const maxTracked = 65536

type penalty struct {
	until    time.Time // the penalty (or the block) runs out then
	blocking bool      // it passed the threshold and has not run out
	block    time.Duration
	logged   bool // a drop was logged during this block
}

type penalties struct {
	cfg PenaltyConfig
	mu  sync.Mutex
	by  map[string]*penalty
}

func newPenalties(cfg PenaltyConfig) *penalties {
	return &penalties{cfg: cfg, by: map[string]*penalty{}}
}

// exempt reports whether a is in one of the exempt networks.
func (p *penalties) exempt(a net.Addr) bool {
	if len(p.cfg.Exempt) == 0 {
		return false
	}
	ta, ok := a.(*net.TCPAddr)
	if !ok {
		return false
	}
	ip, ok := netip.AddrFromSlice(ta.IP)
	if !ok {
		return false
	}
	ip = ip.Unmap()
	for _, n := range p.cfg.Exempt {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

// forgotten reports whether an address's record no longer matters: its
// penalty ran out, and it stayed clean for Max since (so a next block
// starts short again).
func (p *penalties) forgotten(e *penalty, now time.Time) bool {
	return !now.Before(e.until.Add(p.cfg.Max))
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
	if e != nil && p.forgotten(e, now) {
		e = nil
	}
	if e == nil {
		if len(p.by) >= maxTracked {
			p.prune(now)
		}
		e = &penalty{}
		p.by[host] = e
	}
	if e.blocking {
		if e.until.After(now) {
			// A connection already open when the block began: the
			// block is what this address earned for it.
			return false
		}
		e.blocking = false
	}
	if !e.until.After(now) {
		e.until = now
	}
	e.until = e.until.Add(p.cfg.PerFailure)
	if e.until.Sub(now) <= p.cfg.Threshold {
		return false
	}
	// Blocked: the first time for Threshold+PerFailure, each next time
	// (while remembered) twice the last, at most Max.
	b := p.cfg.Threshold + p.cfg.PerFailure
	if e.block > 0 {
		b = 2 * e.block
	}
	if p.cfg.Max > 0 && b > p.cfg.Max {
		b = p.cfg.Max
	}
	*e = penalty{until: now.Add(b), blocking: true, block: b}
	return true
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
	if p.forgotten(e, now) {
		delete(p.by, host)
		return 0, false
	}
	left := e.until.Sub(now)
	if left <= 0 {
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

// prune forgets the records that no longer matter, then, if still full,
// the one that runs out first.
func (p *penalties) prune(now time.Time) {
	var first string
	for h, e := range p.by {
		if p.forgotten(e, now) {
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
