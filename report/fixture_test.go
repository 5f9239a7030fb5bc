package report_test

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/report"
	"cellule/store"
)

// The demo crisis as the goldens record it: the Cahors 2022 scenario,
// loaded on 20 Sep 2022 at 14:00 UTC by a fixed clock, shown in the
// scenario's own zone, with two takeaways and the closing.
var (
	demoNow  = time.Date(2022, 9, 20, 14, 0, 0, 0, time.UTC)
	demoZone = time.FixedZone("CEST", 2*60*60)
	host     = crisis.LocalActor("test")
)

// newService opens a real bbolt file in dir.
func newService(t *testing.T, dir string) *crisis.Service {
	t.Helper()
	return newServiceClock(t, dir, func() time.Time { return demoNow })
}

// newServiceClock is newService with the given clock.
func newServiceClock(t *testing.T, dir string, now func() time.Time) *crisis.Service {
	t.Helper()
	db, err := store.Open(filepath.Join(dir, "cellule.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	svc := crisis.NewService(db, crisis.WithClock(now), crisis.WithLocation(demoZone))
	dbs[svc] = db
	return svc
}

// dbs are the stores under the tests' services, for the tests that write
// behind the service's back.
var dbs = map[*crisis.Service]*store.DB{}

// rawPut stores value under an id key as it is, past every check.
func rawPut(t *testing.T, svc *crisis.Service, bucket, key string, value []byte) error {
	t.Helper()
	return dbs[svc].Update(func(tx crisis.WriteTx) error { return tx.RawPut(bucket, "id", key, false, value) })
}

// demo loads the scenario, registers a lead and a responder, and (when
// closed) writes takeaways and closes the crisis.
func demo(t *testing.T, closed bool) *crisis.Service {
	t.Helper()
	svc := newService(t, t.TempDir())
	if _, err := svc.Open(host, ""); err != nil {
		t.Fatal(err)
	}
	if err := svc.LoadDemo(host); err != nil {
		t.Fatal(err)
	}
	lead := crisistest.Register(t, svc, "alice", crisis.RoleLead)
	crisistest.Register(t, svc, "bob", crisis.RoleResponder)
	if !closed {
		return svc
	}
	for _, text := range []string{
		"Apply security patches to Internet-facing servers within days of a CERT alert, and check for an earlier compromise: a patch does not undo one.",
		"Mail and VPN must not authenticate against the AD domain that runs the hospital: one stolen password opened both.",
	} {
		if _, err := svc.AddTakeaway(lead, text); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.Close(lead, "Sortie de crise. Remediation plan handed over to the IT department; CNIL declared, complaint filed."); err != nil {
		t.Fatal(err)
	}
	return svc
}

// export renders svc's record in format f.
func export(t *testing.T, svc *crisis.Service, f report.Format) []byte {
	t.Helper()
	var b bytes.Buffer
	err := svc.Export(host, func(s *crisis.Snapshot) error { return report.Write(&b, s, f, report.Options{}) })
	if err != nil {
		t.Fatalf("export %s: %v", f, err)
	}
	return b.Bytes()
}
