package timeline

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
	"cellule/tui/internal/tuitest"
	"cellule/tui/kit"
)

// TestFollowAndStay: on the newest entry, new entries keep the cursor on
// the newest; scrolled up, what is shown does not move.
func TestFollowAndStay(t *testing.T) {
	f := newFixture(t)
	for i := 1; i <= 30; i++ {
		f.log(t, responder, crisis.KindInfo, fmt.Sprintf("entry number %d", i), "")
	}
	tl := newTab(f, viewer)
	reload := func() { tl.Update(tl.Reload()()) }

	if got := tl.entries[tl.cursor].ID; got != 30 {
		t.Fatalf("cursor on #%d, want the newest", got)
	}
	f.log(t, responder, crisis.KindInfo, "entry number 31", "")
	reload()
	if got := tl.entries[tl.cursor].ID; got != 31 {
		t.Fatalf("following: cursor on #%d, want #31", got)
	}
	if view := ansi.Strip(tl.View()); !strings.Contains(view, "entry number 31") {
		t.Fatalf("the newest entry is not in view:\n%s", lastLines(view))
	}

	for range 12 {
		tl.Update(keyMsg("up"))
	}
	before := ansi.Strip(tl.View())
	selected := tl.entries[tl.cursor].ID
	f.log(t, responder, crisis.KindInfo, "entry number 32", "")
	reload()
	if got := tl.entries[tl.cursor].ID; got != selected {
		t.Fatalf("scrolled up: cursor moved from #%d to #%d", selected, got)
	}
	after := ansi.Strip(tl.View())
	// Only the filter line may change (it counts the entries below).
	if strings.SplitN(before, "\n", 2)[1] != strings.SplitN(after, "\n", 2)[1] {
		t.Fatalf("the list moved:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if !strings.Contains(after, "↓ 13 newer") {
		t.Fatalf("no hint of the newer entries:\n%s", after)
	}
	tl.Update(keyMsg("G"))
	if got := tl.entries[tl.cursor].ID; got != 32 {
		t.Fatalf("G: cursor on #%d", got)
	}
}

// TestLongEntryCanBeReadToItsEnd: an entry taller than the list scrolls
// line by line under the cursor.
func TestLongEntryCanBeReadToItsEnd(t *testing.T) {
	f := newFixture(t)
	var b strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "line %d of the report\n", i)
	}
	f.log(t, responder, crisis.KindFact, b.String(), "")
	f.log(t, responder, crisis.KindFact, "after the report", "")
	tl := newTab(f, viewer)
	shows := func(want string) bool { return strings.Contains(ansi.Strip(tl.View()), want) }

	// Coming from below, up reads the report upwards, like a pager.
	tl.Update(keyMsg("up"))
	if !shows("line 40 of the report") {
		t.Fatalf("the report's end is not shown:\n%s", lastLines(ansi.Strip(tl.View())))
	}
	for range 40 {
		tl.Update(keyMsg("up"))
	}
	if !shows("line 1 of the report") {
		t.Fatalf("the report's start is never shown:\n%s", lastLines(ansi.Strip(tl.View())))
	}
	// And down reads it downwards, then goes on to the next entry.
	for range 40 {
		tl.Update(keyMsg("down"))
	}
	if !shows("line 40 of the report") {
		t.Fatalf("the report's end is never shown:\n%s", lastLines(ansi.Strip(tl.View())))
	}
	tl.Update(keyMsg("down"))
	if tl.entries[tl.cursor].Text != "after the report" {
		t.Fatalf("down at the report's end did not go on")
	}
}

func TestKindFilterCyclesBothWays(t *testing.T) {
	if got := prevKind(""); got != crisis.KindClosure {
		t.Errorf("F from all kinds = %q; want the last kind", got)
	}
	if got := prevKind(crisis.KindFact); got != "" {
		t.Errorf("F from the first kind = %q; want all kinds", got)
	}
	for _, k := range crisis.Kinds {
		if prevKind(nextKind(k)) != k {
			t.Errorf("F does not undo f from %s", k)
		}
	}
}

