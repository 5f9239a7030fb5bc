package recovery_test

import (
	"strings"
	"testing"

	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"
)

// The console's refusals name its keys and fields, never the command
// line's flags (the command line keeps its own wording).
func TestRecoveryRefusalsNameKeysNotFlags(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "3")
	scr.WaitFor(t, tm, "Imaging (PACS)  ")
	for i := 0; i < 5; i++ {
		tuitest.Press(tm, "down") // mail, first of phase 2
	}
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "Update Mail")
	tuitest.Press(tm, "i")
	tuitest.Press(tm, "i") // in-service
	tuitest.Press(tm, "enter")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(oneLine(s), "(o on the Recovery tab)")
	}, "the gate's refusal naming the o key")
	if s := scr.Text(); strings.Contains(s, "--reason") || strings.Contains(s, "recovery override") {
		t.Errorf("the console names a command-line flag:\n%s", tuitest.LastLines(s))
	}
	tuitest.Press(tm, "esc")
	tuitest.Press(tm, "y") // drop the change if asked
	tuitest.Press(tm, "o")
	scr.WaitFor(t, tm, "Lift the gate for Mail")
	tuitest.Press(tm, "enter") // no reason
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(oneLine(s), "type it in the Reason field")
	}, "the refusal naming the Reason field")
	if s := scr.Text(); strings.Contains(s, "--reason") {
		t.Errorf("the console names a command-line flag:\n%s", tuitest.LastLines(s))
	}
}

// oneLine is a screen's words on one line: a message wrapped over two rows
// reads as one.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
