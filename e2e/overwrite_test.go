package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// countedWrites are the writes that add a record under a counted bucket's
// next id (store/raw.go's countedBuckets), as a lead sends them.
var countedWrites = []struct {
	bucket string
	args   []string
}{
	{"entries", []string{"log", "Written after the import"}},
	{"tasks", []string{"task", "add", "Task written after the import"}},
	{"takeaways", []string{"takeaway", "add", "Takeaway written after the import"}},
	{"checklist_runs", []string{"checklist", "start", "hno"}},
	{"handovers", []string{"handover", "Handover written after the import"}},
	{"assets", []string{"register", "add", "server", "srv-after-the-import"}},
}

// countedLab is a lab whose record holds two records in every counted
// bucket, and its JSON snapshot.
func countedLab(t *testing.T) (*lab, string) {
	t.Helper()
	l := newLab(t)
	for _, args := range [][]string{
		{"log", "Firewall reloaded"}, {"log", "Backups isolated"},
		{"task", "add", "Call the CERT"}, {"task", "add", "Rebuild the domain controllers"},
		{"takeaway", "add", "Keep paper forms ready"}, {"takeaway", "add", "Keep the backups offline"},
		{"checklist", "start", "hno"}, {"checklist", "start", "end-of-crisis"},
		{"handover", "Night shift: DCs isolated"}, {"handover", "Day shift: DCs rebuilt"},
		{"register", "add", "domain-admin", "adm-jdupont"}, {"register", "add", "server", "srv-dc1"},
	} {
		mustRun(t, l.lead, "", args...)
	}
	return l, mustRun(t, l.lead, "", "export", "--format", "json")
}

type snapshotFile struct {
	Buckets []struct {
		Name     string `json:"name"`
		Sequence uint64 `json:"sequence"`
		Records  []struct {
			Key   string          `json:"key"`
			Value json.RawMessage `json:"value"`
		} `json:"records"`
	} `json:"buckets"`
}

// records reads bucket's records from a snapshot: key -> value.
func records(t *testing.T, snap, bucket string) map[string]string {
	t.Helper()
	var s snapshotFile
	if err := json.Unmarshal([]byte(snap), &s); err != nil {
		t.Fatalf("not a snapshot: %v", err)
	}
	out := map[string]string{}
	for _, b := range s.Buckets {
		if b.Name == bucket {
			for _, r := range b.Records {
				out[r.Key] = string(r.Value)
			}
		}
	}
	return out
}

// intact fails the test unless every record of bucket in before is in
// after, unchanged.
func intact(t *testing.T, before, after, bucket string) {
	t.Helper()
	was, now := records(t, before, bucket), records(t, after, bucket)
	if len(was) == 0 {
		t.Fatalf("the original holds no %s", bucket)
	}
	for k, v := range was {
		if now[k] != v {
			t.Errorf("%s #%s was replaced after the import:\nwas %s\nnow %s", bucket, k, v, now[k])
		}
	}
}

