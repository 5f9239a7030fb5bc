package recovery_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"cellule/crisis"
	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"
)

// progress puts the plan where a crisis has it a few days in: phase 1
// validated, one item of phase 2 past the gate by a lead's decision, the
// workstations being re-imaged.
func progress(t *testing.T, f *tuitest.Fixture) {
	t.Helper()
	n := func(v int) *int { return &v }
	s := func(v string) *string { return &v }
	changes := []struct {
		ref string
		ch  crisis.ItemChange
	}{
		{"firewall", crisis.ItemChange{State: crisis.StateInService, Owner: s("bob")}},
		{"core-switches", crisis.ItemChange{State: crisis.StateInService}},
		{"dc", crisis.ItemChange{State: crisis.StateVerified, Note: s("krbtgt reset twice")}},
		{"dns-dhcp", crisis.ItemChange{State: crisis.StateInService}},
		{"backup", crisis.ItemChange{State: crisis.StateVerified, Note: s("kept offline")}},
		{"mail", crisis.ItemChange{State: crisis.StateRebuilt, Owner: s("Prestataire")}},
		{"lab", crisis.ItemChange{State: crisis.StateInvestigating}},
		{"workstations", crisis.ItemChange{State: crisis.StateRebuilt, Count: n(612)}},
	}
	for _, c := range changes {
		if _, _, err := f.Svc.SetRecoveryItem(tuitest.Responder, c.ref, c.ch); err != nil {
			t.Fatalf("%s: %v", c.ref, err)
		}
	}
	if _, err := f.Svc.ValidatePhase(tuitest.Lead, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Svc.OverrideGate(tuitest.Lead, "servers", "the billing server is needed for payroll"); err != nil {
		t.Fatal(err)
	}
}

// planShown is on the Recovery tab only, never in the logbook.
const planShown = "Patient-record interfaces"

func openRecovery(t *testing.T, f *tuitest.Fixture, me crisis.Actor) (*tuitest.Screen, func() string) {
	t.Helper()
	tm := tabtest.Start(t, f, me, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	return scr, func() string { return tuitest.GoldenScreen(t, tm) }
}

func TestGoldenRecoveryTemplate(t *testing.T) {
	f := tuitest.NewFixture(t)
	_, final := openRecovery(t, f, tuitest.Lead)
	golden.RequireEqual(t, []byte(final()))
}

func TestGoldenRecoveryInProgress(t *testing.T) {
	f := tuitest.NewFixture(t)
	progress(t, f)
	_, final := openRecovery(t, f, tuitest.Viewer)
	golden.RequireEqual(t, []byte(final()))
}

func TestGoldenRecoveryUpdateForm(t *testing.T) {
	f := tuitest.NewFixture(t)
	progress(t, f)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	tuitest.Press(tm, "G") // the workstations, last
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "Update Workstations")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestRecoveryFormChangesAnItem(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	tuitest.Press(tm, "enter") // the firewall, first
	scr.WaitFor(t, tm, "Update Firewall")
	tuitest.Press(tm, "right") // isolated -> investigating
	tuitest.Press(tm, "tab")   // owner
	tuitest.Press(tm, "tab")   // note
	tm.Type("rules being audited")
	tuitest.Press(tm, "enter")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Firewall: investigating (#") &&
			strings.Contains(s, "rules being audited") && !strings.Contains(s, "Update Firewall")
	}, "the firewall under investigation")
	_, it := findItem(t, f, "firewall")
	if it.State != crisis.StateInvestigating || it.Note != "rules being audited" {
		t.Errorf("stored: %+v", it)
	}
}

func TestRecoveryGateRefusalStaysInTheForm(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	for i := 0; i < 5; i++ {
		tuitest.Press(tm, "down") // mail, first of phase 2
	}
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "Update Mail")
	tuitest.Press(tm, "i") // investigating
	tuitest.Press(tm, "i") // in-service
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "cannot go back in service before phase 1")
	if _, it := findItem(t, f, "mail"); it.State != crisis.StateIsolated {
		t.Errorf("mail went to %s past the gate", it.State)
	}
}

func TestRecoveryViewerOnlyWatches(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Viewer, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "3")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Core infrastructure") && !strings.Contains(s, "enter update") && !strings.Contains(s, "v validate")
	}, "the plan without the keys that change it")
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "a viewer may not update the recovery")
	tuitest.Press(tm, "v")
	scr.WaitFor(t, tm, "a viewer may not validate a recovery phase")
}

func TestRecoveryValidateAsksFirst(t *testing.T) {
	f := tuitest.NewFixture(t)
	for _, id := range []string{"firewall", "core-switches", "dc", "dns-dhcp", "backup"} {
		if _, _, err := f.Svc.SetRecoveryItem(tuitest.Responder, id, crisis.ItemChange{State: crisis.StateVerified}); err != nil {
			t.Fatal(err)
		}
	}
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "3")
	scr.WaitFor(t, tm, "ready for validation")
	tuitest.Press(tm, "v")
	scr.WaitFor(t, tm, "Validate phase 1 (Core infrastructure)?")
	tuitest.Press(tm, "n")
	scr.WaitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "Validate phase 1") }, "the question gone")
	if ph, _ := findItem(t, f, "dc"); ph.Validated() {
		t.Fatal("n validated the phase")
	}
	tuitest.Press(tm, "v")
	scr.WaitFor(t, tm, "Validate phase 1")
	tuitest.Press(tm, "y")
	scr.WaitFor(t, tm, "validated by alice 09-12 04:12")
	scr.WaitFor(t, tm, "Phase 1 validated (#")
}

func findItem(t *testing.T, f *tuitest.Fixture, id string) (crisis.PhaseView, crisis.RecoveryItem) {
	t.Helper()
	p, err := f.Svc.Recovery()
	if err != nil {
		t.Fatal(err)
	}
	for _, ph := range p.Phases {
		for _, it := range ph.Items {
			if it.ID == id {
				return ph, it
			}
		}
	}
	t.Fatalf("no item %s", id)
	return crisis.PhaseView{}, crisis.RecoveryItem{}
}

func TestGoldenRecoveryDemo(t *testing.T) {
	f := tuitest.NewFixture(t)
	if err := f.Svc.LoadDemo(crisis.LocalActor("test")); err != nil {
		t.Fatal(err)
	}
	_, final := openRecovery(t, f, tuitest.Lead)
	golden.RequireEqual(t, []byte(final()))
}

func TestGoldenRecoveryFullHelp(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	tuitest.Press(tm, "?")
	scr.WaitFor(t, tm, "move to phase")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}
