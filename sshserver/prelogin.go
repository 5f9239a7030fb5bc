package sshserver

import "sync"

// perSourceShare is the share of the MaxUnauthenticated slots that one
// source (an IPv4 address, an IPv6 /64) may hold: a quarter, rounded up.
// One address holding connections open without logging in then takes a
// quarter of the door at most, and a lead from anywhere else still gets in.
const perSourceShare = 4

// perSourceCap is how many connections not logged in one source may hold
// under a total cap of max (0: no cap).
func perSourceCap(max int) int {
	if max <= 0 {
		return 0
	}
	return (max + perSourceShare - 1) / perSourceShare
}

// sourceSlots counts, by source, the connections not logged in yet.
type sourceSlots struct {
	cap int
	mu  sync.Mutex
	by  map[string]int
	// full holds the sources refused since they last had a free slot:
	// one log line per source filling its share, not one per connection.
	full map[string]bool
}

func newSourceSlots(cap int) *sourceSlots {
	return &sourceSlots{cap: cap, by: map[string]int{}, full: map[string]bool{}}
}

// take holds a slot for host, or reports that host holds its share, and
// whether this is the first refusal since it had room (to be logged).
func (s *sourceSlots) take(host string) (ok, first bool) {
	if s.cap <= 0 {
		return true, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.by[host] >= s.cap {
		first = !s.full[host]
		s.full[host] = true
		return false, first
	}
	s.by[host]++
	return true, false
}

// release gives back a slot taken for host; an address holding none is
// forgotten, so the map holds only the sources logging in now.
func (s *sourceSlots) release(host string) {
	if s.cap <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.full, host)
	if s.by[host] <= 1 {
		delete(s.by, host)
		return
	}
	s.by[host]--
}
