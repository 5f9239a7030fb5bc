package crisis_test

import (
	"errors"
	"strings"
	"testing"

	"cellule/crisis"
	"cellule/store"
)

func plan(t *testing.T, svc *crisis.Service) crisis.RecoveryPlan {
	t.Helper()
	p, err := svc.Recovery()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func item(t *testing.T, svc *crisis.Service, id string) (crisis.PhaseView, crisis.RecoveryItem) {
	t.Helper()
	for _, ph := range plan(t, svc).Phases {
		for _, it := range ph.Items {
			if it.ID == id {
				return ph, it
			}
		}
	}
	t.Fatalf("no item %s", id)
	return crisis.PhaseView{}, crisis.RecoveryItem{}
}

func set(t *testing.T, svc *crisis.Service, a crisis.Actor, ref string, st crisis.ItemState) crisis.Entry {
	t.Helper()
	_, e, err := svc.SetRecoveryItem(a, ref, crisis.ItemChange{State: st})
	if err != nil {
		t.Fatalf("set %s %s: %v", ref, st, err)
	}
	return e
}

func intp(n int) *int { return &n }

// snapshot is everything a refused call must leave as it was.
func snapshot(t *testing.T, svc *crisis.Service, db *store.DB) (crisis.RecoveryPlan, int, uint64) {
	t.Helper()
	st, err := svc.Status()
	if err != nil {
		t.Fatal(err)
	}
	return plan(t, svc), auditCount(t, db), st.Entries
}

func TestNewCrisisStartsFromTheTemplate(t *testing.T) {
	svc, _ := newService(t)
	p := plan(t, svc)
	if len(p.Phases) != 4 {
		t.Fatalf("%d phases", len(p.Phases))
	}
	want := map[int][]string{
		1: {"firewall", "core-switches", "dc", "dns-dhcp", "backup"},
		2: {"mail", "patient-records", "lab", "pharmacy", "imaging"},
		3: {"servers"},
		4: {"workstations"},
	}
	for _, ph := range p.Phases {
		var ids []string
		for _, it := range ph.Items {
			ids = append(ids, it.ID)
			if it.State != crisis.StateIsolated {
				t.Errorf("%s starts %s", it.ID, it.State)
			}
		}
		if strings.Join(ids, " ") != strings.Join(want[ph.Number], " ") {
			t.Errorf("phase %d holds %v, want %v", ph.Number, ids, want[ph.Number])
		}
		if ph.State != crisis.PhaseNotStarted || ph.Progress != 0 || ph.Name != crisis.PhaseNames[ph.Number-1] {
			t.Errorf("phase %d: %s %d%% %q", ph.Number, ph.State, ph.Progress, ph.Name)
		}
	}
	if _, ws := item(t, svc, "workstations"); ws.Total != 1400 {
		t.Errorf("workstations total %d", ws.Total)
	}
	if _, dc := item(t, svc, "dc"); dc.Total != 4 {
		t.Errorf("domain controllers total %d", dc.Total)
	}
}

func TestProgressArithmetic(t *testing.T) {
	cases := []struct {
		it   crisis.RecoveryItem
		want float64
	}{
		{crisis.RecoveryItem{State: crisis.StateIsolated}, 0},
		{crisis.RecoveryItem{State: crisis.StateCompromised}, 0},
		{crisis.RecoveryItem{State: crisis.StateInvestigating}, 25},
		{crisis.RecoveryItem{State: crisis.StateCleaned}, 50},
		{crisis.RecoveryItem{State: crisis.StateRebuilt}, 50},
		{crisis.RecoveryItem{State: crisis.StateVerified}, 75},
		{crisis.RecoveryItem{State: crisis.StateInService}, 100},
		// 612 of 1,400 rebuilt, the others still under investigation.
		{crisis.RecoveryItem{State: crisis.StateRebuilt, Count: 612, Total: 1400}, (612*50 + 788*25) / 1400.0},
		// Moving on with nobody there yet keeps the progress of before.
		{crisis.RecoveryItem{State: crisis.StateInService, Count: 0, Total: 50}, 75},
		{crisis.RecoveryItem{State: crisis.StateInService, Count: 50, Total: 50}, 100},
	}
	for _, c := range cases {
		if got := c.it.Progress(); got < c.want-1e-9 || got > c.want+1e-9 {
			t.Errorf("%s %d/%d: progress %.3f, want %.3f", c.it.State, c.it.Count, c.it.Total, got, c.want)
		}
	}

	svc, _ := newService(t)
	set(t, svc, responder, "firewall", crisis.StateInService)     // 100
	set(t, svc, responder, "core-switches", crisis.StateVerified) // 75
	if _, _, err := svc.SetRecoveryItem(responder, "dc", crisis.ItemChange{State: crisis.StateCleaned, Count: intp(1)}); err != nil {
		t.Fatal(err) // (1x50 + 3x25) / 4 = 31.25
	}
	// (100 + 75 + 31.25 + 0 + 0) / 5 = 41.25, shown as 41.
	ph, _ := item(t, svc, "firewall")
	if ph.Progress != 41 || ph.State != crisis.PhaseInProgress {
		t.Errorf("phase 1: %d%% %s, want 41%% in-progress", ph.Progress, ph.State)
	}
	st, _ := svc.Status()
	if len(st.Recovery) != 4 || st.Recovery[0].Progress != 41 || st.Recovery[1].State != crisis.PhaseNotStarted {
		t.Errorf("the header's summary: %+v", st.Recovery)
	}
}

func TestGroupCounts(t *testing.T) {
	svc, db := newService(t)
	it, e, err := svc.SetRecoveryItem(responder, "workstations", crisis.ItemChange{State: crisis.StateRebuilt, Count: intp(612), Note: strp("re-imaged from the master")})
	if err != nil {
		t.Fatal(err)
	}
	if it.Count != 612 || it.Total != 1400 || it.UpdatedBy != "bob" {
		t.Errorf("item %+v", it)
	}
	if e.Kind != crisis.KindAction || !strings.Contains(e.Text, "Workstations isolated -> rebuilt (612/1400)") || !strings.Contains(e.Text, "re-imaged") {
		t.Errorf("logbook entry %q", e.Text)
	}
	// Without a count, a change of state takes the whole group there.
	if it, _, _ = svc.SetRecoveryItem(responder, "workstations", crisis.ItemChange{State: crisis.StateVerified}); it.Count != 1400 {
		t.Errorf("count after a state change without count: %d", it.Count)
	}

	before, audit, entries := snapshot(t, svc, db)
	refusals := []struct {
		ref  string
		ch   crisis.ItemChange
		code string
	}{
		{"workstations", crisis.ItemChange{Count: intp(1401)}, "recovery.count-above"},
		{"workstations", crisis.ItemChange{Count: intp(-1)}, "recovery.count-negative"},
		{"firewall", crisis.ItemChange{Count: intp(1)}, "recovery.not-group"},
		{"firewall", crisis.ItemChange{State: "fixed"}, "recovery.state-unknown"},
		{"nothing-like-it", crisis.ItemChange{State: crisis.StateCleaned}, "recovery.item-missing"},
		{"workstations", crisis.ItemChange{State: crisis.StateVerified}, "recovery.no-change"},
	}
	for _, r := range refusals {
		_, _, err := svc.SetRecoveryItem(responder, r.ref, r.ch)
		var de *crisis.Error
		if !errors.As(err, &de) || de.Code != r.code {
			t.Errorf("%s %+v: %v, want %s", r.ref, r.ch, err, r.code)
		}
	}
	if _, _, err := svc.SetRecoveryItem(viewer, "firewall", crisis.ItemChange{State: crisis.StateCleaned}); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("a viewer's change: %v", err)
	}
	after, audit2, entries2 := snapshot(t, svc, db)
	if !samePlan(before, after) || audit != audit2 || entries != entries2 {
		t.Error("a refused change changed the record")
	}
}

