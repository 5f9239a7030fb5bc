package report_test

import (
	"strings"
	"testing"

	"cellule/tui/internal/tuitest"
)

// Closing with an empty note says why not beside the note, and never asks
// the yes/no question first; with a note it asks, then closes.
func TestClosingWithoutANoteSaysWhyBeforeAsking(t *testing.T) {
	f, tm, scr := openReport(t)
	tuitest.Press(tm, "C")
	scr.WaitFor(t, tm, "Close the crisis: closing note")
	tm.Type("   ")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "closing the crisis needs a closing note")
	if strings.Contains(scr.Text(), "Close the crisis for good?") {
		t.Fatalf("asked to close with an empty note:\n%s", tuitest.LastLines(scr.Text()))
	}
	if st, _ := f.Svc.Status(); st.Crisis.Closed != nil {
		t.Fatal("closed with an empty note")
	}
	tm.Type("Back to normal operations.")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Close the crisis for good? Every change will be refused. y/n")
	tuitest.Press(tm, "y")
	scr.WaitFor(t, tm, "Crisis closed (#")
	if st, _ := f.Svc.Status(); st.Crisis.Closed == nil {
		t.Fatal("not closed after yes")
	}
}

// Where the console has no place on the host to save the paper kit, the
// print key says how to export it.
func TestPrintKeyWithoutAPlaceSaysHow(t *testing.T) {
	_, tm, scr := openReport(t)
	tuitest.Press(tm, "p")
	scr.WaitFor(t, tm, "The paper kit: cellule export --format print > kit.html")
}
