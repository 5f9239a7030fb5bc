package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/tui/kit"
)

func TestChangeShowsWithoutAKeyPress(t *testing.T) {
	f := newFixture(t)
	changes := make(chan struct{}, 1)
	tm := start(t, f, viewer, changes)
	scr := newScreen(t)
	scr.waitFor(t, tm, "Nothing has been logged yet")

	f.log(t, responder, crisis.KindFact, "Radiology PACS unreachable since 04:05.", "")
	changes <- struct{}{}
	scr.waitFor(t, tm, "Radiology PACS unreachable since 04:05.")

	f.log(t, lead, crisis.KindDecision, "Divert emergency imaging to Montauban.", "")
	changes <- struct{}{}
	scr.waitFor(t, tm, "Divert emergency imaging to Montauban.")
}

func TestChangeThroughTheServiceSubscription(t *testing.T) {
	f := newFixture(t)
	changes, unsubscribe := f.svc.Subscribe()
	defer unsubscribe()
	tm := start(t, f, viewer, changes)
	scr := newScreen(t)
	scr.waitFor(t, tm, "Nothing has been logged yet")
	f.log(t, responder, crisis.KindInfo, "ARS informed by phone.", "")
	scr.waitFor(t, tm, "ARS informed by phone.")
	leave := f.svc.Join(responder)
	scr.waitFor(t, tm, "1 online: bob")
	leave()
	scr.waitFor(t, tm, "nobody online")
}

func TestKindFilterNarrowsTheList(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, viewer, nil)
	scr := newScreen(t)
	scr.waitFor(t, tm, "VPN closed")

	press(tm, "f") // fact
	scr.waitFor(t, tm, "Kind FACT")
	scr.waitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Ransom note") && !strings.Contains(s, "Core firewall") && !strings.Contains(s, "VPN closed")
	}, "only the fact")

	press(tm, "f") // info
	scr.waitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Kind INFO") && strings.Contains(s, "ticket 4521") && strings.Contains(s, "ticket is 4512") && !strings.Contains(s, "Ransom note")
	}, "only the two infos")

	press(tm, "esc")
	scr.waitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "All kinds") && strings.Contains(s, "Ransom note") && strings.Contains(s, "VPN closed")
	}, "everything again")
}

func TestSearchNarrowsTheList(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, viewer, nil)
	scr := newScreen(t)
	scr.waitFor(t, tm, "VPN closed")

	press(tm, "/")
	scr.waitFor(t, tm, "Search:")
	tm.Type("zimbra")
	press(tm, "enter")
	scr.waitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, `search "zimbra"`) && strings.Contains(s, "Mail (Zimbra)") && !strings.Contains(s, "Ransom note")
	}, "only the Zimbra entry")

	// The author's name matches too.
	press(tm, "/")
	for range len("zimbra") {
		press(tm, "backspace")
	}
	tm.Type("bob")
	press(tm, "enter")
	scr.waitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Core firewall") && strings.Contains(s, "ticket 4521") && !strings.Contains(s, "Mail (Zimbra)")
	}, "only bob's entries")

	press(tm, "/")
	press(tm, "esc") // esc in the field clears the search
	scr.waitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "search \"") && strings.Contains(s, "Ransom note") && strings.Contains(s, "Mail (Zimbra)")
	}, "everything again")
}

func TestStagePickerSetsTheStage(t *testing.T) {
	f := newFixture(t)
	changes, unsubscribe := f.svc.Subscribe()
	defer unsubscribe()
	tm := start(t, f, lead, changes)
	scr := newScreen(t)
	scr.waitFor(t, tm, "Stage: Alert")
	press(tm, "s")
	scr.waitFor(t, tm, "Move the crisis")
	press(tm, "down")
	press(tm, "down")
	press(tm, "enter")
	scr.waitFor(t, tm, "Stage set to Containment (#1)")
	scr.waitFor(t, tm, "Stage: Containment")
	scr.waitFor(t, tm, "Stage changed from alert to containment")

	// Enter on the stage it is at closes the picker and changes nothing.
	press(tm, "s")
	scr.waitFor(t, tm, "Move the crisis")
	press(tm, "enter")
	scr.waitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "Move the crisis") }, "the picker to close")
	if page, _ := f.svc.Timeline(crisis.TimelineQuery{}); page.Total != 1 {
		t.Errorf("%d entries; want only the one stage change", page.Total)
	}
}

