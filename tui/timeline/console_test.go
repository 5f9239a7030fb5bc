package timeline_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"cellule/crisis"
	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"
)

func TestKindFilterNarrowsTheList(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Seed(t)
	tm := tabtest.Start(t, f, tuitest.Viewer, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "VPN closed")

	tuitest.Press(tm, "f") // fact
	scr.WaitFor(t, tm, "Kind FACT")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Ransom note") && !strings.Contains(s, "Core firewall") && !strings.Contains(s, "VPN closed")
	}, "only the fact")

	tuitest.Press(tm, "f") // info
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Kind INFO") && strings.Contains(s, "ticket 4521") && strings.Contains(s, "ticket is 4512") && !strings.Contains(s, "Ransom note")
	}, "only the two infos")

	tuitest.Press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "All kinds") && strings.Contains(s, "Ransom note") && strings.Contains(s, "VPN closed")
	}, "everything again")
}

func TestSearchNarrowsTheList(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Seed(t)
	tm := tabtest.Start(t, f, tuitest.Viewer, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "VPN closed")

	tuitest.Press(tm, "/")
	scr.WaitFor(t, tm, "Search:")
	tm.Type("zimbra")
	tuitest.Press(tm, "enter")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, `search "zimbra"`) && strings.Contains(s, "Mail (Zimbra)") && !strings.Contains(s, "Ransom note")
	}, "only the Zimbra entry")

	// The author's name matches too.
	tuitest.Press(tm, "/")
	for range len("zimbra") {
		tuitest.Press(tm, "backspace")
	}
	tm.Type("bob")
	tuitest.Press(tm, "enter")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Core firewall") && strings.Contains(s, "ticket 4521") && !strings.Contains(s, "Mail (Zimbra)")
	}, "only bob's entries")

	tuitest.Press(tm, "/")
	tuitest.Press(tm, "esc") // esc in the field clears the search
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "search \"") && strings.Contains(s, "Ransom note") && strings.Contains(s, "Mail (Zimbra)")
	}, "everything again")
}

// TestLoadsOlderEntriesAtTheTop: reaching the oldest loaded entry reads the
// page before it, keeping the cursor on the same entry.
func TestLoadsOlderEntriesAtTheTop(t *testing.T) {
	f := tuitest.NewFixture(t)
	for i := 1; i <= crisis.DefaultPage+30; i++ {
		f.Log(t, tuitest.Responder, crisis.KindInfo, fmt.Sprintf("entry number %d", i), "")
	}
	tm := tabtest.Start(t, f, tuitest.Viewer, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, fmt.Sprintf("%d+ entries", crisis.DefaultPage))
	tuitest.Press(tm, "g")
	scr.WaitFor(t, tm, fmt.Sprintf("%d entries", crisis.DefaultPage+30))
	tuitest.Press(tm, "g")
	first := regexp.MustCompile(`(?m)entry number 1 *$`)
	scr.WaitUntil(t, tm, first.MatchString, "entry #1")
	final := tuitest.FinalView(t, tm)
	if !strings.Contains(final, "▌ #1 ") {
		t.Fatalf("the cursor is not on #1:\n%s", tuitest.LastLines(final))
	}
}

func TestSaveEntryWithCtrlS(t *testing.T) {
	f, tm, scr := openNewEntry(t)
	tm.Type("Backups on the NAS are intact.")
	tuitest.Press(tm, "enter") // a newline, not a save
	tm.Type("Offline copy from 2022-08-21.")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Saved as #1")
	scr.WaitFor(t, tm, "Backups on the NAS are intact.")

	page, err := f.Svc.Timeline(crisis.TimelineQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entries) != 1 {
		t.Fatalf("want 1 entry, got %d", len(page.Entries))
	}
	e := page.Entries[0]
	if e.Text != "Backups on the NAS are intact.\nOffline copy from 2022-08-21." || e.Author != "bob" || e.Kind != crisis.KindFact {
		t.Fatalf("saved %+v", e)
	}
}

func TestSaveWithKindAndBackdate(t *testing.T) {
	f, tm, scr := openNewEntry(t)
	tm.Type("Domain admin account svc-backup used from 10.2.0.14.")
	tuitest.Press(tm, "shift+tab") // to the kind
	tuitest.Press(tm, "e")         // ESCALATION, by its first letter
	tuitest.Press(tm, "shift+tab") // to "happened at"
	tm.Type("03:40")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Saved as #1")

	e, err := f.Svc.Entry(1)
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != crisis.KindEscalation || e.OccurredAt.Format("2006-01-02 15:04") != "2022-09-12 03:40" || !e.Backdated() {
		t.Fatalf("saved %+v", e)
	}
	scr.WaitFor(t, tm, "#1  2022-09-12 03:40  (rec. 09-12 04:12)  bob  ESCALATION")
}

func TestEmptyTextIsRefused(t *testing.T) {
	f, tm, scr := openNewEntry(t)
	tm.Type("   ")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "the entry has no text")
	if !strings.Contains(scr.Text(), "New entry") {
		t.Fatalf("the form closed:\n%s", tuitest.LastLines(scr.Text()))
	}
	page, err := f.Svc.Timeline(crisis.TimelineQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 0 {
		t.Fatalf("something was saved: %+v", page.Entries)
	}
}

func TestBadTimeKeepsTheText(t *testing.T) {
	f, tm, scr := openNewEntry(t)
	tm.Type("Switch reboot in the server room.")
	tuitest.Press(tm, "tab") // to "happened at"
	tm.Type("41:05")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, `cannot read the time "41:05"`)
	if !strings.Contains(scr.Text(), "Switch reboot in the server room.") {
		t.Fatalf("the text was lost:\n%s", tuitest.LastLines(scr.Text()))
	}
	if page, _ := f.Svc.Timeline(crisis.TimelineQuery{}); page.Total != 0 {
		t.Fatalf("something was saved")
	}
}

