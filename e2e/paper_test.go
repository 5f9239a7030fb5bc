package e2e

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"cellule/cli"
)

// The paper kit over SSH: export --format print comes on standard output
// as the A4 page, for responders; --pdf is refused with another format;
// without Chromium on the server, --pdf says so and what to do instead.
func TestPaperKitOverSSH(t *testing.T) {
	l := newLabWith(t, cli.ServeOptions{Demo: true})
	page, errOut, code := run(t, l.responder, "", "export", "--format", "print")
	if code != 0 {
		t.Fatalf("export --format print: exit %d %q", code, errOut)
	}
	for _, want := range []string{"<!DOCTYPE html>", "size: A4", "counter(pages)", `content: "Crisis: CH Cahors`,
		`<section id="checklist">`, `<span class="tick"></span>`, "Camille Martin", "Phase 4: Workstations", `<section id="audit">`} {
		if !strings.Contains(page, want) {
			t.Errorf("the paper kit lacks %q", want)
		}
	}
	if _, errOut, code := run(t, l.viewer, "", "export", "--format", "print"); code != 1 || !strings.Contains(errOut, "viewer may not export") {
		t.Errorf("viewer export print: exit %d %q", code, errOut)
	}
	if _, errOut, code := run(t, l.lead, "", "export", "--format", "md", "--pdf"); code != 2 || !strings.Contains(errOut, "--pdf goes with --format print") {
		t.Errorf("export md --pdf: exit %d %q", code, errOut)
	}

	// The server finds no browser on its PATH.
	t.Setenv("PATH", t.TempDir())
	out, errOut, code := run(t, l.lead, "", "export", "--format", "print", "--pdf")
	if code == 0 || out != "" || !strings.Contains(errOut, "--pdf needs Chromium on this machine") || !strings.Contains(errOut, "apt-get install chromium") {
		t.Errorf("export --pdf without Chromium: exit %d, %d bytes out, %q", code, len(out), errOut)
	}
}

// With Chromium on the server, export --format print --pdf over SSH
// sends the PDF on standard output.
func TestPaperKitPDFOverSSH(t *testing.T) {
	found := false
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if _, err := exec.LookPath(name); err == nil {
			found = true
		}
	}
	if !found {
		if os.Getenv("CELLULE_REQUIRE_BROWSER") != "" {
			t.Fatal("no Chromium found, and CELLULE_REQUIRE_BROWSER is set: .ci/run installs it with apt-get install chromium")
		}
		t.Skip("no Chromium on this machine: the PDF over SSH is not tried (apt-get install chromium)")
	}
	l := newLabWith(t, cli.ServeOptions{Demo: true})
	pdf, errOut, code := run(t, l.responder, "", "export", "--format", "print", "--pdf")
	if code != 0 || !strings.HasPrefix(pdf, "%PDF-") || !strings.Contains(pdf, "%%EOF") {
		t.Fatalf("export --pdf: exit %d %q, %d bytes starting %q", code, errOut, len(pdf), pdf[:min(len(pdf), 16)])
	}
}
