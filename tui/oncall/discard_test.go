package oncall_test

import (
	"strings"
	"testing"
)

func TestUntickReasonAsksBeforeDroppingText(t *testing.T) {
	f := newFixture(t)
	f.seedOnCall(t)
	tm, scr, wait := openOnCall(t, f, responder, nil)
	wait("1/13 · next: 2")
	press(tm, "up") // step 1, ticked
	press(tm, "u")
	wait("Why un-tick step 1?")
	asksBeforeDropping(t, tm, scr, "ticked by mistake", "Discard what you typed? y/n", "1/13 · next: 2")
	if r, _ := f.svc.ChecklistRun(2); !r.Steps[0].Done() {
		t.Errorf("step 1 was un-ticked: %+v", r.Steps[0])
	}

	// Nothing typed: Esc closes at once.
	press(tm, "u")
	wait("Why un-tick step 1?")
	press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "Why un-tick") && !strings.Contains(s, "Discard")
	}, "the prompt closed at once")
}

// The handover form already asked; its footer now shows the answers.
func TestHandoverQuestionShowsItsKeys(t *testing.T) {
	f := newFixture(t)
	tm, _, wait := openOnCall(t, f, responder, nil)
	press(tm, "h")
	wait("Press w to write one")
	press(tm, "w")
	wait("Shift handover")
	tm.Type("Mail and VPN cut.")
	press(tm, "esc")
	wait("Discard this handover? y/n")
	wait("y yes")
}

// A run's label is a prompt of the same code as the un-tick reason.
func TestRunLabelAsksBeforeDroppingText(t *testing.T) {
	f := newFixture(t)
	tm, scr, wait := openOnCall(t, f, lead, nil)
	wait("Press n to start one")
	press(tm, "n")
	wait("Start a checklist:")
	press(tm, "enter")
	wait("Label (optional)")
	asksBeforeDropping(t, tm, scr, "day 28", "Discard what you typed? y/n", "Press n to start one")
	if _, err := f.svc.ChecklistRun(1); err == nil {
		t.Error("a run started")
	}
}