func TestEscWithTextAsksFirst(t *testing.T) {
	f, tm, scr := openNewEntry(t)
	tm.Type("Half-written note")
	tuitest.Press(tm, "esc")
	scr.WaitFor(t, tm, "Discard this entry? y/n")

	tuitest.Press(tm, "n") // no: back to the form, text kept
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "Discard this entry") && strings.Contains(s, "Half-written note")
	}, "the form again with its text")
	tm.Type(" and more")
	scr.WaitFor(t, tm, "Half-written note and more")

	tuitest.Press(tm, "esc")
	scr.WaitFor(t, tm, "Discard this entry? y/n")
	tuitest.Press(tm, "y")
	scr.WaitFor(t, tm, "Press n to write the first entry")
	if page, _ := f.Svc.Timeline(crisis.TimelineQuery{}); page.Total != 0 {
		t.Fatalf("something was saved")
	}
}

func TestEscWithoutTextClosesAtOnce(t *testing.T) {
	_, tm, scr := openNewEntry(t)
	tuitest.Press(tm, "esc")
	scr.WaitFor(t, tm, "Press n to write the first entry")
}

func TestCtrlCInFormWithTextAsksFirst(t *testing.T) {
	_, tm, scr := openNewEntry(t)
	tm.Type("q?s1") // keys of the shell are text here
	scr.WaitFor(t, tm, "q?s1")
	tuitest.Press(tm, "ctrl+c")
	scr.WaitFor(t, tm, "Quit and discard what you typed? y/n")
	tuitest.Press(tm, "n")
	scr.WaitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "Quit and discard") }, "the question gone")
	tuitest.Press(tm, "ctrl+c")
	scr.WaitFor(t, tm, "Quit and discard what you typed? y/n")
	tuitest.Press(tm, "y")
	tm.WaitFinished(t) // the program ended
}

func TestCorrection(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Seed(t)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "VPN closed")

	// The cursor starts on #5; #2 is three entries up.
	tuitest.Press(tm, "up")
	tuitest.Press(tm, "up")
	tuitest.Press(tm, "up")
	tuitest.Press(tm, "c")
	scr.WaitFor(t, tm, "Correct #2")
	if !strings.Contains(scr.Text(), "[ACTION]") {
		t.Fatalf("the original's kind is not preselected:\n%s", tuitest.LastLines(scr.Text()))
	}
	tm.Type("Core firewall: outbound traffic blocked from ALL VLANs, not only servers.")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Saved as #6")
	scr.WaitFor(t, tm, "not only servers.")

	e, err := f.Svc.Entry(6)
	if err != nil {
		t.Fatal(err)
	}
	if e.Amends != 2 || e.Kind != crisis.KindAction {
		t.Fatalf("correction %+v", e)
	}
	orig, err := f.Svc.Entry(2)
	if err != nil {
		t.Fatal(err)
	}
	if !orig.Amended() {
		t.Fatalf("the original is not amended: %+v", orig)
	}
	final := tuitest.FinalView(t, tm)
	for _, want := range []string{"[amended by #6]", "corrects #2"} {
		if !strings.Contains(final, want) {
			t.Fatalf("%q missing:\n%s", want, tuitest.LastLines(final))
		}
	}
}

func TestViewerCannotWrite(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Seed(t)
	tm := tabtest.Start(t, f, tuitest.Viewer, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	if strings.Contains(scr.Text(), "n new") || strings.Contains(scr.Text(), "c correct") {
		t.Fatalf("a viewer is offered writing keys:\n%s", tuitest.LastLines(scr.Text()))
	}

	tuitest.Press(tm, "n")
	scr.WaitFor(t, tm, "a viewer may not write the logbook")
	tuitest.Press(tm, "c")
	scr.WaitFor(t, tm, "a viewer may not write the logbook")
	tuitest.Press(tm, "s")
	scr.WaitFor(t, tm, "a viewer may not change the crisis stage")
	if strings.Contains(scr.Text(), "New entry") {
		t.Fatalf("a form opened for a viewer")
	}
	if page, _ := f.Svc.Timeline(crisis.TimelineQuery{}); page.Total != 5 {
		t.Fatalf("the logbook changed: %d entries", page.Total)
	}
}

func TestOverlongPasteIsRefusedNotCut(t *testing.T) {
	f, tm, scr := openNewEntry(t)
	tm.Send(tea.PasteMsg{Content: strings.Repeat("log line ", 2000)}) // 18,000 bytes
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "longer than an entry holds")
	page, err := f.Svc.Timeline(crisis.TimelineQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 0 {
		t.Fatalf("an overlong paste was saved cut short: %d entries", page.Total)
	}
}

func TestEnterInTheLastFieldSaves(t *testing.T) {
	f, tm, scr := openNewEntry(t)
	tm.Type("VPN concentrator isolated.")
	tuitest.Press(tm, "tab") // to "happened at"
	tm.Type("-20m")
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "Saved as #1")
	if e, err := f.Svc.Entry(1); err != nil || e.Text != "VPN concentrator isolated." || !e.Backdated() {
		t.Fatalf("saved %+v, %v", e, err)
	}
}

// openNewEntry starts a responder's console on an empty logbook and opens
// the new-entry form.
func openNewEntry(t *testing.T) (*tuitest.Fixture, *teatest.TestModel, *tuitest.Screen) {
	t.Helper()
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Press n")
	tuitest.Press(tm, "n")
	scr.WaitFor(t, tm, "New entry")
	return f, tm, scr
}
