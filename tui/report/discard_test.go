package report_test

import (
	"strings"
	"testing"

	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"

	"github.com/charmbracelet/x/exp/teatest/v2"
)

// A stray Esc never drops typed text: the takeaway and the closing note
// ask first, as every form does (tuitest.AsksBeforeDropping).

func openReport(t *testing.T) (*tuitest.Fixture, *teatest.TestModel, *tuitest.Screen) {
	t.Helper()
	f := tuitest.NewFixture(t)
	f.Seed(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	tuitest.Press(tm, "5")
	scr.WaitFor(t, tm, "Lessons-learned report")
	return f, tm, scr
}

func TestReportTakeawayAsksBeforeDroppingText(t *testing.T) {
	f, tm, scr := openReport(t)
	tuitest.Press(tm, "a")
	scr.WaitFor(t, tm, "New key takeaway")
	tuitest.AsksBeforeDropping(t, tm, scr, "Print the on-call sheet.", "Discard this takeaway? y/n", "Lessons-learned report")
	if list, _ := f.Svc.Takeaways(); len(list) != 0 {
		t.Fatalf("the dropped takeaway was saved: %+v", list)
	}

	// Untouched, or only blanks: Esc closes at once.
	tuitest.Press(tm, "a")
	scr.WaitFor(t, tm, "New key takeaway")
	tm.Type("  ")
	tuitest.Press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "New key takeaway") && strings.Contains(s, "Lessons-learned report")
	}, "the form closed at once")
}

func TestReportClosingNoteAsksBeforeDroppingText(t *testing.T) {
	f, tm, scr := openReport(t)
	tuitest.Press(tm, "C")
	scr.WaitFor(t, tm, "Close the crisis: closing note")
	tuitest.AsksBeforeDropping(t, tm, scr, "Sortie de crise.", "Discard this closing note? y/n", "Lessons-learned report")
	if st, _ := f.Svc.Status(); st.Crisis.Closed != nil {
		t.Fatal("the crisis closed")
	}
}
