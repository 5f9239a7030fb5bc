package store_test

import (
	"errors"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"cellule/crisis"
	"cellule/store"
)

// The audit trail is appended under the head's number plus one: a file
// whose last audit key does not hold that number (altered, or imported by
// an older Cellule) must not have the new record replace an older one.
func TestAppendAuditRefusesAHeadUnderAnotherNumber(t *testing.T) {
	db, path := openTemp(t)
	for range 3 {
		if err := db.Update(func(tx crisis.WriteTx) error {
			_, err := tx.AppendAudit(crisis.AuditRecord{Action: "test", Subject: "entry/1"})
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	// Record #3 moved under key 2, over #2: the head is #3 under key 2.
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		a := tx.Bucket([]byte("audit"))
		v := append([]byte(nil), a.Get(key(3))...)
		if err := a.Delete(key(3)); err != nil {
			return err
		}
		if err := a.Put(key(2), v); err != nil {
			return err
		}
		return nil
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err = store.Open(filepath.Clean(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx crisis.WriteTx) error {
		_, err := tx.AppendAudit(crisis.AuditRecord{Action: "test", Subject: "entry/2"})
		return err
	})
	var taken *crisis.IDTakenError
	if !errors.As(err, &taken) || taken.Bucket != "audit" {
		t.Fatalf("appending after a head under another number: %v", err)
	}
}

func key(n uint64) []byte {
	return []byte{0, 0, 0, 0, 0, 0, byte(n >> 8), byte(n)}
}
