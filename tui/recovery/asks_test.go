package recovery_test

import (
	"strings"
	"testing"

	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"
)

// A question is asked only about a change that can succeed: v on a phase
// that is not ready and x on an item with a history say why not at once,
// and no y turns them into a refusal after the fact.
func TestRecoveryAsksOnlyWhatCanSucceed(t *testing.T) {
	f := tuitest.NewFixture(t)
	progress(t, f) // phase 2 in progress; the firewall has a history
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "3")
	scr.WaitFor(t, tm, "Imaging (PACS)  ")

	tuitest.Press(tm, "x") // the firewall, selected first
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(oneLine(s), "Firewall already has a history in the logbook")
	}, "the refusal to remove, without the question")
	if strings.Contains(scr.Text(), "Remove Firewall from the plan?") {
		t.Fatalf("asked to remove an item that cannot be:\n%s", tuitest.LastLines(scr.Text()))
	}

	for i := 0; i < 5; i++ {
		tuitest.Press(tm, "down") // mail, phase 2
	}
	tuitest.Press(tm, "v")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(oneLine(s), "phase 2 cannot be validated yet")
	}, "the refusal to validate, without the question")
	if s := scr.Text(); strings.Contains(s, "Validate phase 2") || strings.Contains(s, "y yes") {
		t.Fatalf("asked to validate a phase that is not ready:\n%s", tuitest.LastLines(s))
	}

	// What can succeed is still asked, and done on y.
	tuitest.Press(tm, "a")
	scr.WaitFor(t, tm, "Name")
	tm.Type("Printers")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Printers  ")
	tuitest.Press(tm, "G")  // workstations
	tuitest.Press(tm, "up") // other servers
	tuitest.Press(tm, "up") // printers, last of phase 2
	tuitest.Press(tm, "x")
	scr.WaitFor(t, tm, "Remove Printers from the plan? y/n")
	tuitest.Press(tm, "y")
	scr.WaitFor(t, tm, "Removed Printers")
}
