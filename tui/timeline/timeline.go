// Package timeline is the console's Timeline tab: the logbook, newest
// at the bottom, its filter and search, and the entry form.
package timeline

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// pageSize is how many entries one read brings: a few screens' worth, so
// opening the view costs the same with ten entries or a million.
const pageSize = crisis.DefaultPage

// Layout of an entry: a bar marks the selected one; the text sits under
// its meta line, indented.
const (
	textIndent = 4
)

// timeline is tab 1: the crisis logbook, newest at the bottom.
type timeline struct {
	s             *kit.Session
	tx            *Text // the tab's own strings
	keys          *keys // the tab's own keys
	st            *styles
	width, height int

	entries []crisis.Entry // oldest first, as they read
	more    bool           // older entries match too
	loaded  bool
	loadErr error
	// shownKind and shownSearch are the filter the entries were read with.
	shownKind   crisis.Kind
	shownSearch string

	// cursor is the selected entry; top and topSkip say what is at the top
	// of the list (an entry, and how many of its lines are scrolled off).
	cursor, top, topSkip int

	// The filter asked for (applied by the next read).
	kind        crisis.Kind
	search      string
	searchOpen  bool
	searchInput kit.Input

	load         kit.Loader[timelineLoadedMsg] // a late read is dropped
	olderPending bool                          // a read of older entries is on its way
	// jumpTo is an entry just saved here: the first read from jumpSeq on
	// that holds it puts the cursor on it.
	jumpTo  uint64
	jumpSeq int

	form *entryForm // the open new-entry or correction form

	// rendered keeps each entry's lines as last drawn at this width:
	// entries never change (but for new corrections, part of the key), and
	// scrolling, following and drawing measure and draw the same ones
	// again and again, in every console, after every change.
	rendered      map[renderKey][]string
	renderedWidth int
	// plainDrawn keeps the filter line's pieces as drawn (plain).
	plainDrawn map[string]string
}

// renderKey identifies one way an entry is drawn.
type renderKey struct {
	id       uint64
	amended  int
	selected bool
	search   string // the search highlighted
}

// New is the Timeline tab of a session.
func New(s *kit.Session) kit.Tab { return newTimeline(s) }

func newTimeline(s *kit.Session) *timeline {
	tx := kit.ForLang(s, "timeline.text", func() *Text { return textFor(s.Lang) })
	in := textinput.New()
	in.Prompt = tx.SearchPrompt
	in.Placeholder = tx.SearchHint
	in.CharLimit = 200
	in.KeyMap.Paste.SetEnabled(false) // it would read the server's clipboard
	in.SetStyles(s.St.Input)          // the palette's, and a cursor that does not blink
	return &timeline{s: s, tx: tx, keys: kit.ForLang(s, "timeline.keys", func() *keys { k := newKeys(tx.Help); return &k }), st: kit.ForTheme(s, "timeline.styles", newStyles), searchInput: s.Bound(in)}
}

func (t *timeline) SetSize(width, height int) {
	changed := width != t.width || height != t.height
	t.width, t.height = width, height
	t.searchInput.SetWidth(max(width-lipgloss.Width(t.tx.SearchPrompt)-2, 10))
	if t.form != nil {
		t.form.setSize(width, height)
	}
	if changed {
		t.ensureVisible()
	}
}

// listHeight is the room for entries: below the filter line, above the
// search field when it is open.
func (t *timeline) listHeight() int {
	h := t.height - 1
	if t.searchOpen {
		h--
	}
	return max(h, 1)
}

// Title is the tab's name.
func (t *timeline) Title() string { return t.tx.Tab }

func (t *timeline) Capturing() bool { return t.form != nil || t.searchOpen }

func (t *timeline) query() crisis.TimelineQuery {
	return crisis.TimelineQuery{Kind: t.kind, Search: t.search, Limit: pageSize}
}

