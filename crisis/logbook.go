package crisis

import (
	"strings"
	"time"
)

// Log appends an entry to the logbook and returns it as committed.
func (s *Service) Log(a Actor, d Draft) (Entry, error) {
	return s.appendEntry(a, d, 0)
}

// Correct appends an entry that amends entry id. The original stays as it
// was; views mark it as amended.
func (s *Service) Correct(a Actor, id uint64, d Draft) (Entry, error) {
	if id == 0 {
		return Entry{}, invalidf("entry.correct-which")
	}
	return s.appendEntry(a, d, id)
}

func (s *Service) appendEntry(a Actor, d Draft, amends uint64) (Entry, error) {
	e, err := s.prepare(a, d)
	if err != nil {
		return Entry{}, err
	}
	e.Amends = amends
	err = s.write(a, ActWriteLog, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		action := "log"
		if amends != 0 {
			orig, ok, err := tx.Entry(amends)
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, notFoundf("entry.correct-missing", amends)
			}
			// A correction is about the same event: unless told
			// otherwise, it keeps the original's kind and time.
			if e.Kind == "" {
				e.Kind = orig.Kind
			}
			if e.OccurredAt.IsZero() {
				e.OccurredAt = orig.OccurredAt
			}
			action = "correct"
		}
		if e.Kind == "" {
			e.Kind = KindFact
		}
		// A correction of a closure would be one too (it keeps the kind).
		if !e.Kind.Writable() {
			return nil, invalidf("kind.closure-reserved")
		}
		e.RecordedAt = now
		if e.OccurredAt.IsZero() {
			e.OccurredAt = now
		}
		var err error
		if e, err = tx.AppendEntry(e); err != nil {
			return nil, err
		}
		return []AuditRecord{entryRecord(action, e)}, nil
	})
	return e, err
}

// prepare validates a draft and turns it into an entry, not yet stored.
func (s *Service) prepare(a Actor, d Draft) (Entry, error) {
	tooLong := invalidf("entry.too-long", MaxEntryBytes)
	// Checked before sanitising (to bound the work) and after (tabs grow).
	if len(d.Text) > MaxEntryBytes {
		return Entry{}, tooLong
	}
	text := strings.TrimSpace(Sanitize(d.Text))
	if text == "" {
		return Entry{}, invalidf("entry.empty")
	}
	if len(text) > MaxEntryBytes {
		return Entry{}, tooLong
	}
	kind := d.Kind
	if kind != "" {
		var err error
		if kind, err = ParseKind(string(kind)); err != nil {
			return Entry{}, err
		}
		if !kind.Writable() {
			return Entry{}, invalidf("kind.closure-reserved")
		}
	}
	var occurred time.Time
	if strings.TrimSpace(d.When) != "" {
		t, err := s.parseWhen(d.When)
		if err != nil {
			return Entry{}, err
		}
		occurred = t
	}
	source, err := cleanSource(d.Source)
	if err != nil {
		return Entry{}, err
	}
	var verify Check
	if strings.TrimSpace(d.Verify) != "" {
		if verify, err = ParseCheck(d.Verify); err != nil {
			return Entry{}, err
		}
		if kind == "" {
			kind = KindInfo // a status is for information received
		}
	}
	return Entry{Kind: kind, Text: text, OccurredAt: occurred, Author: a.Name, AuthorKey: a.Fingerprint, Source: source, Verify: verify}, nil
}

// parseWhen reads a "happened at" expression typed by a person (a logbook
// entry's, a checklist step's), within the window around this crisis:
// every such time goes through it. The opening time never changes once
// the crisis exists, so it is read before the write's transaction.
func (s *Service) parseWhen(when string) (time.Time, error) {
	now := s.Now()
	opened := now
	err := s.store.View(func(tx ReadTx) error {
		c, ok, err := tx.Crisis()
		if ok {
			opened = c.OpenedAt
		}
		return err
	})
	if err != nil {
		return time.Time{}, err
	}
	t, err := ParseWhenSince(when, now, s.loc, opened)
	return t.UTC().Truncate(time.Second), err
}

