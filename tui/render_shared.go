package tui

import (
	"fmt"
	"time"

	"cellule/crisis"
	"cellule/internal/sharedcache"
)

// sharedEntries shares rendered entries between every console of the
// process. A new entry reaches hundreds of consoles, which all draw it the
// same way (same language, width and time zone): the first one renders
// it, the others copy its lines. Each console still keeps its own cache
// (timeline.rendered) and asks here only for what it has not drawn. The
// key holds everything an entry's lines are drawn from, the entry's own
// content included, so two crises served by one process (tests) never mix.
// It keeps the newest pages of a few widths.
var sharedEntries = sharedcache.Cache[sharedEntryKey, []string]{Size: 2048}

type sharedEntryKey struct {
	lang     string
	loc      *time.Location
	width    int
	selected bool

	id                     uint64
	occurredAt, recordedAt time.Time
	author, text           string
	kind                   crisis.Kind
	amends, task           uint64
	amendedBy              string
}

// sharedRender is renderEntry, shared between consoles. The lines returned
// are shared: callers must not change them.
func (t *timeline) sharedRender(e crisis.Entry, selected bool) []string {
	k := sharedEntryKey{
		lang: t.s.lang, loc: t.s.svc.Location(), width: t.width, selected: selected,
		id: e.ID, occurredAt: e.OccurredAt, recordedAt: e.RecordedAt, author: e.Author, text: e.Text,
		kind: e.Kind, amends: e.Amends, task: e.Task,
	}
	if len(e.AmendedBy) > 0 {
		k.amendedBy = fmt.Sprint(e.AmendedBy)
	}
	return sharedEntries.Get(k, func() []string { return t.renderEntry(e, selected) })
}

// plain is the filter line's plain style applied to s, remembered: the
// line is drawn after every change, and most of its pieces never change.
func (t *timeline) plain(s string) string {
	if r, ok := t.plainDrawn[s]; ok {
		return r
	}
	if t.plainDrawn == nil || len(t.plainDrawn) > 64 {
		t.plainDrawn = map[string]string{}
	}
	r := t.s.st.filter.Render(s)
	t.plainDrawn[s] = r
	return r
}

// sharedFilters shares filter lines between consoles: after a new entry,
// hundreds of consoles draw the same line (all kinds, one more entry, at
// the newest), and drawing it with its styles was a tenth of a change's
// cost. The key is everything the line is drawn from.
var sharedFilters = sharedcache.Cache[filterKey, string]{Size: 1024}

type filterKey struct {
	lang         string
	width        int
	kind         crisis.Kind
	search       string
	entries      int
	more         bool
	olderPending bool
	newerBelow   int // -1 while following the newest entry
}

// sharedFilterLine is drawFilterLine, shared between consoles.
func (t *timeline) sharedFilterLine() string {
	k := filterKey{
		lang: t.s.lang, width: t.width, kind: t.kind, search: t.search,
		entries: len(t.entries), more: t.more, olderPending: t.olderPending, newerBelow: -1,
	}
	if !t.following() {
		k.newerBelow = len(t.entries) - 1 - t.cursor
	}
	return sharedFilters.Get(k, t.drawFilterLine)
}

// sharedFits shares, between consoles, screen lines cut to a width
// (fitScreen): when the logbook moves up by a new entry, each console's
// lines are at new places and would each be measured again, the same
// lines in every console.
var sharedFits = sharedcache.Cache[fitKey, string]{Size: 4096}

type fitKey struct {
	line  string
	width int
}

// sharedFit is fitScreen of one line, shared between consoles. A line
// that has fewer bytes than the width has fewer cells: it fits as it is.
func sharedFit(line string, width int) string {
	if len(line) <= width {
		return line
	}
	return sharedFits.Get(fitKey{line, width}, func() string { return fitScreen(line, width, 1) })
}
