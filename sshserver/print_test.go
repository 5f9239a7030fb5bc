package sshserver

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Pressing the print key again and again keeps the newest kits only.
func TestPruneKitsKeepsTheNewest(t *testing.T) {
	dir := t.TempDir()
	for i := range 25 {
		name := filepath.Join(dir, fmt.Sprintf("paper-kit-20261204-0300%02d-x.html", i))
		if err := os.WriteFile(name, []byte("kit"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	pruneKits(dir, 20)
	left, _ := filepath.Glob(filepath.Join(dir, "paper-kit-*.html"))
	if len(left) != 20 {
		t.Fatalf("%d kits left, want 20", len(left))
	}
	if _, err := os.Stat(filepath.Join(dir, "paper-kit-20261204-030024-x.html")); err != nil {
		t.Errorf("the newest kit was removed: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "paper-kit-20261204-030000-x.html")); err == nil {
		t.Error("the oldest kit was kept")
	}
}