func TestKindLetterCyclesThroughSameInitial(t *testing.T) {
	f := newFixture(t)
	tl := newTab(f, responder)
	s := tl
	s.Update(keyMsg("n"))
	s.Update(keyMsg("shift+tab"))
	if tl.form.Focus != int(fieldKind) {
		t.Fatalf("focus %v", tl.form.Focus)
	}
	s.Update(keyMsg("e"))
	if got := tl.form.kind(); got != crisis.KindEscalation {
		t.Fatalf("e picked %s", got)
	}
	s.Update(keyMsg("c"))
	if got := tl.form.kind(); got != crisis.KindCommunication {
		t.Fatalf("c picked %s", got)
	}
	// A closure is written by closing the crisis, never from this form:
	// c again finds no other kind and stays.
	s.Update(keyMsg("c"))
	if got := tl.form.kind(); got != crisis.KindCommunication {
		t.Fatalf("c again picked %s", got)
	}
	s.Update(keyMsg("e"))
	s.Update(keyMsg("right"))
	if got := tl.form.kind(); got != crisis.KindFact {
		t.Fatalf("right from the last picked %s", got)
	}
	s.Update(keyMsg("left"))
	if got := tl.form.kind(); got != crisis.KindEscalation {
		t.Fatalf("left from the first picked %s", got)
	}
	if strings.Contains(tl.form.view(), "CLOSURE") {
		t.Fatalf("the form offers CLOSURE:\n%s", tl.form.view())
	}
}

// TestRawEscapeSequencesNeverReachTheView hands the view a page holding
// raw control sequences, as a damaged or imported database could: the
// second line of defence after the service's sanitizing.
func TestRawEscapeSequencesNeverReachTheView(t *testing.T) {
	const evil = "\x1b]52;c;SGVsbG8=\x07evil\x1b[2J"
	f := newFixture(t)
	tl := newTab(f, lead)
	testNow := tuitest.TestNow
	raw := crisis.Entry{
		ID: 99, Author: "mallory\x1b[31m", Kind: crisis.KindFact,
		Text:       "raw " + evil + "\r\x1b[1A overwritten\u202egnp.exe",
		OccurredAt: testNow, RecordedAt: testNow,
	}
	tl.Update(kit.Loaded[timelineLoadedMsg]{Seq: tl.load.Issued() + 1, Value: timelineLoadedMsg{query: tl.query(), page: crisis.TimelinePage{Entries: []crisis.Entry{raw}, Total: 99}}})
	content := tl.View()
	if !strings.Contains(ansi.Strip(content), "raw") || !strings.Contains(ansi.Strip(content), "mallory") {
		t.Fatalf("the raw entry is not shown:\n%s", lastLines(ansi.Strip(content)))
	}
	if rest := foreignEscapes(content); rest != nil {
		t.Fatalf("escape sequences reached the view: %q", rest)
	}
	if strings.ContainsAny(content, "\r\u202e") {
		t.Fatalf("a carriage return or a direction override reached the view: %q", content)
	}
}

// A field holds at most its limit whatever is typed or pasted into it:
// four megabytes pasted into the entry form, or a hundred thousand keys
// typed into the search, leave the field at its limit, cost no more than
// a full field, and the status line says that the rest was not added.
func TestHugeInputStopsAtTheFieldsLimit(t *testing.T) {
	f := newFixture(t)
	tl := newTab(f, responder)
	full := func(what string) {
		t.Helper()
		if n := tl.s.Note(); !n.IsErr || !strings.Contains(n.Text, "This field is full") {
			t.Fatalf("%s: the status line says %q", what, n.Text)
		}
		tl.s.ClearNote()
	}

	tl.Update(keyMsg("n"))
	tl.Update(tea.PasteMsg{Content: strings.Repeat("x", 4<<20)})
	if n := tl.form.Fields[fieldText].Area.Length(); n != crisis.MaxEntryBytes+1 {
		t.Fatalf("the entry's text holds %d characters after a 4 MB paste; want its limit, %d", n, crisis.MaxEntryBytes+1)
	}
	full("paste")
	tl.Update(keyMsg("y"))
	if n := tl.form.Fields[fieldText].Area.Length(); n != crisis.MaxEntryBytes+1 {
		t.Fatalf("a key into the full field: %d characters", n)
	}
	full("key into the full entry")
	tl.Update(keyMsg("esc"))
	tl.Update(keyMsg("y")) // drop the text

	tl.Update(keyMsg("/"))
	for range 100_000 {
		tl.Update(keyMsg("z"))
	}
	if n := len(tl.searchInput.Value()); n != tl.searchInput.CharLimit {
		t.Fatalf("the search holds %d characters after 100000 keys; want its limit, %d", n, tl.searchInput.CharLimit)
	}
	full("keys into the search")
}
