package crisis

import "time"

// Snapshot is the whole record as of one read transaction: every export
// (Markdown, HTML, CSV, JSON) reads through one, so what it shows is
// consistent whatever is written meanwhile. It is valid only inside the
// function given to Export or Read.
type Snapshot struct {
	tx  ReadTx
	loc *time.Location
	// Crisis is the crisis record; Head the newest audit record (HasHead
	// false for an empty trail).
	Crisis  Crisis
	Head    AuditRecord
	HasHead bool
	// Entries is how many entries the logbook holds.
	Entries uint64
}

// Export runs fn over a snapshot for a that may export the record (leads
// and responders): fn may write it anywhere.
func (s *Service) Export(a Actor, fn func(*Snapshot) error) error {
	return s.snapshot(a, ActExport, fn)
}

// Read runs fn over a snapshot for anyone registered: to show the report
// on screen, as the timeline is shown to viewers too.
func (s *Service) Read(a Actor, fn func(*Snapshot) error) error {
	return s.snapshot(a, "", fn)
}

func (s *Service) snapshot(a Actor, act Action, fn func(*Snapshot) error) error {
	return s.store.View(func(tx ReadTx) error {
		cur, err := currentActor(tx, a)
		if err != nil {
			return err
		}
		if act != "" {
			if err := cur.Check(act); err != nil {
				return err
			}
		}
		snap := &Snapshot{tx: tx, loc: s.loc}
		if snap.Crisis, err = crisisOf(tx, time.Time{}); err != nil {
			return err
		}
		if snap.Head, snap.HasHead, err = tx.AuditHead(); err != nil {
			return err
		}
		if snap.Entries, err = tx.LastEntryID(); err != nil {
			return err
		}
		return fn(snap)
	})
}

// Location is the time zone the report shows times in.
func (p *Snapshot) Location() *time.Location { return p.loc }

// Users lists every registered user, revoked ones included.
func (p *Snapshot) Users() ([]User, error) { return p.tx.Users() }

// Takeaways lists the key takeaways, oldest first.
func (p *Snapshot) Takeaways() ([]Takeaway, error) { return takeawaysOf(p.tx) }

// EachEntry visits every entry, oldest first, one at a time: a report of a
// million entries holds one in memory.
func (p *Snapshot) EachEntry(fn func(Entry) error) error {
	return p.tx.ScanEntries(0, false, func(e Entry) (bool, error) {
		return true, fn(e)
	})
}

// LastEntries is the newest n entries that keep accepts (all of them when n
// is 0), oldest first, and whether older ones match too.
func (p *Snapshot) LastEntries(n int, keep func(Entry) bool) ([]Entry, bool, error) {
	var got []Entry
	more := false
	err := p.tx.ScanEntries(0, true, func(e Entry) (bool, error) {
		if !keep(e) {
			return true, nil
		}
		if n > 0 && len(got) == n {
			more = true
			return false, nil
		}
		got = append(got, e)
		return true, nil
	})
	for i, j := 0, len(got)-1; i < j; i, j = i+1, j-1 {
		got[i], got[j] = got[j], got[i]
	}
	return got, more, err
}
