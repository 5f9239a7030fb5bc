package crisis_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"unicode/utf8"

	"cellule/crisis"
	"cellule/internal/hostile"
)

func addAsset(t *testing.T, svc *crisis.Service, a crisis.Actor, d crisis.AssetDraft) crisis.Asset {
	t.Helper()
	as, err := svc.AddAsset(a, d)
	if err != nil {
		t.Fatalf("add asset %q: %v", d.Identifier, err)
	}
	return as
}

func TestAddAssetIsLoggedLinkedAndAudited(t *testing.T) {
	svc, db := newService(t)
	before := auditCount(t, db)
	as := addAsset(t, svc, responder, crisis.AssetDraft{Kind: "domain-admin", Identifier: " adm-jdupont ", State: "compromised",
		Owner: "IT team", Evidence: "4624 logons from 10.2.3.4", Item: "dc"})
	if as.ID != 1 || as.Identifier != "adm-jdupont" || as.State != crisis.AssetCompromised || as.Item != "dc" ||
		as.FoundAt == nil || !as.FoundAt.Equal(fixedNow) || len(as.History) != 1 || as.History[0].By != "bob" {
		t.Fatalf("asset = %+v", as)
	}
	e := lastEntry(t, svc)
	if e.Asset != 1 || e.Kind != crisis.KindFact || as.FoundEntry != e.ID || as.History[0].Entry != e.ID ||
		!strings.Contains(e.Text, "adm-jdupont") || !strings.Contains(e.Text, "4624 logons") {
		t.Errorf("entry = %+v (asset %+v)", e, as)
	}
	if n := auditCount(t, db); n != before+2 {
		t.Errorf("audit records %d -> %d, want the asset's and the entry's", before, n)
	}
	st, _ := svc.Status()
	if st.Register.Compromised != 1 || st.Register.Suspected != 0 {
		t.Errorf("status register = %+v", st.Register)
	}
	// An asset links the tasks about it.
	task := addTask(t, svc, lead, crisis.TaskDraft{Title: "Disable the admin account"})
	linked := addAsset(t, svc, lead, crisis.AssetDraft{Kind: "service", Identifier: "svc-backup", Tasks: []uint64{task.ID}})
	if got, err := svc.Asset("svc-backup"); err != nil || len(got.Tasks) != 1 || got.Tasks[0] != task.ID || got.ID != linked.ID {
		t.Errorf("linked tasks: %v %+v", err, got)
	}
	// The same identifier of the same kind, in another case, is refused.
	if _, err := svc.AddAsset(lead, crisis.AssetDraft{Kind: "admin", Identifier: "ADM-JDUPONT"}); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("duplicate: %v", err)
	}
	// A viewer reads but never writes.
	if _, err := svc.AddAsset(viewer, crisis.AssetDraft{Kind: "user", Identifier: "x"}); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("viewer add: %v", err)
	}
	if _, err := svc.SetAssetState(viewer, "1", crisis.AssetStep{State: "contained"}); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("viewer set: %v", err)
	}
	for _, bad := range []crisis.AssetDraft{
		{Kind: "toaster", Identifier: "x"},
		{Kind: "user", Identifier: "  "},
		{Kind: "user", Identifier: strings.Repeat("a", crisis.MaxAssetIdentifier+1)},
		{Kind: "user", Identifier: "x", Note: strings.Repeat("n", crisis.MaxAssetNote+1)},
		{Kind: "user", Identifier: "x", State: "blocked"},
		{Kind: "ip", Identifier: "not-an-ip"},
		{Kind: "cve", Identifier: "CVE-12"},
		{Kind: "hash", Identifier: "abc"},
		{Kind: "user", Identifier: "x", Item: "no-such-item"},
		{Kind: "user", Identifier: "x", Tasks: []uint64{99}},
	} {
		if _, err := svc.AddAsset(lead, bad); err == nil {
			t.Errorf("add %+v accepted", bad)
		}
	}
	if as, _ := svc.Assets(); len(as) != 2 {
		t.Errorf("refused adds stored %d assets", len(as)-1)
	}
}

