package timeline

import (
	"fmt"

	"cellule/crisis"
	"cellule/tui/kit"
)

// sharedRender is renderEntry, shared between consoles (kit.Caches): a
// new entry reaches hundreds of consoles, which all draw it the same way;
// the first one renders it, the others copy its lines. Each console still
// keeps its own cache (timeline.rendered) and asks here only for what it
// has not drawn. The lines returned are shared: callers must not change
// them.
func (t *timeline) sharedRender(e crisis.Entry, selected bool) []string {
	k := kit.EntryKey{
		Look: t.s.Look(t.width), Selected: selected,
		ID: e.ID, OccurredAt: e.OccurredAt, RecordedAt: e.RecordedAt, Author: e.Author, Text: e.Text,
		Kind: e.Kind, Amends: e.Amends, Task: e.Task, Asset: e.Asset, Search: t.shownSearch,
	}
	if len(e.AmendedBy) > 0 {
		k.AmendedBy = fmt.Sprint(e.AmendedBy)
	}
	return t.s.Caches.Entries.Get(k, func() []string { return t.renderEntry(e, selected) })
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
	r := t.s.St.Filter.Render(s)
	t.plainDrawn[s] = r
	return r
}

// sharedFilterLine is drawFilterLine, shared between consoles: after a new
// entry, hundreds of consoles draw the same line (all kinds, one more
// entry, at the newest), and drawing it with its styles was a tenth of a
// change's cost.
func (t *timeline) sharedFilterLine() string {
	k := kit.FilterKey{
		Look: t.s.Look(t.width), Kind: t.kind, Search: t.search,
		Entries: len(t.entries), More: t.more, OlderPending: t.olderPending, NewerBelow: -1,
	}
	if !t.following() {
		k.NewerBelow = len(t.entries) - 1 - t.cursor
	}
	return t.s.Caches.Filters.Get(k, t.drawFilterLine)
}
