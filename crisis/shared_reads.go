package crisis

import (
	"reflect"
	"sync"
)

// snapshots shares the reads that every console makes after a change: the
// header's Status and the newest page of the unfiltered logbook. Hundreds
// of consoles wake up on the same change and would each read the same
// thing; the first one reads it, the others copy its result. Each read is
// labelled with the change count seen before it started: a change committed
// meanwhile only makes the label older than the data, and the change's own
// signal (sent after the count moved) makes the next read fresh.
type snapshots struct {
	mu sync.Mutex

	statusSeq uint64
	statusOK  bool
	status    Status
	versions  uint64 // the last Status.Version given

	pageSeq uint64
	pageOK  bool
	page    TimelinePage
}

// status returns the Status as of change seq, reading it once per change.
func (c *snapshots) getStatus(seq uint64, read func() (Status, error)) (Status, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.statusOK || c.statusSeq != seq {
		st, err := read()
		if err != nil {
			return st, err
		}
		st.Version = c.version(st)
		c.status, c.statusSeq, c.statusOK = st, seq, true
	}
	// Shared as it is, slices and map included (who is online, the
	// recovery summary, the new tasks): every caller only reads it, and a
	// copy per console per change was a few percent of a change's cost.
	return c.status, nil
}

// version is the Version of st, a status just read: the previous one's if
// it shows the same thing, apart from the number of entries (the change
// was an entry: the usual case), a new one otherwise. Compared once per
// change, not once per console.
func (c *snapshots) version(st Status) uint64 {
	if c.statusOK {
		prev := c.status
		prev.Version, prev.Entries = 0, st.Entries
		if reflect.DeepEqual(prev, st) {
			return c.status.Version
		}
	}
	c.versions++
	return c.versions
}

// newestPage returns the newest unfiltered page as of change seq, reading it
// once per change. Callers get their own slice of entries.
func (c *snapshots) newestPage(seq uint64, read func() (TimelinePage, error)) (TimelinePage, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.pageOK || c.pageSeq != seq {
		p, err := read()
		if err != nil {
			return p, err
		}
		c.page, c.pageSeq, c.pageOK = p, seq, true
	}
	p := c.page
	p.Entries = append([]Entry(nil), p.Entries...)
	return p, nil
}