// TestAssetStateChanges walks every pair of states of each class: the
// allowed ones change the asset and log it, the others change nothing.
func TestAssetStateChanges(t *testing.T) {
	allowed := map[crisis.AssetClass]map[string]bool{
		crisis.ClassMachine: {
			"suspected>compromised": true, "suspected>cleared": true,
			"compromised>contained": true, "compromised>remediated": true,
			"contained>compromised": true, "contained>remediated": true,
			"remediated>compromised": true, "remediated>cleared": true,
			"cleared>suspected": true, "cleared>compromised": true,
		},
		crisis.ClassIndicator: {
			"suspected>confirmed": true, "suspected>cleared": true,
			"confirmed>blocked": true, "confirmed>cleared": true,
			"blocked>confirmed": true, "blocked>cleared": true,
			"cleared>suspected": true, "cleared>confirmed": true,
		},
	}
	kinds := map[crisis.AssetClass]string{crisis.ClassMachine: "server", crisis.ClassIndicator: "domain"}
	for class, moves := range allowed {
		svc, _ := newService(t)
		n := 0
		for _, from := range crisis.AssetStatesOf(class) {
			for _, to := range crisis.AssetStatesOf(class) {
				n++
				id := fmt.Sprintf("h%d.example", n)
				as := addAsset(t, svc, lead, crisis.AssetDraft{Kind: kinds[class], Identifier: id, State: string(from)})
				entries := lastEntry(t, svc).ID
				got, err := svc.SetAssetState(responder, id, crisis.AssetStep{State: string(to), Note: "done", Evidence: "seen"})
				key := string(from) + ">" + string(to)
				if moves[key] {
					if err != nil || got.State != to || len(got.History) != 2 || got.History[1].From != from ||
						got.History[1].Evidence != "seen" || got.History[1].By != "bob" {
						t.Errorf("%s %s: %v %+v", class, key, err, got)
					}
					if e := lastEntry(t, svc); e.ID != entries+1 || e.Asset != as.ID || !strings.Contains(e.Text, "Evidence: seen") {
						t.Errorf("%s %s: entry %+v", class, key, e)
					}
					continue
				}
				if err == nil {
					t.Errorf("%s %s allowed", class, key)
				}
				if e := lastEntry(t, svc); e.ID != entries {
					t.Errorf("%s %s refused but logged %+v", class, key, e)
				}
				if again, _ := svc.Asset(id); again.State != from || len(again.History) != 1 {
					t.Errorf("%s %s refused but changed %+v", class, key, again)
				}
			}
		}
	}
}

func TestClearingASuspicionNeedsItsReason(t *testing.T) {
	svc, _ := newService(t)
	addAsset(t, svc, lead, crisis.AssetDraft{Kind: "workstation", Identifier: "PC-URG-04"})
	if _, err := svc.SetAssetState(lead, "pc-urg-04", crisis.AssetStep{State: "cleared"}); !errors.Is(err, crisis.ErrInvalid) {
		t.Fatalf("clear without reason: %v", err)
	}
	as, err := svc.SetAssetState(lead, "pc-urg-04", crisis.AssetStep{State: "cleared", Note: "EDR scan clean, alert was the backup agent"})
	if err != nil || as.State != crisis.AssetCleared || as.FoundAt != nil {
		t.Fatalf("clear: %v %+v", err, as)
	}
}

func TestClosedCrisisRefusesRegisterWrites(t *testing.T) {
	svc, _ := newService(t)
	addAsset(t, svc, lead, crisis.AssetDraft{Kind: "server", Identifier: "srv-backup"})
	if _, err := svc.Close(lead, "Closed for the report."); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddAsset(lead, crisis.AssetDraft{Kind: "server", Identifier: "srv-2"}); err == nil {
		t.Error("add after close accepted")
	}
	if _, err := svc.SetAssetState(lead, "srv-backup", crisis.AssetStep{State: "compromised"}); err == nil {
		t.Error("set after close accepted")
	}
	if _, err := svc.ImportAssets(lead, []byte("identifier,kind\nsrv-3,server\n"), false); err == nil {
		t.Error("import after close accepted")
	}
}

