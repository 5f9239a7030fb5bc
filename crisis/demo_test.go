package crisis_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/store"
)

var demoParis = time.FixedZone("CEST", 2*60*60)

func openDemoService(t *testing.T) (*crisis.Service, *store.DB) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return crisis.NewService(db), db
}

func demoEntries(t *testing.T, svc *crisis.Service) []crisis.Entry {
	t.Helper()
	var es []crisis.Entry
	if err := svc.EachEntry(func(e crisis.Entry) error {
		es = append(es, e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return es
}

func demoAuditCount(t *testing.T, db *store.DB) (n int, last crisis.AuditRecord) {
	t.Helper()
	err := db.View(func(tx crisis.ReadTx) error {
		return tx.ScanAudit(func(r crisis.AuditRecord) (bool, error) {
			n++
			last = r
			return true, nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return n, last
}

func demoDay(t time.Time) string { return t.In(demoParis).Format("2006-01-02") }

func TestLoadDemo(t *testing.T) {
	svc, db := openDemoService(t)
	if err := svc.LoadDemo(crisis.LocalActor("test")); err != nil {
		t.Fatalf("LoadDemo: %v", err)
	}

	st, err := svc.Status()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(st.Crisis.Name, "Cahors") || !strings.Contains(st.Crisis.Name, "CVE-2022-37042") {
		t.Errorf("crisis name = %q", st.Crisis.Name)
	}
	if st.Crisis.Stage != crisis.StageEnd {
		t.Errorf("stage = %s, want %s", st.Crisis.Stage, crisis.StageEnd)
	}
	if got := demoDay(st.Crisis.OpenedAt); got != "2022-08-23" {
		t.Errorf("opened on %s, want 2022-08-23", got)
	}
	if st.Crisis.EndedAt == nil || demoDay(*st.Crisis.EndedAt) != "2022-09-20" {
		t.Errorf("ended at %v, want 2022-09-20 (the sortie de crise)", st.Crisis.EndedAt)
	}

	es := demoEntries(t, svc)
	if len(es) < 20 || len(es) > 35 {
		t.Fatalf("%d entries, want 20-35", len(es))
	}
	if st.Entries != uint64(len(es)) {
		t.Errorf("status counts %d entries, the logbook holds %d", st.Entries, len(es))
	}

	byID := map[uint64]crisis.Entry{}
	backdated, corrections := 0, 0
	lastStage := ""
	for i, e := range es {
		byID[e.ID] = e
		if e.ID != uint64(i+1) {
			t.Errorf("entry %d has id %d", i+1, e.ID)
		}
		if i > 0 && e.OccurredAt.Before(es[i-1].OccurredAt) {
			t.Errorf("entry #%d (%s) happened before #%d (%s)", e.ID, e.OccurredAt, es[i-1].ID, es[i-1].OccurredAt)
		}
		if e.RecordedAt.Before(e.OccurredAt) {
			t.Errorf("entry #%d recorded before it happened", e.ID)
		}
		if e.OccurredAt.Location() != time.UTC {
			t.Errorf("entry #%d: time not in UTC: %s", e.ID, e.OccurredAt)
		}
		if e.Author == "" || e.AuthorKey != "demo" || e.Text == "" {
			t.Errorf("entry #%d: author %q key %q text %q", e.ID, e.Author, e.AuthorKey, e.Text)
		}
		if _, err := crisis.ParseKind(string(e.Kind)); err != nil {
			t.Errorf("entry #%d: %v", e.ID, err)
		}
		if len(e.Text) > crisis.MaxEntryBytes || crisis.Sanitize(e.Text) != e.Text {
			t.Errorf("entry #%d: text is too long or not clean", e.ID)
		}
		if e.Backdated() {
			backdated++
		}
		if e.Amends != 0 {
			corrections++
			orig, ok := byID[e.Amends]
			if !ok || e.Amends >= e.ID {
				t.Errorf("entry #%d amends #%d, which is not an earlier entry", e.ID, e.Amends)
			}
			if ok && !orig.Amended() {
				t.Errorf("entry #%d amended by #%d does not say so", orig.ID, e.ID)
			}
		}
		if rest, ok := strings.CutPrefix(e.Text, "Stage changed from "); ok {
			_, to, _ := strings.Cut(rest, " to ")
			to, _, _ = strings.Cut(to, ":")
			if _, err := crisis.ParseStage(to); err != nil {
				t.Errorf("entry #%d: %v", e.ID, err)
			}
			lastStage = to
		}
	}
	if backdated == 0 {
		t.Error("no backdated entry")
	}
	if corrections == 0 {
		t.Error("no correction")
	}
	if lastStage != string(st.Crisis.Stage) {
		t.Errorf("the last stage change goes to %q, the crisis is at %q", lastStage, st.Crisis.Stage)
	}

	first, last := es[0], es[len(es)-1]
	if demoDay(first.OccurredAt) != "2022-08-23" || !strings.Contains(first.Text, "Cyberveille") || !strings.Contains(first.Text, "CVE-2022-37042") {
		t.Errorf("first entry: %s %q", first.OccurredAt, first.Text)
	}
	if demoDay(last.OccurredAt) != "2022-09-20" || !strings.Contains(last.Text, "4G") {
		t.Errorf("last entry: %s %q", last.OccurredAt, last.Text)
	}
	if !first.OccurredAt.Equal(st.Crisis.OpenedAt) {
		t.Errorf("crisis opened at %s, first entry at %s", st.Crisis.OpenedAt, first.OccurredAt)
	}

	// One audit record for the crisis, then one per entry with its digest,
	// all chained; then the on-call records (contacts, checklist runs),
	// then the recovery plan's.
	var recs []crisis.AuditRecord
	_ = db.View(func(tx crisis.ReadTx) error {
		return tx.ScanAudit(func(r crisis.AuditRecord) (bool, error) { recs = append(recs, r); return true, nil })
	})
	for i, r := range recs {
		if strings.HasPrefix(r.Subject, "recovery/") {
			if err := r.Check(&recs[i-1]); err != nil {
				t.Error(err)
			}
			recs = recs[:i]
			break
		}
	}
	// Then one per demo task, then the on-call ones.
	tasks, _ := svc.Tasks()
	if len(tasks) == 0 || len(recs) < 1+len(es)+len(tasks) || recs[0].Action != "demo.load" || recs[0].Subject != "crisis" || recs[0].Actor != "host:test" {
		t.Fatalf("audit: %d records for %d entries, first %+v", len(recs), len(es), recs[0])
	}
	var prev *crisis.AuditRecord
	for i, r := range recs {
		if err := r.Check(prev); err != nil {
			t.Error(err)
		}
		prev = &recs[i]
		if i == 0 || i > len(es) {
			continue
		}
		e := es[i-1]
		e.AmendedBy = nil
		if r.Subject != fmt.Sprintf("entry/%d", e.ID) || r.Digest != crisis.DigestOf(e) {
			t.Errorf("audit record %d = %s %s; want entry/%d with its digest", r.Seq, r.Subject, r.Digest, e.ID)
		}
	}
}

func TestLoadDemoAfterOpen(t *testing.T) {
	svc, _ := openDemoService(t)
	lead := crisis.LocalActor("test")
	if _, err := svc.Open(lead, ""); err != nil {
		t.Fatal(err)
	}
	if err := svc.LoadDemo(lead); err != nil {
		t.Fatalf("LoadDemo on an opened but empty logbook: %v", err)
	}
	st, err := svc.Status()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(st.Crisis.Name, "Cahors") || st.Crisis.Stage != crisis.StageEnd {
		t.Errorf("crisis = %+v", st.Crisis)
	}
}

func TestLoadDemoRefusedWhenNotEmpty(t *testing.T) {
	lead := crisis.LocalActor("test")

	t.Run("second load", func(t *testing.T) {
		svc, db := openDemoService(t)
		if err := svc.LoadDemo(lead); err != nil {
			t.Fatal(err)
		}
		before := len(demoEntries(t, svc))
		audits, _ := demoAuditCount(t, db)
		err := svc.LoadDemo(lead)
		if !errors.Is(err, crisis.ErrConflict) {
			t.Fatalf("second LoadDemo: %v, want ErrConflict", err)
		}
		if after := len(demoEntries(t, svc)); after != before {
			t.Errorf("entries %d -> %d", before, after)
		}
		if n, _ := demoAuditCount(t, db); n != audits {
			t.Errorf("audit records %d -> %d", audits, n)
		}
	})

	t.Run("live logbook", func(t *testing.T) {
		svc, _ := openDemoService(t)
		if _, err := svc.Open(lead, "Real crisis"); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Log(lead, crisis.Draft{Text: "a real entry"}); err != nil {
			t.Fatal(err)
		}
		if err := svc.LoadDemo(lead); !errors.Is(err, crisis.ErrConflict) {
			t.Fatalf("LoadDemo: %v, want ErrConflict", err)
		}
		es := demoEntries(t, svc)
		if len(es) != 1 || es[0].Text != "a real entry" {
			t.Errorf("entries = %+v", es)
		}
		st, err := svc.Status()
		if err != nil {
			t.Fatal(err)
		}
		if st.Crisis.Name != "Real crisis" || st.Crisis.Stage != crisis.StageAlert {
			t.Errorf("crisis changed: %+v", st.Crisis)
		}
	})
}

func TestLoadDemoForbidden(t *testing.T) {
	for _, role := range []crisis.Role{crisis.RoleResponder, crisis.RoleViewer} {
		t.Run(string(role), func(t *testing.T) {
			svc, db := openDemoService(t)
			a := crisistest.Register(t, svc, "someone", role)
			before, _ := demoAuditCount(t, db)
			if err := svc.LoadDemo(a); !errors.Is(err, crisis.ErrForbidden) {
				t.Fatalf("LoadDemo as %s: %v, want ErrForbidden", role, err)
			}
			if es := demoEntries(t, svc); len(es) != 0 {
				t.Errorf("%d entries written", len(es))
			}
			if n, _ := demoAuditCount(t, db); n != before {
				t.Errorf("%d audit records written", n)
			}
		})
	}
}
