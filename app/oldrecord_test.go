package app_test

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// A record written before the system's sentences were stored as codes
// reads exactly as that Cellule printed it: same sentences, same bytes.
func TestOldRecordReadsAsItDid(t *testing.T) {
	t.Setenv("TZ", "UTC")
	t.Setenv("CELLULE_LANG", "en")
	dir := t.TempDir()
	gz, err := os.Open("testdata/oldrecord/cellule.db.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer gz.Close()
	zr, err := gzip.NewReader(gz)
	if err != nil {
		t.Fatal(err)
	}
	db, err := os.Create(filepath.Join(dir, "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(db, zr); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for golden, args := range map[string][]string{
		"timeline.txt":  {"timeline"},
		"timeline.json": {"timeline", "--json"},
		"tasks.txt":     {"task", "list"},
	} {
		want, err := os.ReadFile(filepath.Join("testdata/oldrecord", golden))
		if err != nil {
			t.Fatal(err)
		}
		out, errOut, code := cellule(t, dir, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if out != string(want) {
			t.Errorf("%v prints otherwise than the Cellule that wrote the record:\n got: %s\nwant: %s", args, out, want)
		}
	}
}
