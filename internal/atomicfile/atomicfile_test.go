package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func write(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// entries lists the directory, so a test sees any temporary file left.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range des {
		names = append(names, d.Name())
	}
	return names
}

func TestWriteReplacesThePrivateFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.md")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, write("new"), nil); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "new" {
		t.Fatalf("got %q, %v; want the new content", b, err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("directory holds %v, want only report.md", got)
	}
}

func TestFailedFillOrCheckLeavesTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "backup.db")
	if err := os.WriteFile(path, []byte("good"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	failing := func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	}
	if err := Write(path, failing, nil); !errors.Is(err, boom) {
		t.Fatalf("fill failure: got %v, want boom", err)
	}
	var checked string
	badCopy := func(name string) error {
		b, _ := os.ReadFile(name)
		checked = string(b)
		return boom
	}
	if err := Write(path, write("bad"), badCopy); !errors.Is(err, boom) {
		t.Fatalf("check failure: got %v, want boom", err)
	}
	if checked != "bad" {
		t.Errorf("check read %q, want the complete new content", checked)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "good" {
		t.Errorf("file now holds %q, want the old content kept", b)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("directory holds %v, want no temporary file left", got)
	}
}

func TestWriteInAMissingDirectorySaysWhere(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "x.json")
	err := Write(path, write("x"), nil)
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("got %v, want a not-exist error", err)
	}
}