func strp(s string) *string { return &s }

func samePlan(a, b crisis.RecoveryPlan) bool {
	return crisis.DigestOf(a) == crisis.DigestOf(b)
}

func TestGatingAndOverride(t *testing.T) {
	svc, db := newService(t)
	// Phase 2 may be checked before phase 1 is validated...
	set(t, svc, responder, "mail", crisis.StateVerified)
	// ...but not put back in service.
	before, audit, entries := snapshot(t, svc, db)
	_, _, err := svc.SetRecoveryItem(responder, "mail", crisis.ItemChange{State: crisis.StateInService})
	var de *crisis.Error
	if !errors.As(err, &de) || de.Code != "recovery.gate" || !strings.Contains(crisis.Message(err), "phase 1 (Core infrastructure)") {
		t.Fatalf("past the gate: %v", err)
	}
	// Only leads override, with a reason.
	if _, err := svc.OverrideGate(responder, "mail", "urgent"); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("a responder's override: %v", err)
	}
	if _, err := svc.OverrideGate(lead, "mail", "  "); !errors.Is(err, crisis.ErrInvalid) {
		t.Errorf("an override without reason: %v", err)
	}
	if _, err := svc.OverrideGate(lead, "firewall", "why not"); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("an override in phase 1: %v", err)
	}
	after, audit2, entries2 := snapshot(t, svc, db)
	if !samePlan(before, after) || audit != audit2 || entries != entries2 {
		t.Error("a refused change changed the record")
	}

	e, err := svc.OverrideGate(lead, "Mail", "Administrative services need mail; the Zimbra server was rebuilt and patched")
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != crisis.KindDecision || e.Author != "alice" || !strings.Contains(e.Text, "Recovery gate lifted for Mail (phase 2)") || !strings.Contains(e.Text, "Zimbra server was rebuilt") {
		t.Errorf("the override's entry: %+v", e)
	}
	_, mail := item(t, svc, "mail")
	if mail.Override == nil || mail.Override.Entry != e.ID || mail.Override.By != "alice" {
		t.Errorf("override %+v", mail.Override)
	}
	if _, err := svc.OverrideGate(lead, "mail", "again"); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("a second override: %v", err)
	}
	set(t, svc, responder, "mail", crisis.StateInService)
	// The override is for that item only.
	if _, _, err := svc.SetRecoveryItem(responder, "lab", crisis.ItemChange{State: crisis.StateInService}); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("another item of phase 2 went past the gate: %v", err)
	}
}