// TestRegisterGatesRecoveryValidation: a phase whose item has a linked
// asset compromised or contained cannot be validated, until it is
// remediated or a lead lifts the gate (a decision in the logbook).
func TestRegisterGatesRecoveryValidation(t *testing.T) {
	svc, _ := newService(t)
	plan, err := svc.Recovery()
	if err != nil {
		t.Fatal(err)
	}
	item := plan.Phases[0].Items[0]
	as := addAsset(t, svc, lead, crisis.AssetDraft{Kind: "server", Identifier: "srv-dc1", State: "compromised", Item: item.ID})
	addAsset(t, svc, lead, crisis.AssetDraft{Kind: "user", Identifier: "only-suspected", Item: item.ID})
	if plan, _ = svc.Recovery(); plan.Phases[0].Items[0].Compromised != 1 {
		t.Errorf("item %s counts %d compromised, want 1", item.ID, plan.Phases[0].Items[0].Compromised)
	}
	for _, it := range plan.Phases[0].Items {
		if _, _, err := svc.SetRecoveryItem(lead, it.ID, crisis.ItemChange{State: crisis.StateVerified}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.ValidatePhase(lead, 1); !errors.Is(err, crisis.ErrConflict) || !strings.Contains(crisis.Message(err), "srv-dc1") {
		t.Fatalf("validate with a compromised asset: %v", err)
	}
	if _, err := svc.SetAssetState(lead, "srv-dc1", crisis.AssetStep{State: "contained", Note: "isolated"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ValidatePhase(lead, 1); !errors.Is(err, crisis.ErrConflict) {
		t.Fatalf("validate with a contained asset: %v", err)
	}
	// Only a lead lifts the gate, with a reason.
	if _, err := svc.LiftRegisterGate(responder, 1, "urgent"); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("responder lift: %v", err)
	}
	if _, err := svc.LiftRegisterGate(lead, 1, " "); !errors.Is(err, crisis.ErrInvalid) {
		t.Errorf("lift without reason: %v", err)
	}
	e, err := svc.LiftRegisterGate(lead, 1, "the DC is isolated, the ER needs the network")
	if err != nil || e.Kind != crisis.KindDecision || !strings.Contains(e.Text, "the ER needs the network") {
		t.Fatalf("lift: %v %+v", err, e)
	}
	if _, err := svc.LiftRegisterGate(lead, 1, "again"); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("lift twice: %v", err)
	}
	if _, err := svc.ValidatePhase(lead, 1); err != nil {
		t.Fatalf("validate after the lift: %v", err)
	}
	_ = as
}

func TestRegisterGateOpensOnceRemediated(t *testing.T) {
	svc, _ := newService(t)
	plan, _ := svc.Recovery()
	item := plan.Phases[0].Items[0]
	addAsset(t, svc, lead, crisis.AssetDraft{Kind: "server", Identifier: "srv-dc1", State: "compromised", Item: item.ID})
	for _, it := range plan.Phases[0].Items {
		if _, _, err := svc.SetRecoveryItem(lead, it.ID, crisis.ItemChange{State: crisis.StateVerified}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.SetAssetState(lead, "srv-dc1", crisis.AssetStep{State: "remediated", Note: "rebuilt from the golden image"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.LiftRegisterGate(lead, 1, "no need"); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("lift of an open gate: %v", err)
	}
	if _, err := svc.ValidatePhase(lead, 1); err != nil {
		t.Fatalf("validate once remediated: %v", err)
	}
}

func assetsCSV(n int, bad map[int]string) []byte {
	var b strings.Builder
	b.WriteString("identifier,kind,state,owner,note\n")
	for i := 2; i <= n+1; i++ {
		if row, ok := bad[i]; ok {
			b.WriteString(row + "\n")
			continue
		}
		fmt.Fprintf(&b, "user%04d,user,suspected,Service %d,from the AD export\n", i, i%7)
	}
	return []byte(b.String())
}

func TestImportAssetsRefusesBadRowsByLine(t *testing.T) {
	for _, n := range []int{50, 2000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			svc, _ := newService(t)
			entries := entryCount(t, svc)
			bad := map[int]string{3: "x,toaster,,,", 17: "user0002,user,,,", 40: "y,user,blocked,,", 50: "z,user,,,,one column too many"}
			data := assetsCSV(n, bad)
			res, err := svc.ImportAssets(responder, data, false)
			if !errors.Is(err, crisis.ErrInvalid) || res.Added != 0 {
				t.Fatalf("import with bad rows: %v %+v", err, res)
			}
			var lines []int
			for _, r := range res.Rejected {
				lines = append(lines, r.Line)
			}
			if fmt.Sprint(lines) != "[3 17 40 50]" {
				t.Errorf("rejected lines %v (%v)", lines, res.Rejected)
			}
			if as, _ := svc.Assets(); len(as) != 0 || entryCount(t, svc) != entries {
				t.Fatalf("refused import stored %d assets", len(as))
			}
			res, err = svc.ImportAssets(responder, data, true)
			want := n - 4
			if err != nil || res.Added != want || len(res.Rejected) != 4 {
				t.Fatalf("--skip-bad: %v added %d rejected %d, want %d", err, res.Added, len(res.Rejected), want)
			}
			as, _ := svc.Assets()
			if len(as) != want {
				t.Errorf("stored %d, want %d", len(as), want)
			}
			st, _ := svc.Status()
			if st.Register.Suspected != want {
				t.Errorf("header count %+v", st.Register)
			}
			// Importing the same file again: every row is already there.
			if res, err := svc.ImportAssets(responder, assetsCSV(n, nil), false); err == nil || res.Added != 0 {
				t.Errorf("second import: %v %+v", err, res)
			}
		})
	}
}

func TestRegisterFieldsAreSanitised(t *testing.T) {
	svc, _ := newService(t)
	for i, c := range hostile.Corpus() {
		id := fmt.Sprintf("acct%d-%s", i, c.Text)
		as, err := svc.AddAsset(lead, crisis.AssetDraft{Kind: "user", Identifier: id, Owner: c.Text, Note: c.Text, Evidence: c.Text})
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		as, err = svc.SetAssetState(responder, fmt.Sprint(as.ID), crisis.AssetStep{State: "compromised", Note: c.Text, Evidence: c.Text})
		if err != nil {
			t.Fatalf("%s: set: %v", c.Name, err)
		}
		for _, s := range []string{as.Identifier, as.Owner, as.Notes, as.History[0].Evidence, as.History[1].Note, as.History[1].Evidence, lastEntry(t, svc).Text} {
			if err := hostile.Check(s); err != nil || !hostile.Survived(s) {
				t.Errorf("%s: %q: %v", c.Name, s, err)
			}
		}
	}
	// The lead's reason for lifting the register's gate, for each phase.
	plan, _ := svc.Recovery()
	for n, ph := range plan.Phases {
		addAsset(t, svc, lead, crisis.AssetDraft{Kind: "server", Identifier: fmt.Sprintf("gate-%d", n), State: "compromised", Item: ph.Items[0].ID})
		c := hostile.Corpus()[n]
		e, err := svc.LiftRegisterGate(lead, ph.Number, c.Text)
		if err != nil {
			t.Fatalf("lift %d: %v", ph.Number, err)
		}
		if err := hostile.Check(e.Text); err != nil || !hostile.Survived(e.Text) {
			t.Errorf("%s: lift reason %q: %v", c.Name, e.Text, err)
		}
	}
	rows := "identifier,kind,owner,note\n"
	for i, c := range hostile.Corpus() {
		if !utf8.ValidString(c.Text) {
			continue // refused by line, as any file not in UTF-8
		}
		rows += fmt.Sprintf("\"csv%d-%s\",server,\"%s\",\"%s\"\n", i, strings.ReplaceAll(c.Text, "\"", "\"\""), strings.ReplaceAll(c.Text, "\"", "\"\""), strings.ReplaceAll(c.Text, "\"", "\"\""))
	}
	res, err := svc.ImportAssets(lead, []byte(rows), false)
	if err != nil {
		t.Fatalf("hostile import: %v %v", err, res.Rejected)
	}
	as, _ := svc.Assets()
	for _, a := range as {
		for _, s := range []string{a.Identifier, a.Owner, a.Notes} {
			if err := hostile.Check(s); err != nil {
				t.Errorf("imported %q: %v", s, err)
			}
		}
	}
}
