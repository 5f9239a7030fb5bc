package report

import (
	"sort"
	"time"

	"cellule/crisis"
)

// facts is what several sections need from the whole logbook, gathered in
// one pass over it: counts, who wrote, the stages and the time span. It
// holds no entry, so its size does not depend on the logbook's length.
type facts struct {
	// shown is the display name of each user who has one, by login.
	shown map[string]string
	snap  *crisis.Snapshot
	c     crisis.Crisis
	loc   *time.Location
	// l is the report's language: its words and how it writes times.
	l *tongue

	entries     uint64
	corrections int
	byKind      map[crisis.Kind]int
	authors     []*author // in order of first entry
	stages      []stageSpan
	// first and last bound when the logged events happened.
	first, last time.Time
	// keyEntries counts the entries the chronology marks.
	keyEntries int

	users     []crisis.User
	takeaways []crisis.Takeaway

	// The small records, read whole before the logbook's pass (see
	// records.go): tasks by id, the recovery plan, checklist runs and
	// handovers oldest first, and how many contacts the directory holds.
	tasks     []crisis.Task
	plan      crisis.RecoveryPlan
	runs      []crisis.ChecklistRun
	handovers []crisis.Handover
	contacts  int
	// assets is the register, by id.
	assets []crisis.Asset

	// spools hold the list sections' items of a full export (see lists.go);
	// nil in a preview.
	spools map[string]*spool
	// marks are the key entries the chronology draws (HTML only).
	marks []crisis.Entry
}

type author struct {
	name        string
	entries     int
	first, last time.Time
}

// stageSpan is a stretch of the crisis spent at one stage.
type stageSpan struct {
	stage    crisis.Stage
	from, to time.Time
}

// isKey reports the entries the chronology shows as marks: stage changes,
// decisions, escalations and the closure.
func isKey(e crisis.Entry) bool {
	switch e.Kind {
	case crisis.KindDecision, crisis.KindEscalation, crisis.KindClosure:
		return true
	}
	return e.Stage != ""
}

// gather reads the logbook once: the facts, the list sections' items
// (written with item into spools, unless opt is a preview) and, with
// withMarks, the chronology's marks. Call the returned function when the
// export is written.
func gather(snap *crisis.Snapshot, opt Options, item itemWriter, withMarks bool) (*facts, func(), error) {
	f := &facts{snap: snap, c: snap.Crisis, loc: snap.Location(), l: tongueOf(opt.Lang), entries: snap.Entries, byKind: map[crisis.Kind]int{}}
	if err := f.readRecords(); err != nil {
		return nil, nil, err
	}
	done := func() {}
	if opt.Limit == 0 && item != nil {
		var err error
		if f.spools, done, err = openSpools(f.lists()); err != nil {
			return nil, nil, err
		}
	}
	// People first: the entries written as they are read name them.
	var err error
	if f.users, err = snap.Users(); err != nil {
		done()
		return nil, nil, err
	}
	f.shown = map[string]string{}
	for _, u := range f.users {
		if u.DisplayName != "" {
			f.shown[u.Name] = u.DisplayName
		}
	}
	var marks markPicker
	byName := map[string]*author{}
	stage, since := crisis.StageAlert, f.c.OpenedAt
	err = snap.EachEntry(func(e crisis.Entry) error {
		f.byKind[e.Kind]++
		if e.Amends != 0 {
			f.corrections++
		}
		if f.first.IsZero() || e.OccurredAt.Before(f.first) {
			f.first = e.OccurredAt
		}
		if e.OccurredAt.After(f.last) {
			f.last = e.OccurredAt
		}
		a := byName[e.Author]
		if a == nil {
			a = &author{name: e.Author, first: e.OccurredAt}
			byName[e.Author] = a
			f.authors = append(f.authors, a)
		}
		a.entries++
		if e.OccurredAt.Before(a.first) {
			a.first = e.OccurredAt
		}
		if e.OccurredAt.After(a.last) {
			a.last = e.OccurredAt
		}
		if isKey(e) {
			f.keyEntries++
			if withMarks {
				marks.add(e, f.l)
			}
		}
		if e.Stage != "" {
			f.stages = append(f.stages, stageSpan{stage: stage, from: since, to: e.OccurredAt})
			stage, since = e.Stage, e.OccurredAt
		}
		if f.spools != nil {
			return addToSpools(f.spools, f, e, item)
		}
		return nil
	})
	if err != nil {
		done()
		return nil, nil, err
	}
	f.marks = marks.picked()
	if !f.c.OpenedAt.IsZero() && (f.first.IsZero() || f.c.OpenedAt.Before(f.first)) {
		f.first = f.c.OpenedAt
	}
	end := f.last
	if f.c.EndedAt != nil && f.c.EndedAt.After(end) {
		end = *f.c.EndedAt
	}
	if end.After(f.last) {
		f.last = end
	}
	f.stages = append(f.stages, stageSpan{stage: stage, from: since, to: end})
	if f.takeaways, err = snap.Takeaways(); err != nil {
		done()
		return nil, nil, err
	}
	return f, done, nil
}

// participant is a person or organisation in the record: an entry author,
// a registered user, or both.
type participant struct {
	name    string
	role    string // "" for an author who is not a registered user
	revoked bool
	entries int
}

// participants lists authors in order of their first entry, then the
// registered users who wrote nothing, by name.
func (f *facts) participants() []participant {
	users := map[string]crisis.User{}
	for _, u := range f.users {
		users[u.Name] = u
	}
	var out []participant
	seen := map[string]bool{}
	for _, a := range f.authors {
		p := participant{name: a.name, entries: a.entries}
		if u, ok := users[a.name]; ok {
			p.role, p.revoked = string(u.Role), !u.Active()
		}
		seen[a.name] = true
		out = append(out, p)
	}
	var rest []participant
	for _, u := range f.users {
		if !seen[u.Name] {
			rest = append(rest, participant{name: u.Name, role: string(u.Role), revoked: !u.Active()})
		}
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].name < rest[j].name })
	return append(out, rest...)
}

// by is how an export names an entry's author: the display name beside
// the login, for a user who has one ("Héloïse Durand (heloise)"); the
// key fingerprint stays in the snapshot as the evidence.
func (f *facts) by(login string) string {
	if d, ok := f.shown[login]; ok {
		return d + " (" + login + ")"
	}
	return login
}
