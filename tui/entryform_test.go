package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"cellule/crisis"
)

func TestSaveEntryWithCtrlS(t *testing.T) {
	f, tm, scr := openNewEntry(t)
	tm.Type("Backups on the NAS are intact.")
	press(tm, "enter") // a newline, not a save
	tm.Type("Offline copy from 2022-08-21.")
	press(tm, "ctrl+s")
	scr.waitFor(t, tm, "Saved as #1")
	scr.waitFor(t, tm, "Backups on the NAS are intact.")

	page, err := f.svc.Timeline(crisis.TimelineQuery{})
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
	press(tm, "shift+tab") // to the kind
	press(tm, "e")         // ESCALATION, by its first letter
	press(tm, "shift+tab") // to "happened at"
	tm.Type("03:40")
	press(tm, "ctrl+s")
	scr.waitFor(t, tm, "Saved as #1")

	e, err := f.svc.Entry(1)
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != crisis.KindEscalation || e.OccurredAt.Format("2006-01-02 15:04") != "2022-09-12 03:40" || !e.Backdated() {
		t.Fatalf("saved %+v", e)
	}
	scr.waitFor(t, tm, "#1  2022-09-12 03:40  (rec. 09-12 04:12)  bob  ESCALATION")
}

func TestEmptyTextIsRefused(t *testing.T) {
	f, tm, scr := openNewEntry(t)
	tm.Type("   ")
	press(tm, "ctrl+s")
	scr.waitFor(t, tm, "the entry has no text")
	if !strings.Contains(scr.text(), "New entry") {
		t.Fatalf("the form closed:\n%s", lastLines(scr.text()))
	}
	page, err := f.svc.Timeline(crisis.TimelineQuery{})
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
	press(tm, "tab") // to "happened at"
	tm.Type("41:05")
	press(tm, "ctrl+s")
	scr.waitFor(t, tm, `cannot read the time "41:05"`)
	if !strings.Contains(scr.text(), "Switch reboot in the server room.") {
		t.Fatalf("the text was lost:\n%s", lastLines(scr.text()))
	}
	if page, _ := f.svc.Timeline(crisis.TimelineQuery{}); page.Total != 0 {
		t.Fatalf("something was saved")
	}
}

func TestEscWithTextAsksFirst(t *testing.T) {
	f, tm, scr := openNewEntry(t)
	tm.Type("Half-written note")
	press(tm, "esc")
	scr.waitFor(t, tm, "Discard this entry? y/n")

	press(tm, "n") // no: back to the form, text kept
	scr.waitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "Discard this entry") && strings.Contains(s, "Half-written note")
	}, "the form again with its text")
	tm.Type(" and more")
	scr.waitFor(t, tm, "Half-written note and more")

	press(tm, "esc")
	scr.waitFor(t, tm, "Discard this entry? y/n")
	press(tm, "y")
	scr.waitFor(t, tm, "Press n to write the first entry")
	if page, _ := f.svc.Timeline(crisis.TimelineQuery{}); page.Total != 0 {
		t.Fatalf("something was saved")
	}
}

func TestEscWithoutTextClosesAtOnce(t *testing.T) {
	_, tm, scr := openNewEntry(t)
	press(tm, "esc")
	scr.waitFor(t, tm, "Press n to write the first entry")
}

func TestCtrlCInFormWithTextAsksFirst(t *testing.T) {
	_, tm, scr := openNewEntry(t)
	tm.Type("q?s1") // keys of the shell are text here
	scr.waitFor(t, tm, "q?s1")
	press(tm, "ctrl+c")
	scr.waitFor(t, tm, "Quit and discard what you typed? y/n")
	press(tm, "n")
	scr.waitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "Quit and discard") }, "the question gone")
	press(tm, "ctrl+c")
	scr.waitFor(t, tm, "Quit and discard what you typed? y/n")
	press(tm, "y")
	tm.WaitFinished(t) // the program ended
}