func TestValidation(t *testing.T) {
	svc, db := newService(t)
	for _, id := range []string{"firewall", "core-switches", "dns-dhcp"} {
		set(t, svc, responder, id, crisis.StateInService)
	}
	set(t, svc, responder, "backup", crisis.StateVerified)
	if _, _, err := svc.SetRecoveryItem(responder, "dc", crisis.ItemChange{State: crisis.StateVerified, Count: intp(3)}); err != nil {
		t.Fatal(err)
	}
	ph, _ := item(t, svc, "dc")
	if ph.State != crisis.PhaseInProgress {
		t.Errorf("phase 1 with 3 of 4 domain controllers verified: %s", ph.State)
	}
	before, audit, entries := snapshot(t, svc, db)
	_, err := svc.ValidatePhase(lead, 1)
	if !errors.Is(err, crisis.ErrConflict) || !strings.Contains(crisis.Message(err), "Domain controllers") {
		t.Errorf("validating with a group not all verified: %v", err)
	}
	if _, err := svc.ValidatePhase(responder, 1); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("a responder validating: %v", err)
	}
	if _, err := svc.ValidatePhase(lead, 5); !errors.Is(err, crisis.ErrInvalid) {
		t.Errorf("phase 5: %v", err)
	}
	after, audit2, entries2 := snapshot(t, svc, db)
	if !samePlan(before, after) || audit != audit2 || entries != entries2 {
		t.Error("a refused validation changed the record")
	}

	set(t, svc, responder, "dc", crisis.StateVerified) // the whole group
	if ph, _ = item(t, svc, "dc"); ph.State != crisis.PhaseReady {
		t.Errorf("phase 1 all verified or in service: %s", ph.State)
	}
	e, err := svc.ValidatePhase(lead, 1)
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != crisis.KindDecision || !strings.Contains(e.Text, "phase 1 (Core infrastructure) validated") {
		t.Errorf("entry %q", e.Text)
	}
	ph, _ = item(t, svc, "dc")
	if ph.State != crisis.PhaseValidated || ph.ValidatedBy != "alice" || ph.ValidatedAt == nil || !ph.ValidatedAt.Equal(fixedNow) {
		t.Errorf("phase 1 after validation: %+v", ph.RecoveryPhase)
	}
	if _, err := svc.ValidatePhase(lead, 1); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("validating twice: %v", err)
	}
	// The gate of phase 2 is open; phase 3's waits for phase 2.
	set(t, svc, responder, "lab", crisis.StateInService)
	if _, _, err := svc.SetRecoveryItem(responder, "servers", crisis.ItemChange{State: crisis.StateInService}); !errors.Is(err, crisis.ErrConflict) || !strings.Contains(crisis.Message(err), "phase 2") {
		t.Errorf("phase 3 before phase 2 is validated: %v", err)
	}

	// A domain controller found compromised again withdraws the validation,
	// and the logbook says so.
	_, e, err = svc.SetRecoveryItem(responder, "dc", crisis.ItemChange{State: crisis.StateCompromised, Count: intp(1)})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Text, "Phase 1 validation withdrawn") {
		t.Errorf("entry %q", e.Text)
	}
	if ph, _ = item(t, svc, "dc"); ph.State == crisis.PhaseValidated {
		t.Error("phase 1 still validated with a compromised domain controller")
	}
	if _, _, err := svc.SetRecoveryItem(responder, "pharmacy", crisis.ItemChange{State: crisis.StateInService}); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("phase 2 went in service after the withdrawal: %v", err)
	}
}

