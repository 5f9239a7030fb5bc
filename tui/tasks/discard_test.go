package tasks_test

import (
	"strings"
	"testing"
)

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