// Item: a crafted snapshot (a counter at 2^64-1 or 2^63-1, or a bucket
// listed twice with its counter at 0) is refused at import with a
// sentence. Were it taken, the next write would replace an acknowledged
// record: that is checked too, by serving what was imported and writing.
func TestImportRefusesCountersThatOverwrite(t *testing.T) {
	l, snap := countedLab(t)
	home := t.TempDir()
	for _, w := range countedWrites {
		seqField := regexp.MustCompile(`\{"name":"` + w.bucket + `","sequence":\d+`)
		if !seqField.MatchString(snap) {
			t.Fatalf("the snapshot has no %s bucket", w.bucket)
		}
		crafted := []struct{ name, file, refusal string }{
			{"counter at 2^64-1", seqField.ReplaceAllString(snap, `{"name":"`+w.bucket+`","sequence":18446744073709551615`), "beyond the largest id"},
			{"counter at 2^63-1", seqField.ReplaceAllString(snap, `{"name":"`+w.bucket+`","sequence":9223372036854775807`), "beyond the largest id"},
			{"counter at 2^53+1", seqField.ReplaceAllString(snap, `{"name":"`+w.bucket+`","sequence":9007199254740993`), "beyond the largest id"},
			{"counter above the records", seqField.ReplaceAllString(snap, `{"name":"`+w.bucket+`","sequence":1000`), "is 1000 but its highest record is #"},
			{"listed twice", strings.TrimSuffix(snap, "\n]}\n") + ",\n{\"name\":\"" + w.bucket + "\",\"sequence\":0,\"keys\":\"id\",\"records\":[]}\n]}\n", "lists the records of " + w.bucket + " twice"},
		}
		for _, c := range crafted {
			t.Run(w.bucket+"/"+c.name, func(t *testing.T) {
				file := filepath.Join(t.TempDir(), "crafted.json")
				if err := os.WriteFile(file, []byte(c.file), 0o600); err != nil {
					t.Fatal(err)
				}
				dir := filepath.Join(t.TempDir(), "imported")
				out, errOut, code := host(t, dir, "import", file)
				if code == 1 && strings.Contains(errOut, c.refusal) && !strings.Contains(errOut, "goroutine") {
					if _, err := os.Stat(dir); !os.IsNotExist(err) {
						t.Errorf("the refused import left %s behind", dir)
					}
					return
				}
				t.Errorf("import: exit %d %q %q; want exit 1 saying %q", code, out, errOut, c.refusal)
				if code != 0 {
					return
				}
				// Taken: serve it, write, and look at what became of the
				// records written before.
				srv := startServer(t, dir, home, false)
				lead := connect(t, srv.addr, l.leadKey)
				for range 3 {
					wout, werr, wcode := run(t, lead, "", w.args...)
					t.Logf("a write after the import: exit %d %q %q", wcode, wout, werr)
				}
				after := mustRun(t, lead, "", "export", "--format", "json")
				intact(t, snap, after, w.bucket)
			})
		}
	}
}

// Item: whatever the file, a record is never added under an id that holds
// one. A database whose counters were set back (as someone with the file,
// or an import by an older Cellule, would leave it) refuses each counted
// write with a sentence, acknowledges nothing, and keeps every record.
func TestStoreRefusesToAddOverAnExistingRecord(t *testing.T) {
	l, _ := countedLab(t)
	l.srv.stop()
	for _, w := range countedWrites {
		t.Run(w.bucket, func(t *testing.T) {
			dir := t.TempDir()
			copyFile(t, filepath.Join(l.srv.dir, "cellule.db"), filepath.Join(dir, "cellule.db"))
			setCounter(t, filepath.Join(dir, "cellule.db"), w.bucket, 1)
			srv := startServer(t, dir, t.TempDir(), false)
			lead := connect(t, srv.addr, l.leadKey)
			before := mustRun(t, lead, "", "export", "--format", "json")
			out, errOut, code := run(t, lead, "", w.args...)
			if code != 1 || !strings.Contains(errOut, "NOT SAVED") || !strings.Contains(errOut, "counter of "+w.bucket+" is behind its records") || strings.Contains(errOut, "internal error") {
				t.Errorf("%v on a set-back counter: exit %d %q %q; want a refusal", w.args, code, out, errOut)
			}
			after := mustRun(t, lead, "", "export", "--format", "json")
			if after != before {
				t.Errorf("the refused write changed the record")
			}
			intact(t, before, after, w.bucket)
			// The rest of the record still takes writes, and reads.
			if w.bucket != "entries" {
				mustRun(t, lead, "", "log", "The logbook still takes entries")
			}
			mustRun(t, lead, "", "timeline")
		})
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// setCounter sets a bucket's counter in the file, as someone with the file
// would.
func setCounter(t *testing.T, path, bucket string, seq uint64) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return fmt.Errorf("no bucket %s", bucket)
		}
		return b.SetSequence(seq)
	})
	if err != nil {
		t.Fatal(err)
	}
}
