package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"cellule/app"
	"cellule/cli"
	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/store"
)

// cellule runs the host CLI as main.go does, on dir.
func cellule(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = cli.Execute(context.Background(), app.LocalEnv(strings.NewReader(""), &out, &errOut), append(args, "--data", dir))
	return out.String(), errOut.String(), code
}

// closedDemo makes a data directory holding the demo crisis, closed.
func closedDemo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db, err := store.Open(filepath.Join(dir, "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := crisis.NewService(db)
	host := crisis.LocalActor("test")
	if _, err := svc.Open(host, ""); err != nil {
		t.Fatal(err)
	}
	if err := svc.LoadDemo(host); err != nil {
		t.Fatal(err)
	}
	lead := crisistest.Register(t, svc, "alice", crisis.RoleLead)
	if _, err := svc.AddTakeaway(lead, "Keep the crisis cell's tools off the attacked network."); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Close(lead, "Sortie de crise."); err != nil {
		t.Fatal(err)
	}
	return dir
}

// alter changes a stored value in place, as someone with the file would.
func alter(t *testing.T, dir, bucket string, key []byte, from, to string) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, "cellule.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		v := b.Get(key)
		if !bytes.Contains(v, []byte(from)) {
			t.Fatalf("%s/%x does not hold %q: %s", bucket, key, from, v)
		}
		return b.Put(key, bytes.Replace(v, []byte(from), []byte(to), 1))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func id(n uint64) []byte {
	return []byte{byte(n >> 56), byte(n >> 48), byte(n >> 40), byte(n >> 32), byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}
}

// auditSeqOf finds the audit record of subject in the file.
func auditSeqOf(t *testing.T, dir, subject string) uint64 {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, "cellule.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var seq uint64
	_ = db.View(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("audit")).ForEach(func(_, v []byte) error {
			var r crisis.AuditRecord
			if json.Unmarshal(v, &r) == nil && r.Subject == subject && seq == 0 {
				seq = r.Seq
			}
			return nil
		})
	})
	if seq == 0 {
		t.Fatalf("no audit record of %s", subject)
	}
	return seq
}

func TestVerifyCatchesAlteredRecords(t *testing.T) {
	dir := closedDemo(t)
	out, errOut, code := cellule(t, dir, "verify")
	if code != 0 || !strings.Contains(out, "ok: ") || !strings.Contains(out, "stored records match") {
		t.Fatalf("verify of an intact record: exit %d\n%s%s", code, out, errOut)
	}

	// An entry rewritten in the file: its audit record's digest no longer
	// matches.
	alter(t, dir, "entries", id(22), "Physical backup server disconnected.", "Physical backup server left online.")
	_, errOut, code = cellule(t, dir, "verify")
	want := fmt.Sprintf("audit record #%d (entry/22): the stored record does not match its digest", auditSeqOf(t, dir, "entry/22"))
	if code != 1 || !strings.Contains(errOut, want) {
		t.Fatalf("verify of an altered entry: exit %d, %q; want %q", code, errOut, want)
	}

	// An audit record rewritten, earlier in the chain: it is the first bad one.
	seq := auditSeqOf(t, dir, "entry/4")
	alter(t, dir, "audit", id(seq), `"detail":"#4 (action)"`, `"detail":"#4 (fact)"`)
	_, errOut, code = cellule(t, dir, "verify")
	want = fmt.Sprintf("audit record #%d (entry/4): content does not match its hash", seq)
	if code != 1 || !strings.Contains(errOut, want) {
		t.Fatalf("verify of an altered audit record: exit %d, %q; want %q", code, errOut, want)
	}
}

func TestExportImportThroughTheCLI(t *testing.T) {
	dir := closedDemo(t)
	snap := filepath.Join(t.TempDir(), "cahors.json")
	if _, errOut, code := cellule(t, dir, "export", "--format", "json", "--out", snap); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	copyDir := filepath.Join(t.TempDir(), "copy")
	out, errOut, code := cellule(t, copyDir, "import", snap)
	if code != 0 || !strings.Contains(out, "imported") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	for _, f := range []string{"md", "json", "csv", "html"} {
		a, _, _ := cellule(t, dir, "export", "--format", f)
		b, _, _ := cellule(t, copyDir, "export", "--format", f)
		if a != b || a == "" {
			t.Errorf("the %s exports of the original and the import differ", f)
		}
	}
	// The closed import stays closed.
	if _, errOut, code := cellule(t, copyDir, "log", "one more"); code != 1 || !strings.Contains(errOut, "closed") {
		t.Fatalf("a write to the imported closed crisis: exit %d %q", code, errOut)
	}

	// Into a directory that already holds a crisis: refused, unchanged.
	before, _, _ := cellule(t, copyDir, "export", "--format", "json")
	if _, errOut, code := cellule(t, copyDir, "import", snap); code != 1 || !strings.Contains(errOut, "not empty") {
		t.Fatalf("import into a used directory: exit %d %q", code, errOut)
	}
	if after, _, _ := cellule(t, copyDir, "export", "--format", "json"); after != before {
		t.Fatal("the refused import changed the database")
	}

	// Not a snapshot: refused, and nothing is left behind.
	bad := filepath.Join(t.TempDir(), "timeline.json")
	os.WriteFile(bad, []byte("[]\n"), 0o600)
	fresh := filepath.Join(t.TempDir(), "fresh")
	if _, errOut, code := cellule(t, fresh, "import", bad); code != 1 || !strings.Contains(errOut, "not a Cellule snapshot") {
		t.Fatalf("import of a timeline: exit %d %q", code, errOut)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Fatalf("the refused import left %s behind", fresh)
	}
}
