package crisis

import (
	"reflect"
	"sync"
	"sync/atomic"
)

// snapshots shares the reads that every console makes after a change: the
// header's Status and the newest page of the unfiltered logbook. Hundreds
// of consoles wake up on the same change and would each read the same
// thing; the first one reads it, the others take its result. Each read is
// labelled with the change count seen before it started: a change committed
// meanwhile only makes the label older than the data, and the change's own
// signal (sent after the count moved) makes the next read fresh.
//
// What is shared is given as it is, slices and map included: every caller
// only reads it. A read already made for the caller's change count is taken
// without the lock, so hundreds of consoles waking together do not queue on
// it one by one; the lock is only for the one read per change.
type snapshots struct {
	mu sync.Mutex // held by the one reading

	status   atomic.Pointer[sharedStatus]
	versions uint64 // the last Status.Version given

	page atomic.Pointer[sharedPage]

	// assets is the register, for the consoles on its tab (register_shared.go).
	assets atomic.Pointer[sharedAssets]
}

type sharedStatus struct {
	seq    uint64
	status Status
}

type sharedPage struct {
	seq  uint64
	page TimelinePage
}

// getStatus returns the Status as of change seq, reading it once per change.
func (c *snapshots) getStatus(seq uint64, read func() (Status, error)) (Status, error) {
	if s := c.status.Load(); s != nil && s.seq == seq {
		return s.status, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s := c.status.Load(); s != nil && s.seq == seq {
		return s.status, nil // read by another caller meanwhile
	}
	st, err := read()
	if err != nil {
		return st, err
	}
	st.Version = c.version(st)
	c.status.Store(&sharedStatus{seq: seq, status: st})
	return st, nil
}

// version is the Version of st, a status just read: the previous one's if
// it shows the same thing, apart from the number of entries (the change
// was an entry: the usual case), a new one otherwise. Compared once per
// change, not once per console. Called with the lock held.
func (c *snapshots) version(st Status) uint64 {
	if s := c.status.Load(); s != nil {
		prev := s.status
		prev.Version, prev.Entries = 0, st.Entries
		if reflect.DeepEqual(prev, st) {
			return s.status.Version
		}
	}
	c.versions++
	return c.versions
}

// newestPage returns the newest unfiltered page as of change seq, reading it
// once per change. Its entries are shared between callers: read, never
// modified (a copy per console per change was a copy of 200 entries for
// each of hundreds of consoles).
func (c *snapshots) newestPage(seq uint64, read func() (TimelinePage, error)) (TimelinePage, error) {
	if p := c.page.Load(); p != nil && p.seq == seq {
		return p.page, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if p := c.page.Load(); p != nil && p.seq == seq {
		return p.page, nil
	}
	p, err := read()
	if err != nil {
		return p, err
	}
	c.page.Store(&sharedPage{seq: seq, page: p})
	return p, nil
}
