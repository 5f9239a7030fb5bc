package oncall_test

import (
	"strings"
	"testing"

	"cellule/crisis"
)

// Letters typed while searching the directory never run a command: Esc
// clears the search and keeps it open, so "o" is typed, not obeyed.
func TestDirectorySearchLettersNeverRunCommands(t *testing.T) {
	f := newFixture(t)
	f.seedOnCall(t)
	if _, err := f.svc.ImportContacts(lead, []byte(testContacts+"Astreinte messagerie,On-call mail,CH Cahors — DSI,05 65 00 00 20,,,no\n"), false); err != nil {
		t.Fatal(err)
	}
	tm, scr, wait := openOnCall(t, f, lead, nil)
	press(tm, "d")
	wait("5 of 5 contacts")
	tm.Type("astr")
	wait("1 of 5 contacts")
	press(tm, "esc")
	wait("5 of 5 contacts")
	tm.Type("o")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Search: o") && !strings.Contains(s, "on duty?")
	}, "the o typed into the search")
	press(tm, "esc") // clears the o
	press(tm, "esc") // closes the search
	tm.Type("h")     // now a command: the handover section
	wait("No handover yet")
	cs, _ := f.svc.Contacts("")
	for _, c := range cs {
		if c.Name == "Astreinte messagerie" && c.OnDuty {
			t.Fatal("a letter typed into the search marked a contact on duty")
		}
	}
}

// Marking someone on duty asks first, and the logbook records it.
func TestOnDutyAsksAndIsLogged(t *testing.T) {
	f := newFixture(t)
	f.seedOnCall(t)
	tm, scr, wait := openOnCall(t, f, lead, nil)
	press(tm, "d")
	tm.Type("hugo")
	wait("1 of 4 contacts")
	press(tm, "enter") // keep the filter, free the keys
	press(tm, "o")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Mark Hugo Bernard on duty? The logbook records it. y/n") &&
			strings.Contains(s, "y yes") && strings.Contains(s, "n no")
	}, "the question, with its keys named")
	press(tm, "n")
	scr.WaitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "on duty?") }, "the question gone")
	if onDuty(t, f, "Hugo Bernard") {
		t.Fatal("n marked him on duty")
	}
	press(tm, "o")
	wait("Mark Hugo Bernard on duty?")
	press(tm, "y")
	wait("Hugo Bernard is on duty")
	if !onDuty(t, f, "Hugo Bernard") {
		t.Fatal("y did not mark him on duty")
	}
	page, err := f.svc.Timeline(crisis.TimelineQuery{})
	if err != nil {
		t.Fatal(err)
	}
	last := page.Entries[len(page.Entries)-1]
	if last.Author != "alice" || !strings.Contains(last.Text, "Hugo Bernard marked on duty") {
		t.Errorf("last logbook entry = %q by %s, want the duty change by alice", last.Text, last.Author)
	}
}

func onDuty(t *testing.T, f *fixture, name string) bool {
	t.Helper()
	cs, err := f.svc.Contacts("")
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
	f := newFixture(t)
	f.seedOnCall(t)
	if _, _, err := f.svc.WriteHandover(responder, crisis.HandoverNote{Situation: "Quiet night."}); err != nil {
		t.Fatal(err)
	}
	tm, scr, wait := openOnCall(t, f, lead, nil)
	press(tm, "h")
	press(tm, "a")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Acknowledge handover #1") && strings.Contains(s, "y yes") && strings.Contains(s, "n no")
	}, "the acknowledge question with y yes • n no")
	press(tm, "n")
	press(tm, "c")
	wait("1/13 · next: 2")
	press(tm, "up")
	press(tm, "u")
	wait("Why un-tick step 1?")
	press(tm, "enter")
	wait("An un-tick needs a reason")
	wait("Why un-tick step 1?")
}
