package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
)

// shrink resizes the console down to a few rows and back to 80x24: a view
// that cannot cope with no room at all panics, the program ends, and the
// text the test waits for never comes back.
func shrink(tm interface{ Send(tea.Msg) }) {
	for h := 10; h >= 1; h-- {
		tm.Send(tea.WindowSizeMsg{Width: 80, Height: h})
	}
	tm.Send(tea.WindowSizeMsg{Width: 20, Height: 3})
	tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
}

// An open prompt on a terminal of a few rows: still a console, never a
// crash (the on-call un-tick reason and the task's blocking reason with
// its discard question each needed more rows than they were given).
func TestPromptsSurviveATinyTerminal(t *testing.T) {
	f := newFixture(t)
	if err := f.svc.LoadDemo(crisis.LocalActor("test")); err != nil {
		t.Fatal(err)
	}
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")

	press(tm, "4")
	scr.WaitFor(t, tm, "3/13 · next: 4") // the runs read, the cursor on step 4
	press(tm, "up")                      // the last ticked step of the night's run
	press(tm, "u")
	scr.WaitFor(t, tm, "Why un-tick step")
	for _, k := range []string{"n", "o", "t", " ", "d", "o", "n", "e"} {
		press(tm, k)
	}
	shrink(tm)
	scr.WaitFor(t, tm, "Why un-tick step")
	press(tm, "esc")
	scr.WaitFor(t, tm, "Discard what you typed")
	shrink(tm)
	scr.WaitFor(t, tm, "Discard what you typed")
	press(tm, "y")

	press(tm, "2")
	scr.WaitFor(t, tm, "All tasks")
	press(tm, "n")
	scr.WaitFor(t, tm, "New task")
	shrink(tm)
	scr.WaitFor(t, tm, "New task")
}
