package recovery_test

import (
	"strings"
	"testing"

	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"
)

func TestRecoveryFormAsksBeforeDroppingText(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	tuitest.Press(tm, "enter") // the firewall, first
	scr.WaitFor(t, tm, "Update Firewall")
	tuitest.Press(tm, "tab") // owner
	tuitest.Press(tm, "tab") // note
	tuitest.AsksBeforeDropping(t, tm, scr, "rules being audited", "Discard this change? y/n", planShown)
	if _, it := findItem(t, f, "firewall"); it.Note != "" {
		t.Errorf("the dropped note was saved: %+v", it)
	}

	// Untouched (a choice moved is no typed text): Esc closes at once.
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "Update Firewall")
	tuitest.Press(tm, "right")
	tuitest.Press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "Update Firewall") && !strings.Contains(s, "Discard")
	}, "the form closed at once")
}

func TestRecoveryFormCtrlCWithTextAsksFirst(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "Update Firewall")
	tuitest.Press(tm, "tab")
	tm.Type("bob")
	tuitest.Press(tm, "ctrl+c")
	scr.WaitFor(t, tm, "Quit and discard")
	tuitest.Press(tm, "n")
	scr.WaitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "Quit and discard") }, "the question gone")
	tuitest.Press(tm, "ctrl+c")
	scr.WaitFor(t, tm, "Quit and discard")
	tuitest.Press(tm, "y")
	tm.WaitFinished(t)
}