func TestEveryStateChangeIsLoggedAndAudited(t *testing.T) {
	svc, db := newService(t)
	audit := auditCount(t, db)
	st0, _ := svc.Status()
	e := set(t, svc, responder, "firewall", crisis.StateInvestigating)
	if e.ID != st0.Entries+1 || e.Author != "bob" || e.Text != "Recovery, phase 1: Firewall isolated -> investigating." {
		t.Errorf("entry %+v", e)
	}
	if n := auditCount(t, db); n != audit+2 {
		t.Errorf("%d audit records for one change, want 2 (item and entry)", n-audit)
	}
}

func TestPlanEditing(t *testing.T) {
	svc, db := newService(t)
	it, err := svc.AddRecoveryItem(lead, 3, "Print servers", 6, "bob")
	if err != nil {
		t.Fatal(err)
	}
	if it.ID != "print-servers" || it.Phase != 3 || it.Total != 6 || it.State != crisis.StateIsolated {
		t.Errorf("added %+v", it)
	}
	if _, err := svc.AddRecoveryItem(lead, 3, "print SERVERS", 0, ""); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("a second item with the same name: %v", err)
	}
	if _, err := svc.AddRecoveryItem(responder, 3, "Telephony", 0, ""); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("a responder editing the plan: %v", err)
	}
	if it, err = svc.MoveRecoveryItem(lead, "print-servers", 2); err != nil || it.Phase != 2 {
		t.Fatalf("move: %+v %v", it, err)
	}
	ph, _ := item(t, svc, "print-servers")
	if last := ph.Items[len(ph.Items)-1]; last.ID != "print-servers" {
		t.Errorf("a moved item goes at the end of its phase, not before %s", last.ID)
	}
	if it, err = svc.RenameRecoveryItem(lead, "print", "Print and scan servers"); err != nil || it.ID != "print-servers" {
		t.Fatalf("rename: %+v %v", it, err)
	}
	if _, err := svc.RemoveRecoveryItem(lead, "print-servers"); err != nil {
		t.Fatal(err)
	}

	// An item with a history stays: renamed, yes; moved or removed, no.
	set(t, svc, responder, "imaging", crisis.StateInvestigating)
	before, audit, entries := snapshot(t, svc, db)
	if _, err := svc.RemoveRecoveryItem(lead, "imaging"); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("remove with history: %v", err)
	}
	if _, err := svc.MoveRecoveryItem(lead, "imaging", 3); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("move with history: %v", err)
	}
	if _, _, err := svc.SetRecoveryItem(lead, "s", crisis.ItemChange{State: crisis.StateCleaned}); !errors.Is(err, crisis.ErrInvalid) {
		t.Errorf("an ambiguous name: %v", err)
	}
	after, audit2, entries2 := snapshot(t, svc, db)
	if !samePlan(before, after) || audit != audit2 || entries != entries2 {
		t.Error("a refused edit changed the record")
	}
	if _, err := svc.RenameRecoveryItem(lead, "imaging", "Imaging (PACS and RIS)"); err != nil {
		t.Error(err)
	}
}

func TestDemoRecoveryFollowsItsOwnRules(t *testing.T) {
	svc, _ := openDemoService(t)
	if err := svc.LoadDemo(crisis.LocalActor("test")); err != nil {
		t.Fatal(err)
	}
	p := plan(t, svc)
	if p.Phases[0].State != crisis.PhaseValidated {
		t.Errorf("phase 1 at the end of the Cahors crisis: %s", p.Phases[0].State)
	}
	for _, ph := range p.Phases {
		for _, it := range ph.Items {
			if it.State == crisis.StateInService && ph.Number > 1 && it.Override == nil && p.Phases[ph.Number-2].State != crisis.PhaseValidated {
				t.Errorf("%s is in service past the gate", it.ID)
			}
			if it.UpdatedAt.IsZero() {
				t.Errorf("%s has no state from the scenario", it.ID)
			}
		}
		if ph.Validated() {
			for _, it := range ph.Items {
				if !it.Done() {
					t.Errorf("phase %d validated with %s %s", ph.Number, it.ID, it.State)
				}
			}
		}
	}
	if p.Phases[3].Progress == 0 || p.Phases[1].State != crisis.PhaseInProgress {
		t.Errorf("phases: %+v", p.Summary())
	}
}

func TestRecoveryTextIsSanitised(t *testing.T) {
	svc, _ := newService(t)
	it, e, err := svc.SetRecoveryItem(responder, "firewall", crisis.ItemChange{Note: strp("ok\x1b]0;pwned\x07\x1b[2J\nnext"), Owner: strp("bob\x1b[31m")})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{it.Note, it.Owner, e.Text} {
		if strings.ContainsAny(s, "\x1b\x07\n") {
			t.Errorf("stored with control characters: %q", s)
		}
	}
	added, err := svc.AddRecoveryItem(lead, 3, "Tele\x1b[2Jphony", 0, "")
	if err != nil || added.Name != "Telephony" {
		t.Errorf("added %q, %v", added.Name, err)
	}
}