// Reload reads the newest page with the current filter; apply keeps the
// older entries already loaded, so what the user reads does not move.
func (t *timeline) Reload() tea.Cmd {
	q, svc := t.query(), t.s.Svc
	return t.load.Load(func() timelineLoadedMsg {
		page, err := svc.Timeline(q)
		return timelineLoadedMsg{query: q, page: page, err: err}
	})
}

// loadOlder reads the page before the oldest loaded entry.
func (t *timeline) loadOlder() tea.Cmd {
	if t.olderPending || !t.more || len(t.entries) == 0 {
		return nil
	}
	t.olderPending = true
	q := crisis.TimelineQuery{Kind: t.shownKind, Search: t.shownSearch, Before: t.entries[0].ID, Limit: pageSize}
	svc := t.s.Svc
	return func() tea.Msg {
		page, err := svc.Timeline(q)
		return timelineLoadedMsg{query: q, page: page, err: err}
	}
}

func (t *timeline) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case kit.Loaded[timelineLoadedMsg]:
		t.apply(msg)
		return nil
	case timelineLoadedMsg: // older entries (loadOlder)
		t.applyOlder(msg)
		return nil
	case EntrySavedMsg:
		return t.saved(msg)
	case tea.KeyPressMsg:
		return t.key(msg)
	}
	// Pastes and the fields' own messages go to whatever has the focus.
	switch {
	case t.form != nil:
		return t.form.update(msg)
	case t.searchOpen:
		return t.updateSearch(msg)
	}
	return nil
}

// apply shows a newly read page. While the cursor is on the newest entry it
// stays there ("follow"); otherwise the selected entry and the top of the
// list stay where they were, whatever arrived below.
func (t *timeline) apply(loaded kit.Loaded[timelineLoadedMsg]) {
	if !t.load.Fresh(loaded) {
		return
	}
	msg := loaded.Value
	if msg.err != nil {
		t.loadErr = msg.err // keep showing what we had
		return
	}
	t.loadErr = nil
	sameFilter := t.loaded && msg.query.Kind == t.shownKind && msg.query.Search == t.shownSearch
	follow := !sameFilter || t.following()
	var cursorID, topID uint64
	if len(t.entries) > 0 {
		cursorID, topID = t.entries[t.cursor].ID, t.entries[t.top].ID
	}

	entries, more := msg.page.Entries, msg.page.More
	if sameFilter && len(t.entries) > 0 && len(entries) > 0 &&
		entries[0].ID > t.entries[0].ID && entries[0].ID <= t.entries[len(t.entries)-1].ID {
		// The page overlaps what is loaded: keep the older entries before it
		// (no gap between them), so scrolling back is not lost.
		entries, more = mergeOlder(t.entries, entries), t.more
	}
	t.entries, t.more = entries, more
	t.loaded, t.shownKind, t.shownSearch = true, msg.query.Kind, msg.query.Search

	n := len(t.entries)
	switch {
	case n == 0:
		t.cursor, t.top, t.topSkip = 0, 0, 0
	case follow:
		t.cursor = n - 1
	default:
		t.cursor, _ = t.indexOf(cursorID)
		t.top, _ = t.indexOf(topID)
	}
	if t.jumpTo != 0 && loaded.Seq >= t.jumpSeq {
		// The entry just saved here, unless the filter hides it.
		if i, ok := t.indexOf(t.jumpTo); ok {
			t.cursor = i
		}
		t.jumpTo = 0
	}
	t.ensureVisible()
}

// mergeOlder puts the loaded entries older than page before it. A
// correction in page of one of those older entries is marked on it, as the
// store would have on reading it.
func mergeOlder(loaded, page []crisis.Entry) []crisis.Entry {
	first := page[0].ID
	cut := sort.Search(len(loaded), func(i int) bool { return loaded[i].ID >= first })
	out := make([]crisis.Entry, 0, cut+len(page))
	out = append(out, loaded[:cut]...)
	for _, e := range page {
		if e.Amends == 0 || e.Amends >= first {
			continue
		}
		i := sort.Search(cut, func(i int) bool { return out[i].ID >= e.Amends })
		if i < cut && out[i].ID == e.Amends && !containsID(out[i].AmendedBy, e.ID) {
			out[i].AmendedBy = append(append([]uint64(nil), out[i].AmendedBy...), e.ID)
		}
	}
	return append(out, page...)
}