func TestResponderHasNoStageKey(t *testing.T) {
	f := newFixture(t)
	m := New(f.svc, responder, Options{Width: 80, Height: 24}).(*model)
	if view := ansi.Strip(m.View().Content); strings.Contains(view, "s stage") {
		t.Fatalf("a responder is offered the stage key:\n%s", lastLines(view))
	}
}

// TestEscapeSequencesNeverReachTheScreen writes control sequences through
// the service (sanitized on input) and, to check the second line of defence,
// hands the view a page holding raw ones, as a damaged or imported
// database could.
func TestEscapeSequencesNeverReachTheScreen(t *testing.T) {
	const evil = "\x1b]52;c;SGVsbG8=\x07evil\x1b[2J"
	f := newFixture(t)
	f.log(t, responder, crisis.KindFact, "before "+evil+" after", "")
	m := New(f.svc, lead, Options{Width: 80, Height: 24}).(*model)
	content := m.View().Content
	if !strings.Contains(ansi.Strip(content), "evil") {
		t.Fatalf("the entry is not shown:\n%s", lastLines(ansi.Strip(content)))
	}
	if rest := foreignEscapes(content); rest != nil {
		t.Fatalf("escape sequences reached the view: %q", rest)
	}

	raw := crisis.Entry{
		ID: 99, Author: "mallory\x1b[31m", Kind: crisis.KindFact,
		Text:       "raw " + evil + "\r\x1b[1A overwritten\u202egnp.exe",
		OccurredAt: testNow, RecordedAt: testNow,
	}
	tl := m.activeTab().(*timeline)
	m.Update(kit.Loaded[timelineLoadedMsg]{Seq: tl.load.Issued() + 1, Value: timelineLoadedMsg{query: tl.query(), page: crisis.TimelinePage{Entries: []crisis.Entry{raw}, Total: 99}}})
	content = m.View().Content
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

// TestNoLineWiderThanTheTerminal renders every screen at 80x24 with long
// names and texts, and checks each line's width and the line count.
func TestNoLineWiderThanTheTerminal(t *testing.T) {
	f := newFixture(t)
	if _, err := f.svc.Open(lead, "ignored: already open"); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("word ", 40) + strings.Repeat("x", 150) + " https://example.org/" + strings.Repeat("a", 120)
	people := []string{"alexandre.martin-dupont", "beatrice", "charles", "dominique", "emmanuelle", "francois", "genevieve"}
	for i, name := range people {
		a := crisistest.Register(t, f.svc, name, crisis.RoleResponder)
		defer f.svc.Join(a)()
		f.log(t, a, crisis.Kinds[i%len(crisis.Kinds)], fmt.Sprintf("%d %s\n\tindented\n", i, long), "-2h")
	}
	f.log(t, lead, crisis.KindEscalation, "short", "")

	for _, size := range [][2]int{{80, 24}, {100, 30}, {60, 20}} {
		w, h := size[0], size[1]
		m := New(f.svc, crisis.Actor{Name: "a-very-long-user-name-of-32-char", Role: crisis.RoleLead}, Options{Width: w, Height: h}).(*model)
		check := func(state string) {
			t.Helper()
			view := m.View().Content
			lines := strings.Split(view, "\n")
			if len(lines) > h {
				t.Errorf("%dx%d %s: %d lines", w, h, state, len(lines))
			}
			for i, l := range lines {
				if lw := lipgloss.Width(l); lw > w {
					t.Errorf("%dx%d %s: line %d is %d cells wide: %q", w, h, state, i, lw, ansi.Strip(l))
				}
			}
		}
		check("list")
		for range 3 {
			m.Update(keyMsg("up"))
			check("scrolled")
		}
		m.Update(keyMsg("?"))
		check("full help")
		m.Update(keyMsg("?"))
		m.Update(keyMsg("/"))
		check("search")
		m.Update(keyMsg("esc"))
		m.Update(keyMsg("c"))
		check("correction form")
		m.Update(keyMsg("ctrl+s"))
		m.Update(entrySavedMsg{err: fmt.Errorf("%w: %s", crisis.ErrInvalid, long)})
		check("form with a long error")
		m.Update(keyMsg("esc"))
		m.Update(keyMsg("s"))
		check("stage picker")
	}
}

// TestFollowAndStay: on the newest entry, new entries keep the cursor on
// the newest; scrolled up, what is shown does not move.
func TestFollowAndStay(t *testing.T) {
	f := newFixture(t)
	for i := 1; i <= 30; i++ {
		f.log(t, responder, crisis.KindInfo, fmt.Sprintf("entry number %d", i), "")
	}
	m := New(f.svc, viewer, Options{Width: 80, Height: 24}).(*model)
	tl := m.activeTab().(*timeline)
	reload := func() { m.Update(tl.Reload()()) }

	if got := tl.entries[tl.cursor].ID; got != 30 {
		t.Fatalf("cursor on #%d, want the newest", got)
	}
	f.log(t, responder, crisis.KindInfo, "entry number 31", "")
	reload()
	if got := tl.entries[tl.cursor].ID; got != 31 {
		t.Fatalf("following: cursor on #%d, want #31", got)
	}
	if view := ansi.Strip(m.View().Content); !strings.Contains(view, "entry number 31") {
		t.Fatalf("the newest entry is not in view:\n%s", lastLines(view))
	}

	for range 12 {
		m.Update(keyMsg("up"))
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
	m.Update(keyMsg("G"))
	if got := tl.entries[tl.cursor].ID; got != 32 {
		t.Fatalf("G: cursor on #%d", got)
	}
}

// TestLoadsOlderEntriesAtTheTop: reaching the oldest loaded entry reads the
// page before it, keeping the cursor on the same entry.
func TestLoadsOlderEntriesAtTheTop(t *testing.T) {
	f := newFixture(t)
	for i := 1; i <= pageSize+30; i++ {
		f.log(t, responder, crisis.KindInfo, fmt.Sprintf("entry number %d", i), "")
	}
	tm := start(t, f, viewer, nil)
	scr := newScreen(t)
	scr.waitFor(t, tm, fmt.Sprintf("%d+ entries", pageSize))
	press(tm, "g")
	scr.waitFor(t, tm, fmt.Sprintf("%d entries", pageSize+30))
	press(tm, "g")
	first := regexp.MustCompile(`(?m)entry number 1 *$`)
	scr.waitUntil(t, tm, first.MatchString, "entry #1")
	final := finalView(t, tm)
	if !strings.Contains(final, "▌ #1 ") {
		t.Fatalf("the cursor is not on #1:\n%s", lastLines(final))
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
	m := New(f.svc, viewer, Options{Width: 80, Height: 24}).(*model)
	shows := func(want string) bool { return strings.Contains(ansi.Strip(m.View().Content), want) }

	// Coming from below, up reads the report upwards, like a pager.
	m.Update(keyMsg("up"))
	if !shows("line 40 of the report") {
		t.Fatalf("the report's end is not shown:\n%s", lastLines(ansi.Strip(m.View().Content)))
	}
	for range 40 {
		m.Update(keyMsg("up"))
	}
	if !shows("line 1 of the report") {
		t.Fatalf("the report's start is never shown:\n%s", lastLines(ansi.Strip(m.View().Content)))
	}
	// And down reads it downwards, then goes on to the next entry.
	for range 40 {
		m.Update(keyMsg("down"))
	}
	if !shows("line 40 of the report") {
		t.Fatalf("the report's end is never shown:\n%s", lastLines(ansi.Strip(m.View().Content)))
	}
	m.Update(keyMsg("down"))
	if tl := m.activeTab().(*timeline); tl.entries[tl.cursor].Text != "after the report" {
		t.Fatalf("down at the report's end did not go on")
	}
}

func TestElapsedText(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                            "T+00h00",
		-time.Hour:                   "T+00h00",
		59 * time.Second:             "T+00h00",
		4*time.Hour + 12*time.Minute: "T+04h12",
		3*24*time.Hour + 4*time.Hour + 12*time.Minute: "T+3d 04h12",
		28 * 24 * time.Hour:                           "T+28d 00h00",
	} {
		if got := elapsedText(textFor("en"), d); got != want {
			t.Errorf("%v: %q, want %q", d, got, want)
		}
	}
}

func TestClockWaitsForTheNextMinute(t *testing.T) {
	opened := time.Date(2022, 8, 23, 8, 0, 30, 0, time.UTC)
	now := opened.Add(3*time.Minute + 10*time.Second)
	if got := untilNextMinute(opened, now); got != 50*time.Second {
		t.Fatalf("got %v", got)
	}
	if got := untilNextMinute(opened, opened.Add(2*time.Minute)); got != time.Minute {
		t.Fatalf("on the minute: got %v", got)
	}
}

func TestOnlineNamesAreCut(t *testing.T) {
	online := []crisis.Presence{{Name: "alice"}, {Name: "bob"}, {Name: "carol"}, {Name: "dominique"}}
	if got := onlineText(textFor("en"), online, 80); got != "4 online: alice, bob, carol, dominique" {
		t.Fatalf("got %q", got)
	}
	if got := onlineText(textFor("en"), online, 29); got != "4 online: alice, bob +2" || lipgloss.Width(got) > 29 {
		t.Fatalf("got %q", got)
	}
}

func TestEndedCrisisShowsItsDuration(t *testing.T) {
	f := newFixture(t)
	if _, err := f.svc.SetStage(lead, crisis.StageEnd, ""); err != nil {
		t.Fatal(err)
	}
	// Days later the header still shows how long the crisis ran, not how
	// long ago it opened.
	f.clock.set(testNow.Add(72 * time.Hour))
	m := New(f.svc, viewer, Options{Width: 80, Height: 24}).(*model)
	view := ansi.Strip(m.View().Content)
	if !strings.Contains(view, "ended T+3d 04h12") {
		t.Fatalf("the header of an ended crisis:\n%s", lastLines(view))
	}
}

func TestEndingTheCrisisAsksFirst(t *testing.T) {
	f := newFixture(t)
	changes, unsubscribe := f.svc.Subscribe()
	defer unsubscribe()
	tm := start(t, f, lead, changes)
	scr := newScreen(t)
	scr.waitFor(t, tm, "Stage: Alert")
	press(tm, "s")
	scr.waitFor(t, tm, "Move the crisis")
	press(tm, "G")
	for range crisis.Stages {
		press(tm, "down")
	}
	press(tm, "enter")
	scr.waitFor(t, tm, "End the crisis?")
	press(tm, "n") // anything but y goes back
	scr.waitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "End the crisis?") && strings.Contains(s, "Move the crisis")
	}, "the list again")
	if st, _ := f.svc.Status(); st.Crisis.Stage != crisis.StageAlert {
		t.Fatalf("the crisis moved to %s without a yes", st.Crisis.Stage)
	}
	press(tm, "enter")
	scr.waitFor(t, tm, "End the crisis?")
	press(tm, "y")
	scr.waitFor(t, tm, "Stage: End of crisis")
}

// Whatever the footer holds, "? help" and "q quit" stay on it at 80x24.
func TestFooterKeepsHelpAndQuitWhenFiltered(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.waitFor(t, tm, "All kinds")
	press(tm, "f")
	scr.waitFor(t, tm, "Kind FACT")
	lines := strings.Split(strings.TrimRight(scr.text(), "\n "), "\n")
	footer := lines[len(lines)-1]
	if !strings.Contains(footer, "? help") || !strings.Contains(footer, "q quit") || !strings.Contains(footer, "esc show all") {
		t.Fatalf("footer at 80 columns with a filter: %q", footer)
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
