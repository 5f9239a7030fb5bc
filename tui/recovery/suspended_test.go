package recovery_test

import (
	"regexp"
	"strings"
	"testing"

	"cellule/crisis"
	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"
)

// After phase 1's validation is withdrawn, phase 2 (validated) is gated
// again: neither the header nor the Recovery tab shows its ✓ any more,
// both show it suspended.
func TestWithdrawnValidationSuspendsLaterPhases(t *testing.T) {
	f := tuitest.NewFixture(t)
	progress(t, f)
	for _, ref := range []string{"mail", "patient-records", "lab", "pharmacy", "imaging"} {
		if _, _, err := f.Svc.SetRecoveryItem(tuitest.Responder, ref, crisis.ItemChange{State: crisis.StateVerified}); err != nil {
			t.Fatalf("%s: %v", ref, err)
		}
	}
	if _, err := f.Svc.ValidatePhase(tuitest.Lead, 2); err != nil {
		t.Fatal(err)
	}
	scr, final := openRecovery(t, f, tuitest.Viewer)
	// Before: both phases ticked.
	before := final()
	if !regexp.MustCompile(`1 █+░*✓ 2 █+░*✓`).MatchString(before) {
		t.Fatalf("both phases should be ticked first:\n%s", tuitest.LastLines(before))
	}

	f2 := f // the same record, a new console after the withdrawal
	if _, _, err := f2.Svc.SetRecoveryItem(tuitest.Responder, "backup", crisis.ItemChange{State: crisis.StateRebuilt}); err != nil {
		t.Fatal(err)
	}
	tm := tabtest.Start(t, f2, tuitest.Viewer, nil)
	scr = tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "3")
	scr.WaitFor(t, tm, "Imaging (PACS)  ")
	after := tuitest.GoldenScreen(t, tm)
	head := strings.SplitN(after, "\n", 4)[2]
	if strings.Contains(head, "✓") || !regexp.MustCompile(`2 █+░* *‖`).MatchString(head) {
		t.Errorf("header line 3 = %q, want phase 2 marked ‖ and no ✓", head)
	}
	if !strings.Contains(after, "Business services and mail █████████░░░  75%  ‖ suspended: phase 1 first") {
		t.Errorf("the Recovery tab does not show phase 2 suspended:\n%s", tuitest.LastLines(after))
	}
	if strings.Contains(after, "validated by alice") {
		t.Errorf("the Recovery tab still shows a validation that does not stand:\n%s", tuitest.LastLines(after))
	}
}

// The Recovery help names g and G for what they do in a plan, and the tab
// names a state with the word the logbook writes.
func TestRecoveryWordsMatchThePlanAndTheLogbook(t *testing.T) {
	f := tuitest.NewFixture(t)
	progress(t, f)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "3")
	scr.WaitFor(t, tm, "Imaging (PACS)  ")
	tuitest.Press(tm, "?")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "g/home first item") && strings.Contains(s, "G/end  last item")
	}, "g and G as first and last item")
	if s := scr.Text(); strings.Contains(s, "oldest") || strings.Contains(s, "newest") {
		t.Errorf("the Recovery help still speaks of oldest/newest:\n%s", tuitest.LastLines(s))
	}
	tuitest.Press(tm, "?")
	page, err := f.Svc.Timeline(crisis.TimelineQuery{Search: "Firewall"})
	if err != nil || len(page.Entries) == 0 || !strings.Contains(page.Entries[0].Text, "in-service") {
		t.Fatalf("the logbook's word for the state: %v %+v", err, page.Entries)
	}
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Firewall                   in-service") && !strings.Contains(s, "Back in service")
	}, "the firewall shown in-service, as the logbook writes it")
}
