package report_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"cellule/crisis"
	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"
)

// The Report tab shows the report's Markdown as it stands.
func TestGoldenReportTab(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Seed(t)
	if _, err := f.Svc.AddTakeaway(tuitest.Lead, "Keep a paper copy of the on-call numbers."); err != nil {
		t.Fatal(err)
	}
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	tuitest.Press(tm, "5")
	scr.WaitFor(t, tm, "Lessons-learned report")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

// A lead writes a takeaway in the tab; it shows in the report.
func TestReportTabAddsTakeaway(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Seed(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	tuitest.Press(tm, "5")
	scr.WaitFor(t, tm, "Lessons-learned report")
	tuitest.Press(tm, "a")
	scr.WaitFor(t, tm, "New key takeaway")
	tm.Type("Print the on-call sheet.")
	scr.WaitFor(t, tm, "on-call sheet")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Takeaway #1 saved")
	tuitest.Press(tm, "G")
	scr.WaitFor(t, tm, "1. Print the on-call sheet.")
	list, _ := f.Svc.Takeaways()
	if len(list) != 1 || list[0].Author != "alice" {
		t.Fatalf("takeaways: %+v", list)
	}
}

// Closing asks first; once closed, the tab says the record is read-only
// and the keys that would write are gone.
func TestReportTabClosesTheCrisis(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Seed(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	tuitest.Press(tm, "5")
	scr.WaitFor(t, tm, "C close crisis")
	tuitest.Press(tm, "C")
	scr.WaitFor(t, tm, "Close the crisis: closing note")
	tm.Type("Sortie de crise.")
	scr.WaitFor(t, tm, "Sortie de crise.")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Close the crisis for good?")
	if st, _ := f.Svc.Status(); st.Crisis.Closed != nil {
		t.Fatal("the crisis closed before the y")
	}
	tuitest.Press(tm, "y")
	scr.WaitFor(t, tm, "the record is read-only")
	st, _ := f.Svc.Status()
	if st.Crisis.Closed == nil || st.Crisis.Closed.Note != "Sortie de crise." {
		t.Fatalf("crisis after closing in the console: %+v", st.Crisis)
	}
	if strings.Contains(scr.Text(), "a takeaway") {
		t.Fatalf("the closed report still offers a takeaway:\n%s", tuitest.LastLines(scr.Text()))
	}
}

// A viewer reads the report but is offered no key that writes.
func TestReportTabViewer(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Seed(t)
	tm := tabtest.Start(t, f, tuitest.Viewer, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	tuitest.Press(tm, "5")
	scr.WaitFor(t, tm, "Lessons-learned report")
	if strings.Contains(scr.Text(), "takeaway") || strings.Contains(scr.Text(), "close crisis") {
		t.Fatalf("a viewer is offered writes:\n%s", tuitest.LastLines(scr.Text()))
	}
	tuitest.Press(tm, "a")
	scr.WaitFor(t, tm, "may not write the key takeaways")
	_ = crisis.RoleViewer
}

// The preview holds the sections of the tasks and the recovery plan, and
// the results they add up to.
func TestReportTabShowsTasksAndRecovery(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Seed(t)
	if _, err := f.Svc.AddTask(tuitest.Lead, crisis.TaskDraft{Title: "Rebuild the domain controllers", Assignee: "bob", Phase: 1}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.Svc.SetRecoveryItem(tuitest.Lead, "firewall", crisis.ItemChange{State: crisis.StateInvestigating}); err != nil {
		t.Fatal(err)
	}
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	tuitest.Press(tm, "5")
	scr.WaitFor(t, tm, "Lessons-learned report")
	tuitest.Press(tm, "G")
	scr.WaitFor(t, tm, "1 task: 0 done, 1 still open, 0 cancelled.")
	scr.WaitFor(t, tm, "Recovery: phase 1 in progress (5%)")
}
