package app_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cellule/report"
)

// On the host, export --format print --pdf --out FILE writes the paper
// kit's PDF there (through headless Chromium), and --out FILE alone the
// page to print.
func TestPaperKitOnTheHost(t *testing.T) {
	dir := closedDemo(t)
	page := filepath.Join(t.TempDir(), "kit.html")
	if _, errOut, code := cellule(t, dir, "export", "--format", "print", "--out", page); code != 0 {
		t.Fatalf("export print: exit %d %s", code, errOut)
	}
	if b, _ := os.ReadFile(page); !strings.Contains(string(b), `<section id="checklist">`) {
		t.Fatalf("the page written is not the paper kit: %.200s", b)
	}
	if _, err := report.FindBrowser(); err != nil {
		if os.Getenv("CELLULE_REQUIRE_BROWSER") != "" {
			t.Fatal("no Chromium found, and CELLULE_REQUIRE_BROWSER is set: .ci/run installs it with apt-get install chromium")
		}
		t.Skip("no Chromium on this machine: export --pdf is not tried (apt-get install chromium)")
	}
	pdf := filepath.Join(t.TempDir(), "kit.pdf")
	if _, errOut, code := cellule(t, dir, "export", "--format", "print", "--pdf", "--out", pdf); code != 0 {
		t.Fatalf("export --pdf: exit %d %s", code, errOut)
	}
	if b, _ := os.ReadFile(pdf); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF: %.20q", pdf, b)
	}
}