func containsID(ids []uint64, id uint64) bool {
	for _, v := range ids {
		if v == id {
			return true
		}
	}
	return false
}

// applyOlder puts a page of older entries before what is loaded, keeping
// the same entry selected and the same lines on screen.
func (t *timeline) applyOlder(msg timelineLoadedMsg) {
	t.olderPending = false
	if msg.err != nil {
		t.loadErr = msg.err
		return
	}
	if len(t.entries) == 0 || msg.query.Before != t.entries[0].ID ||
		msg.query.Kind != t.shownKind || msg.query.Search != t.shownSearch {
		return // the list changed meanwhile; the next key asks again
	}
	n := len(msg.page.Entries)
	t.entries = append(append(make([]crisis.Entry, 0, n+len(t.entries)), msg.page.Entries...), t.entries...)
	t.more = msg.page.More
	t.cursor += n
	t.top += n
	t.ensureVisible()
}

// indexOf finds an entry by id, or the nearest one after it.
func (t *timeline) indexOf(id uint64) (int, bool) {
	i := sort.Search(len(t.entries), func(i int) bool { return t.entries[i].ID >= id })
	if i == len(t.entries) {
		return max(i-1, 0), false
	}
	return i, t.entries[i].ID == id
}

func (t *timeline) following() bool {
	return len(t.entries) == 0 || t.cursor == len(t.entries)-1
}

// saved handles the result of Log or Correct sent from the form.
func (t *timeline) saved(msg EntrySavedMsg) tea.Cmd {
	if t.form == nil {
		return nil
	}
	if msg.Err != nil {
		t.form.Fail(msg.Err)
		return nil
	}
	t.form = nil
	t.s.Notify(msg.Action, fmt.Sprintf(t.tx.SavedAs, msg.Entry.ID), false, msg.Entry.ID)
	cmd := t.Reload()
	t.jumpTo, t.jumpSeq = msg.Entry.ID, t.load.Issued()
	return cmd
}

func (t *timeline) key(msg tea.KeyPressMsg) tea.Cmd {
	if t.form != nil {
		return t.formKey(msg)
	}
	if t.searchOpen {
		return t.searchKey(msg)
	}
	k := t.s.Keys
	switch {
	case key.Matches(msg, k.Up):
		t.move(-1)
	case key.Matches(msg, k.Down):
		t.move(1)
	case key.Matches(msg, k.PageUp):
		t.page(-1)
	case key.Matches(msg, k.PageDown):
		t.page(1)
	case key.Matches(msg, k.Home):
		t.cursor = 0
		t.ensureVisible()
	case key.Matches(msg, k.End):
		t.cursor = len(t.entries) - 1
		t.ensureVisible()
	case key.Matches(msg, k.New):
		return t.openForm(nil)
	case key.Matches(msg, t.keys.Correct):
		if len(t.entries) == 0 {
			return nil
		}
		e := t.entries[t.cursor]
		return t.openForm(&e)
	case key.Matches(msg, t.keys.Filter):
		t.kind = nextKind(t.kind)
		return t.Reload()
	case key.Matches(msg, t.keys.FilterBack): // so no kind is seven presses away
		t.kind = prevKind(t.kind)
		return t.Reload()
	case key.Matches(msg, t.keys.Search):
		t.searchOpen = true
		t.searchInput.SetValue(t.search)
		t.searchInput.CursorEnd()
		t.ensureVisible()
		return t.searchInput.Focus()
	case key.Matches(msg, t.keys.Clear):
		if t.kind == "" && t.search == "" {
			return nil
		}
		t.kind, t.search = "", ""
		return t.Reload()
	default:
		return nil
	}
	// Reaching the oldest loaded entry asks for the ones before it.
	if len(t.entries) > 0 && t.cursor == 0 {
		return t.loadOlder()
	}
	return nil
}

