package recovery_test

import (
	"strings"
	"testing"
)

func TestRecoveryFormAsksBeforeDroppingText(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	press(tm, "enter") // the firewall, first
	scr.WaitFor(t, tm, "Update Firewall")
	press(tm, "tab") // owner
	press(tm, "tab") // note
	asksBeforeDropping(t, tm, scr, "rules being audited", "Discard this change? y/n", planShown)
	if _, it := findItem(t, f, "firewall"); it.Note != "" {
		t.Errorf("the dropped note was saved: %+v", it)
	}

	// Untouched (a choice moved is no typed text): Esc closes at once.
	press(tm, "enter")
	scr.WaitFor(t, tm, "Update Firewall")
	press(tm, "right")
	press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "Update Firewall") && !strings.Contains(s, "Discard")
	}, "the form closed at once")
}

func TestRecoveryFormCtrlCWithTextAsksFirst(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	press(tm, "enter")
	scr.WaitFor(t, tm, "Update Firewall")
	press(tm, "tab")
	tm.Type("bob")
	press(tm, "ctrl+c")
	scr.WaitFor(t, tm, "Quit and discard")
	press(tm, "n")
	scr.WaitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "Quit and discard") }, "the question gone")
	press(tm, "ctrl+c")
	scr.WaitFor(t, tm, "Quit and discard")
	press(tm, "y")
	tm.WaitFinished(t)
}
