package recovery_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"cellule/crisis"
)

// progress puts the plan where a crisis has it a few days in: phase 1
// validated, one item of phase 2 past the gate by a lead's decision, the
// workstations being re-imaged.
func (f *fixture) progress(t *testing.T) {
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
		if _, _, err := f.svc.SetRecoveryItem(responder, c.ref, c.ch); err != nil {
			t.Fatalf("%s: %v", c.ref, err)
		}
	}
	if _, err := f.svc.ValidatePhase(lead, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.OverrideGate(lead, "servers", "the billing server is needed for payroll"); err != nil {
		t.Fatal(err)
	}
}

// planShown is on the Recovery tab only, never in the logbook.
const planShown = "Patient-record interfaces"

func openRecovery(t *testing.T, f *fixture, me crisis.Actor) (*screen, func() string) {
	t.Helper()
	tm := start(t, f, me, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	return scr, func() string { return goldenScreen(t, tm) }
}

func TestGoldenRecoveryTemplate(t *testing.T) {
	f := newFixture(t)
	_, final := openRecovery(t, f, lead)
	golden.RequireEqual(t, []byte(final()))
}

func TestGoldenRecoveryInProgress(t *testing.T) {
	f := newFixture(t)
	f.progress(t)
	_, final := openRecovery(t, f, viewer)
	golden.RequireEqual(t, []byte(final()))
}

func TestGoldenRecoveryUpdateForm(t *testing.T) {
	f := newFixture(t)
	f.progress(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	press(tm, "G") // the workstations, last
	press(tm, "enter")
	scr.WaitFor(t, tm, "Update Workstations")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}

func TestRecoveryFormChangesAnItem(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	press(tm, "enter") // the firewall, first
	scr.WaitFor(t, tm, "Update Firewall")
	press(tm, "right") // isolated -> investigating
	press(tm, "tab")   // owner
	press(tm, "tab")   // note
	tm.Type("rules being audited")
	press(tm, "enter")
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
	f := newFixture(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	for i := 0; i < 5; i++ {
		press(tm, "down") // mail, first of phase 2
	}
	press(tm, "enter")
	scr.WaitFor(t, tm, "Update Mail")
	press(tm, "i") // investigating
	press(tm, "i") // in-service
	press(tm, "enter")
	scr.WaitFor(t, tm, "cannot go back in service before phase 1")
	if _, it := findItem(t, f, "mail"); it.State != crisis.StateIsolated {
		t.Errorf("mail went to %s past the gate", it.State)
	}
}

func TestRecoveryViewerOnlyWatches(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, viewer, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "3")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Core infrastructure") && !strings.Contains(s, "enter update") && !strings.Contains(s, "v validate")
	}, "the plan without the keys that change it")
	press(tm, "enter")
	scr.WaitFor(t, tm, "a viewer may not update the recovery")
	press(tm, "v")
	scr.WaitFor(t, tm, "a viewer may not validate a recovery phase")
}

func TestRecoveryValidateAsksFirst(t *testing.T) {
	f := newFixture(t)
	for _, id := range []string{"firewall", "core-switches", "dc", "dns-dhcp", "backup"} {
		if _, _, err := f.svc.SetRecoveryItem(responder, id, crisis.ItemChange{State: crisis.StateVerified}); err != nil {
			t.Fatal(err)
		}
	}
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "3")
	scr.WaitFor(t, tm, "ready for validation")
	press(tm, "v")
	scr.WaitFor(t, tm, "Validate phase 1 (Core infrastructure)?")
	press(tm, "n")
	scr.WaitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "Validate phase 1") }, "the question gone")
	if ph, _ := findItem(t, f, "dc"); ph.Validated() {
		t.Fatal("n validated the phase")
	}
	press(tm, "v")
	scr.WaitFor(t, tm, "Validate phase 1")
	press(tm, "y")
	scr.WaitFor(t, tm, "validated by alice 09-12 04:12")
	scr.WaitFor(t, tm, "Phase 1 validated (#")
}

func findItem(t *testing.T, f *fixture, id string) (crisis.PhaseView, crisis.RecoveryItem) {
	t.Helper()
	p, err := f.svc.Recovery()
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
	f := newFixture(t)
	if err := f.svc.LoadDemo(crisis.LocalActor("test")); err != nil {
		t.Fatal(err)
	}
	_, final := openRecovery(t, f, lead)
	golden.RequireEqual(t, []byte(final()))
}

func TestGoldenRecoveryFullHelp(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	press(tm, "?")
	scr.WaitFor(t, tm, "move to phase")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}