func TestCorrection(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	scr.waitFor(t, tm, "VPN closed")

	// The cursor starts on #5; #2 is three entries up.
	press(tm, "up")
	press(tm, "up")
	press(tm, "up")
	press(tm, "c")
	scr.waitFor(t, tm, "Correct #2")
	if !strings.Contains(scr.text(), "[ACTION]") {
		t.Fatalf("the original's kind is not preselected:\n%s", lastLines(scr.text()))
	}
	tm.Type("Core firewall: outbound traffic blocked from ALL VLANs, not only servers.")
	press(tm, "ctrl+s")
	scr.waitFor(t, tm, "Saved as #6")
	scr.waitFor(t, tm, "not only servers.")

	e, err := f.svc.Entry(6)
	if err != nil {
		t.Fatal(err)
	}
	if e.Amends != 2 || e.Kind != crisis.KindAction {
		t.Fatalf("correction %+v", e)
	}
	orig, err := f.svc.Entry(2)
	if err != nil {
		t.Fatal(err)
	}
	if !orig.Amended() {
		t.Fatalf("the original is not amended: %+v", orig)
	}
	final := finalView(t, tm)
	for _, want := range []string{"[amended by #6]", "corrects #2"} {
		if !strings.Contains(final, want) {
			t.Fatalf("%q missing:\n%s", want, lastLines(final))
		}
	}
}

func TestViewerCannotWrite(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, viewer, nil)
	scr := newScreen(t)
	scr.waitFor(t, tm, "VPN closed")
	if strings.Contains(scr.text(), "n new") || strings.Contains(scr.text(), "c correct") {
		t.Fatalf("a viewer is offered writing keys:\n%s", lastLines(scr.text()))
	}

	press(tm, "n")
	scr.waitFor(t, tm, "a viewer may not write the logbook")
	press(tm, "c")
	scr.waitFor(t, tm, "a viewer may not write the logbook")
	press(tm, "s")
	scr.waitFor(t, tm, "a viewer may not change the crisis stage")
	if strings.Contains(scr.text(), "New entry") {
		t.Fatalf("a form opened for a viewer")
	}
	if page, _ := f.svc.Timeline(crisis.TimelineQuery{}); page.Total != 5 {
		t.Fatalf("the logbook changed: %d entries", page.Total)
	}
}

func TestKindLetterCyclesThroughSameInitial(t *testing.T) {
	f := newFixture(t)
	s := New(f.svc, responder, Options{Width: 80, Height: 24}).(*model)
	s.Update(keyMsg("n"))
	tl := s.activeTab().(*timeline)
	s.Update(keyMsg("shift+tab"))
	if tl.form.focus != fieldKind {
		t.Fatalf("focus %v", tl.form.focus)
	}
	s.Update(keyMsg("c"))
	if got := crisis.Kinds[tl.form.kind]; got != crisis.KindCommunication {
		t.Fatalf("c picked %s", got)
	}
	s.Update(keyMsg("c"))
	if got := crisis.Kinds[tl.form.kind]; got != crisis.KindClosure {
		t.Fatalf("c again picked %s", got)
	}
	s.Update(keyMsg("right"))
	if got := crisis.Kinds[tl.form.kind]; got != crisis.KindFact {
		t.Fatalf("right from the last picked %s", got)
	}
	s.Update(keyMsg("left"))
	if got := crisis.Kinds[tl.form.kind]; got != crisis.KindClosure {
		t.Fatalf("left from the first picked %s", got)
	}
}

func TestOverlongPasteIsRefusedNotCut(t *testing.T) {
	f, tm, scr := openNewEntry(t)
	tm.Send(tea.PasteMsg{Content: strings.Repeat("log line ", 2000)}) // 18,000 bytes
	press(tm, "ctrl+s")
	scr.waitFor(t, tm, "longer than an entry holds")
	page, err := f.svc.Timeline(crisis.TimelineQuery{})
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
	press(tm, "tab") // to "happened at"
	tm.Type("-20m")
	press(tm, "enter")
	scr.waitFor(t, tm, "Saved as #1")
	if e, err := f.svc.Entry(1); err != nil || e.Text != "VPN concentrator isolated." || !e.Backdated() {
		t.Fatalf("saved %+v, %v", e, err)
	}
}

// openNewEntry starts a responder's console on an empty logbook and opens
// the new-entry form.
func openNewEntry(t *testing.T) (*fixture, *teatest.TestModel, *screen) {
	t.Helper()
	f := newFixture(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	scr.waitFor(t, tm, "Press n")
	press(tm, "n")
	scr.waitFor(t, tm, "New entry")
	return f, tm, scr
}
