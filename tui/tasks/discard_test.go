package tasks_test

import (
	"strings"
	"testing"

	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"
)

func TestBlockedReasonAsksBeforeDroppingText(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedTasks(t)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "LATE 1h12")
	tuitest.Press(tm, "c")
	scr.WaitFor(t, tm, "Status of task #1")
	tuitest.Press(tm, "down") // from in progress to blocked
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "Blocked by:")
	tuitest.AsksBeforeDropping(t, tm, scr, "no console access", "Discard this reason? y/n", "LATE 1h12")
	if task, _ := f.Svc.Task(1); task.Reason != "" {
		t.Errorf("the dropped reason was saved: %+v", task)
	}
}

// A due time is a few characters: Esc drops it at once.
func TestDuePromptEscClosesAtOnce(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedTasks(t)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "LATE 1h12")
	tuitest.Press(tm, "d")
	scr.WaitFor(t, tm, "Due:")
	tm.Type("17:")
	scr.WaitFor(t, tm, "17:")
	tuitest.Press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "Due:") && !strings.Contains(s, "Discard")
	}, "the prompt closed at once")
}
