package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/tui/timeline"
)

func TestChangeShowsWithoutAKeyPress(t *testing.T) {
	f := newFixture(t)
	changes := make(chan struct{}, 1)
	tm := start(t, f, viewer, changes)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Nothing has been logged yet")

	f.log(t, responder, crisis.KindFact, "Radiology PACS unreachable since 04:05.", "")
	changes <- struct{}{}
	scr.WaitFor(t, tm, "Radiology PACS unreachable since 04:05.")

	f.log(t, lead, crisis.KindDecision, "Divert emergency imaging to Montauban.", "")
	changes <- struct{}{}
	scr.WaitFor(t, tm, "Divert emergency imaging to Montauban.")
}

func TestChangeThroughTheServiceSubscription(t *testing.T) {
	f := newFixture(t)
	changes, unsubscribe := f.svc.Subscribe()
	defer unsubscribe()
	tm := start(t, f, viewer, changes)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Nothing has been logged yet")
	f.log(t, responder, crisis.KindInfo, "ARS informed by phone.", "")
	scr.WaitFor(t, tm, "ARS informed by phone.")
	leave := f.svc.Join(responder)
	scr.WaitFor(t, tm, "1 online: bob")
	leave()
	scr.WaitFor(t, tm, "nobody online")
}

func TestStagePickerSetsTheStage(t *testing.T) {
	f := newFixture(t)
	changes, unsubscribe := f.svc.Subscribe()
	defer unsubscribe()
	tm := start(t, f, lead, changes)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Stage: Alert")
	press(tm, "s")
	scr.WaitFor(t, tm, "Move the crisis")
	press(tm, "down")
	press(tm, "down")
	press(tm, "enter")
	scr.WaitFor(t, tm, "Stage set to Containment (#1)")
	scr.WaitFor(t, tm, "Stage: Containment")
	scr.WaitFor(t, tm, "Stage changed from alert to containment")

	// Enter on the stage it is at closes the picker and changes nothing.
	press(tm, "s")
	scr.WaitFor(t, tm, "Move the crisis")
	press(tm, "enter")
	scr.WaitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "Move the crisis") }, "the picker to close")
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
// the service (sanitized on input); the second line of defence, a page
// holding raw ones, is the Timeline tab's own test
// (TestRawEscapeSequencesNeverReachTheView).
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
		f.log(t, a, crisis.WritableKinds[i%len(crisis.WritableKinds)], fmt.Sprintf("%d %s\n\tindented\n", i, long), "-2h")
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
		m.Update(timeline.EntrySavedMsg{Err: fmt.Errorf("%w: %s", crisis.ErrInvalid, long)})
		check("form with a long error")
		m.Update(keyMsg("esc"))
		m.Update(keyMsg("s"))
		check("stage picker")
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
	// Days later the header says when the crisis ended and how long it
	// lasted: no T+ clock that reads as still counting.
	f.clock.set(testNow.Add(72 * time.Hour))
	tm := start(t, f, viewer, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Ended 2022-09-12 04:12")
	head := strings.SplitN(scr.Text(), "\n", 2)[0]
	if !strings.Contains(head, "lasted 3d 04h12") || strings.Contains(head, "T+") || !strings.Contains(head, "Cyberattack CH Cahors") {
		t.Fatalf("the header of an ended crisis:\n%s", lastLines(scr.Text()))
	}
}

func TestEndingTheCrisisAsksFirst(t *testing.T) {
	f := newFixture(t)
	changes, unsubscribe := f.svc.Subscribe()
	defer unsubscribe()
	tm := start(t, f, lead, changes)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Stage: Alert")
	press(tm, "s")
	scr.WaitFor(t, tm, "Move the crisis")
	press(tm, "G")
	for range crisis.Stages {
		press(tm, "down")
	}
	press(tm, "enter")
	scr.WaitFor(t, tm, "End the crisis?")
	press(tm, "n") // anything but y goes back
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "End the crisis?") && strings.Contains(s, "Move the crisis")
	}, "the list again")
	if st, _ := f.svc.Status(); st.Crisis.Stage != crisis.StageAlert {
		t.Fatalf("the crisis moved to %s without a yes", st.Crisis.Stage)
	}
	press(tm, "enter")
	scr.WaitFor(t, tm, "End the crisis?")
	press(tm, "y")
	scr.WaitFor(t, tm, "Ended 2022-09-12 04:12")
}

// Whatever the footer holds, "? help" and "q quit" stay on it at 80x24.
func TestFooterKeepsHelpAndQuitWhenFiltered(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "All kinds")
	press(tm, "f")
	scr.WaitFor(t, tm, "Kind FACT")
	lines := strings.Split(strings.TrimRight(scr.Text(), "\n "), "\n")
	footer := lines[len(lines)-1]
	if !strings.Contains(footer, "? help") || !strings.Contains(footer, "q quit") || !strings.Contains(footer, "esc show all") {
		t.Fatalf("footer at 80 columns with a filter: %q", footer)
	}
}

// A paste past a field's limit shows on the status line that the rest was
// not added (the tab's own tests check the field stays at its limit).
func TestOverfullFieldShowsOnTheStatusLine(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Press n")
	press(tm, "n")
	scr.WaitFor(t, tm, "New entry")
	tm.Send(tea.PasteMsg{Content: strings.Repeat("x", 4<<20)})
	scr.WaitFor(t, tm, "This field is full")
}

// A stage change from the console takes a note, which the logbook entry
// carries as `stage --note` puts it; q in the note is text.
func TestStagePickerTakesANote(t *testing.T) {
	f := newFixture(t)
	changes, unsubscribe := f.svc.Subscribe()
	defer unsubscribe()
	tm := start(t, f, lead, changes)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Stage: Alert")
	press(tm, "s")
	scr.WaitFor(t, tm, "Move the crisis")
	press(tm, "down")
	press(tm, "down")
	press(tm, "tab")
	tm.Type("quarantine VLAN up, 40 servers isolated")
	scr.WaitFor(t, tm, "quarantine VLAN up")
	press(tm, "enter")
	scr.WaitFor(t, tm, "Stage set to Containment (#1)")
	scr.WaitFor(t, tm, "Stage changed from alert to containment: quarantine VLAN up")
	e, err := f.svc.Entry(1)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Stage changed from alert to containment: quarantine VLAN up, 40 servers isolated"; e.Text != want {
		t.Fatalf("entry %q, want %q", e.Text, want)
	}
}
