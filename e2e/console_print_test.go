package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The Report tab's print key (for those who may export) saves the paper kit on the host and says
// where: the same page export --format print gives.
func TestReportTabSavesThePaperKitOnTheHost(t *testing.T) {
	l := newLab(t)
	con := openConsole(t, l.lead, 200, 30) // wide: the status line holds the temp dir's long path
	con.waitText("Timeline")
	con.typeKeys("5")
	con.waitText("Lessons-learned report")
	con.typeKeys("p")
	screen := con.waitText("Paper kit saved on the host: ")
	m := regexp.MustCompile(`Paper kit saved on the host: (\S+\.html)`).FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no path on the status line:\n%s", screen)
	}
	if filepath.Dir(m[1]) != filepath.Join(l.srv.dir, "print") {
		t.Errorf("saved in %s, want the data directory's print/", m[1])
	}
	page, err := os.ReadFile(m[1])
	if err != nil {
		t.Fatal(err)
	}
	// The printed time may differ by a minute from a later export: the
	// sections are compared.
	want, errOut, code := run(t, l.lead, "", "export", "--format", "print")
	if code != 0 {
		t.Fatalf("export --format print: exit %d %s", code, errOut)
	}
	sections := regexp.MustCompile(`<h2>[^<]*</h2>`)
	if got, exp := sections.FindAllString(string(page), -1), sections.FindAllString(want, -1); !strings.HasPrefix(string(page), "<!DOCTYPE html>") ||
		len(exp) == 0 || strings.Join(got, "") != strings.Join(exp, "") {
		t.Errorf("the saved kit's sections %v, export --format print's %v", got, exp)
	}
	if fi, err := os.Stat(m[1]); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the kit's mode: %v %v", fi.Mode(), err)
	}
}
