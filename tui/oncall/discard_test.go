package oncall_test

import (
	"strings"
	"testing"

	"cellule/tui/internal/tuitest"
)

func TestUntickReasonAsksBeforeDroppingText(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedOnCall(t)
	tm, scr, wait := openOnCall(t, f, tuitest.Responder, nil)
	wait("1/13 · next: 2")
	tuitest.Press(tm, "up") // step 1, ticked
	tuitest.Press(tm, "u")
	wait("Why un-tick step 1?")
	tuitest.AsksBeforeDropping(t, tm, scr, "ticked by mistake", "Discard what you typed? y/n", "1/13 · next: 2")
	if r, _ := f.Svc.ChecklistRun(2); !r.Steps[0].Done() {
		t.Errorf("step 1 was un-ticked: %+v", r.Steps[0])
	}

	// Nothing typed: Esc closes at once.
	tuitest.Press(tm, "u")
	wait("Why un-tick step 1?")
	tuitest.Press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "Why un-tick") && !strings.Contains(s, "Discard")
	}, "the prompt closed at once")
}

// The handover form already asked; its footer now shows the answers.
func TestHandoverQuestionShowsItsKeys(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm, _, wait := openOnCall(t, f, tuitest.Responder, nil)
	tuitest.Press(tm, "h")
	wait("Press w to write one")
	tuitest.Press(tm, "w")
	wait("Shift handover")
	tm.Type("Mail and VPN cut.")
	tuitest.Press(tm, "esc")
	wait("Discard this handover? y/n")
	wait("y yes")
}

// A run's label is a prompt of the same code as the un-tick reason.
func TestRunLabelAsksBeforeDroppingText(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm, scr, wait := openOnCall(t, f, tuitest.Lead, nil)
	wait("Press n to start one")
	tuitest.Press(tm, "n")
	wait("Start a checklist:")
	tuitest.Press(tm, "enter")
	wait("Label (optional)")
	tuitest.AsksBeforeDropping(t, tm, scr, "day 28", "Discard what you typed? y/n", "Press n to start one")
	if _, err := f.Svc.ChecklistRun(1); err == nil {
		t.Error("a run started")
	}
}
