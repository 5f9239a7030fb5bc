package store_test

import (
	"testing"

	bolt "go.etcd.io/bbolt"

	"cellule/crisis"
	"cellule/store"
)

// A database written before the recovery tracker has a crisis and no plan:
// it shows the default template, and its next start (Open) stores it.
func TestDatabaseBeforeTheTrackerGetsTheTemplate(t *testing.T) {
	db, path := openTemp(t)
	svc := crisis.NewService(db)
	host := crisis.LocalActor("test")
	if _, err := svc.Open(host, "Old crisis"); err != nil {
		t.Fatal(err)
	}
	_ = db.Close()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		for _, name := range []string{"recovery_phases", "recovery_items"} {
			if err := tx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = b.Close()

	db, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc = crisis.NewService(db)
	p, err := svc.Recovery()
	if err != nil || len(p.Phases) != 4 || len(p.Phases[3].Items) != 1 {
		t.Fatalf("the plan of an old database: %+v %v", p, err)
	}
	var stored int
	count := func() {
		stored = 0
		_ = db.View(func(tx crisis.ReadTx) error {
			phases, err := tx.RecoveryPhases()
			stored = len(phases)
			return err
		})
	}
	if count(); stored != 0 {
		t.Fatalf("reading stored %d phases", stored)
	}
	if created, err := svc.Open(host, ""); err != nil || created {
		t.Fatalf("open: %v %v", created, err)
	}
	if count(); stored != 4 {
		t.Fatalf("the next start stored %d phases", stored)
	}
	// A plan whose items were all removed stays empty.
	for _, it := range p.Phases[2].Items {
		if _, err := svc.RemoveRecoveryItem(host, it.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.Open(host, ""); err != nil {
		t.Fatal(err)
	}
	if p, _ = svc.Recovery(); len(p.Phases[2].Items) != 0 {
		t.Error("the template came back over a lead's edits")
	}
}
