package crisis_test

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/store"
)

// The JSON snapshot holds the clocks and the imported definitions; import
// brings them back as they were, and verify checks them against the
// audit trail.
func TestClocksInSnapshotImportAndVerify(t *testing.T) {
	now := time.Date(2026, 9, 15, 10, 0, 0, 0, time.UTC)
	svc, db := clockService(t, &now)
	if _, err := svc.ImportDeclarations(lead, []byte("- name: insurer\n  title: Tell the insurer\n  deadline: 2d\n")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.StartClock(responder, "cnil", "-80h"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.DoneClock(responder, "cnil", crisis.ClockDone{Ref: "CNIL-7", Reason: "extent known late"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.StartClock(responder, "insurer", ""); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.EnableClocks(lead, "nis2", true); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Verify(lead); err != nil {
		t.Fatal(err)
	}
	var snap bytes.Buffer
	if err := svc.Export(lead, func(p *crisis.Snapshot) error { return p.WriteJSON(&snap) }); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(snap.String(), `"clocks"`) || !strings.Contains(snap.String(), `"declarations"`) || !strings.Contains(snap.String(), "CNIL-7") {
		t.Fatalf("the snapshot lacks the clocks")
	}
	db2, err := store.Open(filepath.Join(t.TempDir(), "copy.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	svc2 := crisis.NewService(db2, crisis.WithClock(func() time.Time { return now }), crisis.WithLocation(svc.Location()))
	if _, err := svc2.Import(bytes.NewReader(snap.Bytes())); err != nil {
		t.Fatal(err)
	}
	want, _ := svc.Clocks()
	got, err := svc2.Clocks()
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("imported clocks differ:\n%+v\n%+v", got, want)
	}
	if _, err := svc2.Verify(lead); err != nil {
		t.Fatal(err)
	}
	// A clock changed behind the audit trail's back is found.
	err = db.Update(func(tx crisis.WriteTx) error {
		cs, _ := tx.Clocks()
		for _, c := range cs {
			if c.Name == "cnil" {
				c.Ref = "forged"
				return tx.PutClock(c)
			}
		}
		t.Fatal("no cnil clock")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Verify(lead); err == nil || !strings.Contains(err.Error(), "clock/cnil") {
		t.Errorf("verify of a forged clock: %v", err)
	}
}