// prevKind cycles the kind filter backwards.
func prevKind(k crisis.Kind) crisis.Kind {
	for i, v := range crisis.Kinds {
		if v == k {
			if i == 0 {
				return ""
			}
			return crisis.Kinds[i-1]
		}
	}
	return crisis.Kinds[len(crisis.Kinds)-1] // from all kinds to the last
}

// nextKind cycles the kind filter: all, then each kind, then all again.
func nextKind(k crisis.Kind) crisis.Kind {
	if k == "" {
		return crisis.Kinds[0]
	}
	for i, v := range crisis.Kinds {
		if v == k && i+1 < len(crisis.Kinds) {
			return crisis.Kinds[i+1]
		}
	}
	return ""
}

// openForm opens the new-entry form, or the correction form of e. A role
// that may not write gets the service's refusal instead of a form it could
// never save.
func (t *timeline) openForm(e *crisis.Entry) tea.Cmd {
	if !t.s.Allowed(crisis.ActWriteLog) {
		return kit.Refuse(t.s, crisis.ActWriteLog)
	}
	t.form = newEntryForm(t.s, t.tx, t.st, e, t.width, t.height)
	return t.form.focusCmd()
}

func (t *timeline) formKey(msg tea.KeyPressMsg) tea.Cmd {
	act, cmd := t.form.key(msg)
	switch act {
	case kit.FormSave:
		t.form.StartSaving()
		d, amends := t.form.draft(), t.form.amends
		svc, me, action := t.s.Svc, t.s.Me, t.s.Action()
		return func() tea.Msg {
			var e crisis.Entry
			var err error
			if amends != 0 {
				e, err = svc.Correct(me, amends, d)
			} else {
				e, err = svc.Log(me, d)
			}
			return EntrySavedMsg{Action: action, Entry: e, Err: err}
		}
	case kit.FormCancel:
		t.form = nil
	case kit.FormQuit:
		return tea.Quit
	}
	return cmd
}

func (t *timeline) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	k := t.s.Keys
	switch {
	case key.Matches(msg, k.ForceQuit):
		return tea.Quit // a search is not worth asking about
	case key.Matches(msg, k.Apply):
		t.closeSearch()
		return nil
	case key.Matches(msg, k.ClearSearch):
		t.closeSearch()
		if t.search == "" {
			return nil
		}
		t.search = ""
		return t.Reload()
	}
	return t.updateSearch(msg)
}

func (t *timeline) closeSearch() {
	t.searchOpen = false
	t.searchInput.Blur()
	t.ensureVisible()
}

// updateSearch feeds the field and filters as the user types.
func (t *timeline) updateSearch(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	t.searchInput, cmd = t.searchInput.Update(msg)
	if v := strings.TrimSpace(t.searchInput.Value()); v != t.search {
		t.search = v
		return tea.Batch(cmd, t.Reload())
	}
	return cmd
}

// move goes one entry up or down; inside an entry taller than the list it
// first scrolls that entry line by line, so its end can be read.
func (t *timeline) move(delta int) {
	if len(t.entries) == 0 {
		return
	}
	h := t.listHeight()
	if t.top == t.cursor {
		bh := t.blockHeight(t.cursor)
		if delta > 0 && bh > h && t.topSkip < bh-h {
			t.topSkip++
			return
		}
		if delta < 0 && t.topSkip > 0 {
			t.topSkip--
			return
		}
	}
	t.cursor = min(max(t.cursor+delta, 0), len(t.entries)-1)
	t.ensureVisible()
}

// page moves the cursor by about one screen of lines.
func (t *timeline) page(dir int) {
	h, acc, i := t.listHeight(), 0, t.cursor
	for {
		next := i + dir
		if next < 0 || next >= len(t.entries) {
			break
		}
		acc += t.blockHeight(next)
		i = next
		if acc >= h {
			break
		}
	}
	t.cursor = i
	t.ensureVisible()
}

