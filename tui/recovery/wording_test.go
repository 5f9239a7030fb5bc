package recovery_test

import (
	"strings"
	"testing"
)

// The console's refusals name its keys and fields, never the command
// line's flags (the command line keeps its own wording).
func TestRecoveryRefusalsNameKeysNotFlags(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "3")
	scr.WaitFor(t, tm, "Imaging (PACS)  ")
	for i := 0; i < 5; i++ {
		press(tm, "down") // mail, first of phase 2
	}
	press(tm, "enter")
	scr.WaitFor(t, tm, "Update Mail")
	press(tm, "i")
	press(tm, "i") // in-service
	press(tm, "enter")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(oneLine(s), "(o on the Recovery tab)")
	}, "the gate's refusal naming the o key")
	if s := scr.Text(); strings.Contains(s, "--reason") || strings.Contains(s, "recovery override") {
		t.Errorf("the console names a command-line flag:\n%s", lastLines(s))
	}
	press(tm, "esc")
	press(tm, "y") // drop the change if asked
	press(tm, "o")
	scr.WaitFor(t, tm, "Lift the gate for Mail")
	press(tm, "enter") // no reason
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(oneLine(s), "type it in the Reason field")
	}, "the refusal naming the Reason field")
	if s := scr.Text(); strings.Contains(s, "--reason") {
		t.Errorf("the console names a command-line flag:\n%s", lastLines(s))
	}
}

// oneLine is a screen's words on one line: a message wrapped over two rows
// reads as one.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
