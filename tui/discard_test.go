package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"cellule/tui/internal/tuitest"
)

// A stray Esc never drops typed text: every form and every prompt that
// holds a sentence asks first, the same way. n goes back to the text, y
// drops it; an untouched form closes at once.
func asksBeforeDropping(t *testing.T, tm *teatest.TestModel, scr *screen, typed, question, gone string) {
	t.Helper()
	tuitest.AsksBeforeDropping(t, tm, scr, typed, question, gone)
}

func TestBlockedReasonAsksBeforeDroppingText(t *testing.T) {
	f := newFixture(t)
	f.seedTasks(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	press(tm, "2")
	scr.WaitFor(t, tm, "LATE 1h12")
	press(tm, "c")
	scr.WaitFor(t, tm, "Status of task #1")
	press(tm, "down") // from in progress to blocked
	press(tm, "enter")
	scr.WaitFor(t, tm, "Blocked by:")
	asksBeforeDropping(t, tm, scr, "no console access", "Discard this reason? y/n", "LATE 1h12")
	if task, _ := f.svc.Task(1); task.Reason != "" {
		t.Errorf("the dropped reason was saved: %+v", task)
	}
}

// A due time is a few characters: Esc drops it at once.
func TestDuePromptEscClosesAtOnce(t *testing.T) {
	f := newFixture(t)
	f.seedTasks(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	press(tm, "2")
	scr.WaitFor(t, tm, "LATE 1h12")
	press(tm, "d")
	scr.WaitFor(t, tm, "Due:")
	tm.Type("17:")
	scr.WaitFor(t, tm, "17:")
	press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "Due:") && !strings.Contains(s, "Discard")
	}, "the prompt closed at once")
}

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
