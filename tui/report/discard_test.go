package report_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"
)

// A stray Esc never drops typed text: the takeaway and the closing note
// ask first, as every form does (tuitest.AsksBeforeDropping).

func openReport(t *testing.T) (*fixture, *teatest.TestModel, *screen) {
	t.Helper()
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "5")
	scr.WaitFor(t, tm, "Lessons-learned report")
	return f, tm, scr
}

func TestReportTakeawayAsksBeforeDroppingText(t *testing.T) {
	f, tm, scr := openReport(t)
	press(tm, "a")
	scr.WaitFor(t, tm, "New key takeaway")
	asksBeforeDropping(t, tm, scr, "Print the on-call sheet.", "Discard this takeaway? y/n", "Lessons-learned report")
	if list, _ := f.svc.Takeaways(); len(list) != 0 {
		t.Fatalf("the dropped takeaway was saved: %+v", list)
	}

	// Untouched, or only blanks: Esc closes at once.
	press(tm, "a")
	scr.WaitFor(t, tm, "New key takeaway")
	tm.Type("  ")
	press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "New key takeaway") && strings.Contains(s, "Lessons-learned report")
	}, "the form closed at once")
}

func TestReportClosingNoteAsksBeforeDroppingText(t *testing.T) {
	f, tm, scr := openReport(t)
	press(tm, "C")
	scr.WaitFor(t, tm, "Close the crisis: closing note")
	asksBeforeDropping(t, tm, scr, "Sortie de crise.", "Discard this closing note? y/n", "Lessons-learned report")
	if st, _ := f.svc.Status(); st.Crisis.Closed != nil {
		t.Fatal("the crisis closed")
	}
}