// Entry reads one entry.
func (s *Service) Entry(id uint64) (Entry, error) {
	var e Entry
	err := s.store.View(func(tx ReadTx) error {
		var ok bool
		var err error
		e, ok, err = tx.Entry(id)
		if err == nil && !ok {
			err = notFoundf("entry.missing", id)
		}
		return err
	})
	return e, err
}

// TimelineQuery selects a page of the logbook, newest first from Before.
type TimelineQuery struct {
	Kind   Kind   // "" for every kind
	Search string // case and accents aside, in the text (English or French) and the author's name
	Before uint64 // only entries with a smaller id; 0 for the newest
	Limit  int    // at most this many (a default when 0)
}

// TimelinePage is a page of entries, oldest first (the order they read in).
type TimelinePage struct {
	Entries []Entry
	// More is set when older entries match too.
	More bool
	// Total is how many entries the logbook holds, matching or not.
	Total uint64
}

// DefaultPage is how many entries a page holds when the query says 0.
const DefaultPage = 200

// Timeline reads the newest entries matching q. It walks backwards from
// the end and stops when the page is full, so opening the view costs the
// same with ten entries or a million.
func (s *Service) Timeline(q TimelineQuery) (TimelinePage, error) {
	if q.Limit <= 0 {
		q.Limit = DefaultPage
	}
	if q == (TimelineQuery{Limit: DefaultPage}) {
		// What every console shows after a change: read once per change.
		return s.shared.newestPage(s.hub.seq.Load(), func() (TimelinePage, error) { return s.readTimeline(q) })
	}
	return s.readTimeline(q)
}

func (s *Service) readTimeline(q TimelineQuery) (TimelinePage, error) {
	needle := Fold(strings.TrimSpace(q.Search))
	var page TimelinePage
	err := s.store.View(func(tx ReadTx) error {
		var err error
		if page.Total, err = tx.LastEntryID(); err != nil {
			return err
		}
		from := uint64(0)
		if q.Before > 0 {
			if q.Before == 1 {
				return nil
			}
			from = q.Before - 1
		}
		var got []Entry
		err = tx.ScanEntries(from, true, func(e Entry) (bool, error) {
			if q.Kind != "" && e.Kind != q.Kind {
				return true, nil
			}
			if needle != "" && !searchHits(e, needle) {
				return true, nil
			}
			if len(got) == q.Limit {
				page.More = true
				return false, nil
			}
			got = append(got, e)
			return true, nil
		})
		for i, j := 0, len(got)-1; i < j; i, j = i+1, j-1 {
			got[i], got[j] = got[j], got[i]
		}
		page.Entries = got
		return err
	})
	return page, err
}

// eachPage is how many entries EachEntry reads per transaction.
const eachPage = 512

// EachEntry visits every entry, oldest first, up to the newest one when it
// starts. It reads in pages and calls fn outside any transaction: fn may
// write to a client that stops reading, and a read transaction held open
// by a stalled client would stall every writer behind it. Entries are
// never edited, so the pages add up to the logbook as it was at the start
// (a correction made meanwhile may or may not show in AmendedBy).
func (s *Service) EachEntry(fn func(Entry) error) error {
	var last uint64
	if err := s.store.View(func(tx ReadTx) error {
		var err error
		last, err = tx.LastEntryID()
		return err
	}); err != nil {
		return err
	}
	page := make([]Entry, 0, eachPage)
	for next := uint64(1); next <= last; {
		page = page[:0]
		err := s.store.View(func(tx ReadTx) error {
			return tx.ScanEntries(next, false, func(e Entry) (bool, error) {
				if e.ID > last {
					return false, nil
				}
				page = append(page, e)
				return len(page) < eachPage, nil
			})
		})
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, e := range page {
			if err := fn(e); err != nil {
				return err
			}
		}
		next = page[len(page)-1].ID + 1
	}
	return nil
}

// searchHits reports whether e holds needle (folded): its text, the
// system's sentence in French, or its author.
func searchHits(e Entry, needle string) bool {
	if strings.Contains(Fold(e.Text), needle) || strings.Contains(Fold(e.Author), needle) {
		return true
	}
	return e.Msg != nil && strings.Contains(Fold(e.Msg.In(LangFrench)), needle)
}
