package crisis_test

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/internal/hostile"
	"cellule/store"
)

// smallSnapshot is the JSON snapshot of a short crisis: a few entries, a
// correction, a task, a recovery change, a contact and a takeaway.
func smallSnapshot(f *testing.F) []byte {
	f.Helper()
	db, err := store.Open(filepath.Join(f.TempDir(), "orig.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	host := crisis.LocalActor("test")
	svc := crisis.NewService(db, crisis.WithClock(func() time.Time { return fixedNow }), crisis.WithLocation(time.UTC))
	steps := []error{}
	_, err = svc.Open(host, "Fuzz crisis")
	steps = append(steps, err)
	e, err := svc.Log(host, crisis.Draft{Text: "Firewall reloaded " + hostile.Corpus()[0].Text})
	steps = append(steps, err)
	_, err = svc.Correct(host, e.ID, crisis.Draft{Text: "Firewall reloaded at 03:40"})
	steps = append(steps, err)
	_, err = svc.AddTask(host, crisis.TaskDraft{Title: "Call the CERT"})
	steps = append(steps, err)
	_, _, err = svc.SetRecoveryItem(host, "firewall", crisis.ItemChange{State: crisis.StateInvestigating})
	steps = append(steps, err)
	_, err = svc.ImportContacts(host, []byte("name,role,organisation,phone,backup_phone,notes\nDr Martin,Pharmacist,Pharmacy,0102,,\n"), false)
	steps = append(steps, err)
	_, err = svc.AddTakeaway(host, "Keep paper forms ready")
	steps = append(steps, err)
	if err := errors.Join(steps...); err != nil {
		f.Fatal(err)
	}
	var b bytes.Buffer
	if err := svc.Export(host, func(s *crisis.Snapshot) error { return s.WriteJSON(&b) }); err != nil {
		f.Fatal(err)
	}
	return b.Bytes()
}

// FuzzImportSnapshot feeds `cellule import` (the JSON snapshot reader and
// its checks) against an empty database. It must never panic; a refusal
// is a sentence and leaves the database empty; what it takes is a record
// whose audit trail verifies.
func FuzzImportSnapshot(f *testing.F) {
	snap := smallSnapshot(f)
	f.Add(snap)
	f.Add([]byte(`{"format":"cellule-snapshot/1","schema":1,"audit_head":{"seq":0,"hash":""},"buckets":[]}`))
	f.Add([]byte(`{"format":"cellule-snapshot/1","schema":1,"buckets":[{"name":"meta","sequence":0,"keys":"text","records":[{"key":"x","hex":"zz"}]}]}`))
	f.Add([]byte(`{"format":"cellule-snapshot/1","schema":1,"buckets":[{"name":"nope","keys":"text","records":[]}]}`))
	f.Add([]byte(`{"format":"cellule-snapshot/1","schema":1,"buckets":[{"name":"audit","keys":"uint64","records":[{"key_hex":"0000000000000001","value":{"seq":1}}]}]}`))
	f.Add([]byte(`{"format":"\u001b]0;x\u0007","buckets":[]}`))
	f.Add([]byte("[\n]\n"))
	f.Add([]byte("hello"))
	f.Add(snap[:len(snap)/2])
	f.Add(bytes.Replace(snap, []byte(`"schema":1`), []byte(`"schema":7`), 1))
	f.Add(bytes.Replace(snap, []byte("Call the CERT"), []byte("Call the \\u001b[2JCERT"), 1))
	// Counters that would have the next write replace a record: at 2^64-1
	// (wraps to 0), at 2^63-1, a bucket listed again with its counter at 0.
	f.Add(bytes.Replace(snap, []byte(`{"name":"entries","sequence":2`), []byte(`{"name":"entries","sequence":18446744073709551615`), 1))
	f.Add(bytes.Replace(snap, []byte(`{"name":"takeaways","sequence":1`), []byte(`{"name":"takeaways","sequence":9223372036854775807`), 1))
	f.Add(append(bytes.TrimSuffix(bytes.Clone(snap), []byte("\n]}\n")), []byte(",\n{\"name\":\"entries\",\"sequence\":0,\"keys\":\"id\",\"records\":[]}\n]}\n")...))

	dir := f.TempDir()
	var (
		db    *store.DB
		svc   *crisis.Service
		fresh int
	)
	reopen := func(t testing.TB) {
		if db != nil {
			db.Close()
		}
		fresh++
		var err error
		if db, err = store.Open(filepath.Join(dir, fmt.Sprintf("target-%d.db", fresh))); err != nil {
			t.Fatal(err)
		}
		svc = crisis.NewService(db, crisis.WithClock(func() time.Time { return fixedNow }), crisis.WithLocation(time.UTC))
	}
	reopen(f)
	f.Cleanup(func() { db.Close() })
	host := crisis.LocalActor("test")
	// The fuzzer starts from a snapshot that is taken whole.
	if got, err := svc.Import(bytes.NewReader(snap)); err != nil || got.AuditRecords < 10 {
		f.Fatalf("the seed snapshot was not imported: %+v, %v", got, err)
	}
	reopen(f)

	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := svc.Import(bytes.NewReader(data))
		if err != nil {
			if errors.Is(err, crisis.ErrConflict) {
				t.Fatalf("the database was not empty: an earlier refused import wrote into it (%v)", err)
			}
			checkRefusal(t, "import", err)
			if !isEmpty(t, db) {
				t.Fatalf("a refused import (%v) left records behind", err)
			}
			return
		}
		// Taken: it must be a record that verifies, then a fresh database
		// for the next input, unless it wrote nothing (a snapshot of an
		// empty database, the mutator's favourite).
		wrote := !isEmpty(t, db)
		if wrote {
			defer reopen(t)
		}
		if _, err := svc.Verify(host); err != nil {
			t.Fatalf("an accepted import (%+v) does not verify: %v", got, err)
		}
		if !wrote {
			return
		}
		// The next entry gets a fresh id: none written before is replaced.
		var last uint64
		_ = db.View(func(tx crisis.ReadTx) (err error) { last, err = tx.LastEntryID(); return err })
		if e, err := svc.Log(host, crisis.Draft{Text: "after the import"}); err == nil && e.ID != last+1 {
			t.Fatalf("after an accepted import holding %d entries, the next was given #%d", last, e.ID)
		}
		if _, err := svc.Verify(host); err != nil {
			t.Fatalf("an accepted import (%+v) does not verify after a write: %v", got, err)
		}
		if got.AuditRecords > 0 && !strings.HasPrefix(strings.TrimSpace(string(data)), "{") {
			t.Fatalf("accepted a snapshot that is not a JSON object: %q", data)
		}
	})
}

func isEmpty(t *testing.T, db *store.DB) bool {
	t.Helper()
	empty := false
	if err := db.View(func(tx crisis.ReadTx) (err error) { empty, err = tx.Empty(); return err }); err != nil {
		t.Fatal(err)
	}
	return empty
}
