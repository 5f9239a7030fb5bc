package report_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"cellule/crisis"
)

// The Report tab shows the report's Markdown as it stands.
func TestGoldenReportTab(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	if _, err := f.svc.AddTakeaway(lead, "Keep a paper copy of the on-call numbers."); err != nil {
		t.Fatal(err)
	}
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "5")
	scr.WaitFor(t, tm, "Lessons-learned report")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}

// A lead writes a takeaway in the tab; it shows in the report.
func TestReportTabAddsTakeaway(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "5")
	scr.WaitFor(t, tm, "Lessons-learned report")
	press(tm, "a")
	scr.WaitFor(t, tm, "New key takeaway")
	tm.Type("Print the on-call sheet.")
	scr.WaitFor(t, tm, "on-call sheet")
	press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Takeaway #1 saved")
	press(tm, "G")
	scr.WaitFor(t, tm, "1. Print the on-call sheet.")
	list, _ := f.svc.Takeaways()
	if len(list) != 1 || list[0].Author != "alice" {
		t.Fatalf("takeaways: %+v", list)
	}
}

// Closing asks first; once closed, the tab says the record is read-only
// and the keys that would write are gone.
func TestReportTabClosesTheCrisis(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "5")
	scr.WaitFor(t, tm, "C close crisis")
	press(tm, "C")
	scr.WaitFor(t, tm, "Close the crisis: closing note")
	tm.Type("Sortie de crise.")
	scr.WaitFor(t, tm, "Sortie de crise.")
	press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Close the crisis for good?")
	if st, _ := f.svc.Status(); st.Crisis.Closed != nil {
		t.Fatal("the crisis closed before the y")
	}
	press(tm, "y")
	scr.WaitFor(t, tm, "the record is read-only")
	st, _ := f.svc.Status()
	if st.Crisis.Closed == nil || st.Crisis.Closed.Note != "Sortie de crise." {
		t.Fatalf("crisis after closing in the console: %+v", st.Crisis)
	}
	if strings.Contains(scr.Text(), "a takeaway") {
		t.Fatalf("the closed report still offers a takeaway:\n%s", lastLines(scr.Text()))
	}
}

// A viewer reads the report but is offered no key that writes.
func TestReportTabViewer(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, viewer, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "5")
	scr.WaitFor(t, tm, "Lessons-learned report")
	if strings.Contains(scr.Text(), "takeaway") || strings.Contains(scr.Text(), "close crisis") {
		t.Fatalf("a viewer is offered writes:\n%s", lastLines(scr.Text()))
	}
	press(tm, "a")
	scr.WaitFor(t, tm, "may not write the key takeaways")
	_ = crisis.RoleViewer
}

// The preview holds the sections of the tasks and the recovery plan, and
// the results they add up to.
func TestReportTabShowsTasksAndRecovery(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	if _, err := f.svc.AddTask(lead, crisis.TaskDraft{Title: "Rebuild the domain controllers", Assignee: "bob", Phase: 1}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.svc.SetRecoveryItem(lead, "firewall", crisis.ItemChange{State: crisis.StateInvestigating}); err != nil {
		t.Fatal(err)
	}
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "5")
	scr.WaitFor(t, tm, "Lessons-learned report")
	press(tm, "G")
	scr.WaitFor(t, tm, "1 task: 0 done, 1 still open, 0 cancelled.")
	scr.WaitFor(t, tm, "Recovery: phase 1 in progress (5%)")
}
