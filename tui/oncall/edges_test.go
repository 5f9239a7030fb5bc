package oncall_test

import (
	"strings"
	"testing"

	"cellule/crisis"
	"cellule/tui/internal/tuitest"
)

// Letters typed while searching the directory never run a command: Esc
// clears the search and keeps it open, so "o" is typed, not obeyed.
func TestDirectorySearchLettersNeverRunCommands(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedOnCall(t)
	if _, err := f.Svc.ImportContacts(tuitest.Lead, []byte(testContacts+"Astreinte messagerie,On-call mail,CH Cahors — DSI,05 65 00 00 20,,,no\n"), false); err != nil {
		t.Fatal(err)
	}
	tm, scr, wait := openOnCall(t, f, tuitest.Lead, nil)
	tuitest.Press(tm, "d")
	wait("5 of 5 contacts")
	tm.Type("astr")
	wait("1 of 5 contacts")
	tuitest.Press(tm, "esc")
	wait("5 of 5 contacts")
	tm.Type("o")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Search: o") && !strings.Contains(s, "on duty?")
	}, "the o typed into the search")
	tuitest.Press(tm, "esc") // clears the o
	tuitest.Press(tm, "esc") // closes the search
	tm.Type("h")             // now a command: the handover section
	wait("No handover yet")
	cs, _ := f.Svc.Contacts("")
	for _, c := range cs {
		if c.Name == "Astreinte messagerie" && c.OnDuty {
			t.Fatal("a letter typed into the search marked a contact on duty")
		}
	}
}

// Marking someone on duty asks first, and the logbook records it.
func TestOnDutyAsksAndIsLogged(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedOnCall(t)
	tm, scr, wait := openOnCall(t, f, tuitest.Lead, nil)
	tuitest.Press(tm, "d")
	tm.Type("hugo")
	wait("1 of 4 contacts")
	tuitest.Press(tm, "enter") // keep the filter, free the keys
	tuitest.Press(tm, "o")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Mark Hugo Bernard on duty? The logbook records it. y/n") &&
			strings.Contains(s, "y yes") && strings.Contains(s, "n no")
	}, "the question, with its keys named")
	tuitest.Press(tm, "n")
	scr.WaitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "on duty?") }, "the question gone")
	if onDuty(t, f, "Hugo Bernard") {
		t.Fatal("n marked him on duty")
	}
	tuitest.Press(tm, "o")
	wait("Mark Hugo Bernard on duty?")
	tuitest.Press(tm, "y")
	wait("Hugo Bernard is on duty")
	if !onDuty(t, f, "Hugo Bernard") {
		t.Fatal("y did not mark him on duty")
	}
	page, err := f.Svc.Timeline(crisis.TimelineQuery{})
	if err != nil {
		t.Fatal(err)
	}
	last := page.Entries[len(page.Entries)-1]
	if last.Author != "alice" || !strings.Contains(last.Text, "Hugo Bernard marked on duty") {
		t.Errorf("last logbook entry = %q by %s, want the duty change by alice", last.Text, last.Author)
	}
}

func onDuty(t *testing.T, f *tuitest.Fixture, name string) bool {
	t.Helper()
	cs, err := f.Svc.Contacts("")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Name == name {
			return c.OnDuty
		}
	}
	t.Fatalf("%s not in the directory", name)
	return false
}

// The acknowledge question names its keys; an empty un-tick reason says
// why nothing happened.
func TestQuestionsNameTheirKeysAndEmptyReasonSaysWhy(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedOnCall(t)
	if _, _, err := f.Svc.WriteHandover(tuitest.Responder, crisis.HandoverNote{Situation: "Quiet night."}); err != nil {
		t.Fatal(err)
	}
	tm, scr, wait := openOnCall(t, f, tuitest.Lead, nil)
	tuitest.Press(tm, "h")
	tuitest.Press(tm, "a")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Acknowledge handover #1") && strings.Contains(s, "y yes") && strings.Contains(s, "n no")
	}, "the acknowledge question with y yes • n no")
	tuitest.Press(tm, "n")
	tuitest.Press(tm, "c")
	wait("1/13 · next: 2")
	tuitest.Press(tm, "up")
	tuitest.Press(tm, "u")
	wait("Why un-tick step 1?")
	tuitest.Press(tm, "enter")
	wait("An un-tick needs a reason")
	wait("Why un-tick step 1?")
}