// ensureVisible scrolls the least needed to show the selected entry
// whole (or, when it is taller than the list, a part of it), and keeps the
// list's end at the bottom rather than leaving empty lines under it.
func (t *timeline) ensureVisible() {
	n := len(t.entries)
	if n == 0 {
		t.cursor, t.top, t.topSkip = 0, 0, 0
		return
	}
	t.cursor = min(max(t.cursor, 0), n-1)
	t.top = min(max(t.top, 0), n-1)
	h := t.listHeight()
	ch := t.blockHeight(t.cursor)
	switch {
	case t.cursor < t.top:
		t.top, t.topSkip = t.cursor, 0
	case t.cursor == t.top:
		if ch <= h {
			t.topSkip = 0
		} else {
			t.topSkip = min(max(t.topSkip, 0), ch-h)
		}
	case !t.endsWithin(t.cursor, h):
		t.bottomAlign(t.cursor, h)
	}
	if t.top > 0 || t.topSkip > 0 {
		if !t.endsWithin(n-1, h-1) {
			return
		}
		// Everything from the top fits with room to spare: scroll back so
		// the newest entry sits on the bottom line.
		t.bottomAlign(n-1, h)
	}
}

// endsWithin reports whether entry i ends within the first h lines of the
// list as it is scrolled now.
func (t *timeline) endsWithin(i, h int) bool {
	lines := -t.topSkip
	for j := t.top; j <= i; j++ {
		lines += t.blockHeight(j)
		if lines > h {
			return false
		}
	}
	return true
}

// bottomAlign scrolls so that entry i ends on the last line of the list.
func (t *timeline) bottomAlign(i, h int) {
	acc := t.blockHeight(i)
	if acc >= h {
		t.top, t.topSkip = i, 0
		return
	}
	for j := i; j > 0; j-- {
		if acc == h {
			t.top, t.topSkip = j, 0
			return
		}
		bh := t.blockHeight(j - 1)
		if acc+bh > h {
			t.top, t.topSkip = j-1, acc+bh-h
			return
		}
		acc += bh
	}
	t.top, t.topSkip = 0, 0
}

func (t *timeline) blockHeight(i int) int {
	return len(t.entryLines(t.entries[i], false))
}

// Help lists the keys that work now: the form's, the search field's, or
// the list's (writing keys only for roles that may write).
func (t *timeline) Help() kit.HelpKeys {
	k := t.s.Keys
	if t.form != nil {
		return t.form.help()
	}
	if t.searchOpen {
		return kit.HelpKeys{Short: []key.Binding{k.Apply, k.ClearSearch}, Full: [][]key.Binding{{k.Apply, k.ClearSearch}}}
	}
	var write []key.Binding
	if t.s.Allowed(crisis.ActWriteLog) {
		write = []key.Binding{k.New, t.keys.Correct}
	}
	view := []key.Binding{t.keys.Filter, t.keys.Search}
	var short []key.Binding
	if t.kind != "" || t.search != "" {
		// At 80 columns the footer has room for one more key: the way
		// back to everything matters more than the arrows, and "? help"
		// must never be cut off.
		view = append(view, t.keys.Clear)
	} else {
		short = []key.Binding{k.Move}
	}
	short = append(short, write...)
	short = append(short, view...)
	return kit.HelpKeys{
		Short: short,
		Full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
			write,
			{t.keys.Filter, t.keys.FilterBack, t.keys.Search, t.keys.Clear},
		},
	}
}

// KeepsHelp: a page read leaves the keys as they were (Help depends on the
// form, the search field and the filter, not on the entries).
func (t *timeline) KeepsHelp(msg tea.Msg) bool {
	switch msg.(type) {
	case kit.Loaded[timelineLoadedMsg], timelineLoadedMsg:
		return true
	}
	return false
}

// Unsaved reports typed text in an open form, not saved yet.
func (t *timeline) Unsaved() bool { return t.form != nil && t.form.dirty() }
