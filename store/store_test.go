package store_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"cellule/crisis"
	"cellule/store"
)

func openTemp(t *testing.T) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cellule.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db, path
}

func appendN(t *testing.T, db *store.DB, n int) {
	t.Helper()
	err := db.Update(func(tx crisis.WriteTx) error {
		for i := 0; i < n; i++ {
			if _, err := tx.AppendEntry(crisis.Entry{Kind: crisis.KindFact, Text: strings.Repeat("x", i+1), Author: "alice"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestEntriesRoundTripAndScanOrder(t *testing.T) {
	db, path := openTemp(t)
	appendN(t, db, 5)
	// A correction of entry 2 is indexed, and entry 2 itself is untouched.
	var corr crisis.Entry
	err := db.Update(func(tx crisis.WriteTx) error {
		var err error
		corr, err = tx.AppendEntry(crisis.Entry{Kind: crisis.KindFact, Text: "fix", Amends: 2})
		return err
	})
	if err != nil || corr.ID != 6 {
		t.Fatalf("correction: %+v %v", corr, err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	err = db.View(func(tx crisis.ReadTx) error {
		last, err := tx.LastEntryID()
		if err != nil || last != 6 {
			t.Errorf("last id = %d, %v; want 6", last, err)
		}
		e, ok, err := tx.Entry(2)
		if err != nil || !ok || e.Text != "xx" || len(e.AmendedBy) != 1 || e.AmendedBy[0] != 6 {
			t.Errorf("entry 2 = %+v ok=%v err=%v; want text xx amended by 6", e, ok, err)
		}
		var ids []uint64
		collect := func(e crisis.Entry) (bool, error) { ids = append(ids, e.ID); return len(ids) < 3, nil }
		if err := tx.ScanEntries(4, true, collect); err != nil {
			return err
		}
		if got := ids; len(got) != 3 || got[0] != 4 || got[2] != 2 {
			t.Errorf("reverse scan from 4 = %v; want [4 3 2]", got)
		}
		ids = nil
		if err := tx.ScanEntries(0, true, collect); err != nil {
			return err
		}
		if ids[0] != 6 {
			t.Errorf("reverse scan from the end starts at %d; want 6", ids[0])
		}
		ids = nil
		if err := tx.ScanEntries(5, false, collect); err != nil {
			return err
		}
		if len(ids) != 2 || ids[0] != 5 || ids[1] != 6 {
			t.Errorf("forward scan from 5 = %v; want [5 6]", ids)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestFailedUpdateLeavesNothing(t *testing.T) {
	db, _ := openTemp(t)
	boom := errors.New("boom")
	err := db.Update(func(tx crisis.WriteTx) error {
		if _, err := tx.AppendEntry(crisis.Entry{Text: "half"}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	_ = db.View(func(tx crisis.ReadTx) error {
		if last, _ := tx.LastEntryID(); last != 0 {
			t.Errorf("an entry of a failed transaction is visible (last id %d)", last)
		}
		return nil
	})
}

func TestUsersAndKeyIndex(t *testing.T) {
	db, _ := openTemp(t)
	k1 := crisis.Key{Fingerprint: "SHA256:one"}
	k2 := crisis.Key{Fingerprint: "SHA256:two"}
	err := db.Update(func(tx crisis.WriteTx) error {
		if err := tx.PutUser(crisis.User{Name: "bob", Role: crisis.RoleViewer, Keys: []crisis.Key{k1}}); err != nil {
			return err
		}
		// Replacing bob's key must drop the old fingerprint from the index.
		return tx.PutUser(crisis.User{Name: "bob", Role: crisis.RoleViewer, Keys: []crisis.Key{k2}})
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.View(func(tx crisis.ReadTx) error {
		if _, ok, _ := tx.UserByFingerprint("SHA256:one"); ok {
			t.Error("the replaced key still logs in as bob")
		}
		u, ok, err := tx.UserByFingerprint("SHA256:two")
		if err != nil || !ok || u.Name != "bob" {
			t.Errorf("lookup by new key = %+v %v %v", u, ok, err)
		}
		us, _ := tx.Users()
		if len(us) != 1 {
			t.Errorf("users = %+v", us)
		}
		return nil
	})
}

func TestAuditChain(t *testing.T) {
	db, _ := openTemp(t)
	for i := 0; i < 3; i++ {
		err := db.Update(func(tx crisis.WriteTx) error {
			_, err := tx.AppendAudit(crisis.AuditRecord{At: time.Unix(int64(i), 0), Actor: "alice", Action: "log"})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	var prev *crisis.AuditRecord
	n := 0
	err := db.View(func(tx crisis.ReadTx) error {
		return tx.ScanAudit(func(r crisis.AuditRecord) (bool, error) {
			if err := r.Check(prev); err != nil {
				t.Error(err)
			}
			n++
			prev = &r
			return true, nil
		})
	})
	if err != nil || n != 3 {
		t.Fatalf("scanned %d records, err %v", n, err)
	}
}

func TestSecondOpenFailsFast(t *testing.T) {
	_, path := openTemp(t)
	// The wait for the lock is bounded by the store's own timeout; that it
	// gives up at all, with ErrLocked, is what this test holds.
	_, err := store.Open(path)
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second open: %v; want ErrLocked", err)
	}
}

func TestRefusesForeignFilesUntouched(t *testing.T) {
	dir := t.TempDir()

	garbage := filepath.Join(dir, "notes.txt")
	content := bytes.Repeat([]byte("not a database\n"), 1000)
	if err := os.WriteFile(garbage, content, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Open(garbage); err == nil || !strings.Contains(err.Error(), "not a Cellule database") {
		t.Errorf("garbage file: %v", err)
	}
	if got, _ := os.ReadFile(garbage); !bytes.Equal(got, content) {
		t.Error("the garbage file was modified")
	}

	// A bbolt file of some other program.
	other := filepath.Join(dir, "other.db")
	b, err := bolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = b.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("things")); return err })
	_ = b.Close()
	before, _ := os.ReadFile(other)
	if _, err := store.Open(other); err == nil || !strings.Contains(err.Error(), "not a Cellule database") {
		t.Errorf("foreign bbolt file: %v", err)
	}
	if after, _ := os.ReadFile(other); !bytes.Equal(before, after) {
		t.Error("the foreign bbolt file was modified")
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	db, path := openTemp(t)
	_ = db.Close()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = b.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, 99})
	})
	_ = b.Close()
	before, _ := os.ReadFile(path)
	if _, err := store.Open(path); err == nil || !strings.Contains(err.Error(), "newer Cellule") {
		t.Fatalf("newer schema: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the newer database was modified")
	}
}

// A database written before a bucket existed opens, keeps its data, and
// gets the bucket: the users of an earlier version can upgrade in place.
func TestOpenAddsBucketsOfNewerFeatures(t *testing.T) {
	db, path := openTemp(t)
	appendN(t, db, 3)
	_ = db.Close()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte("audit")) }); err != nil {
		t.Fatal(err)
	}
	_ = b.Close()

	db, err = store.Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	err = db.Update(func(tx crisis.WriteTx) error {
		last, err := tx.LastEntryID()
		if err != nil || last != 3 {
			t.Errorf("entries after reopen: last id %d, %v", last, err)
		}
		_, err = tx.AppendAudit(crisis.AuditRecord{Action: "log", Subject: "entry/1"})
		return err
	})
	if err != nil {
		t.Fatalf("the missing bucket was not created: %v", err)
	}
}
