package e2e

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"cellule/app"
	"cellule/cli"
)

// The end of a crisis over SSH: takeaways, exports on standard output, the
// closing, and a record that refuses every write afterwards.
func TestEndOfCrisisOverSSH(t *testing.T) {
	l := newLab(t)
	if _, errOut, code := run(t, l.responder, "", "log", "Domain controllers rebuilt", "--kind", "action"); code != 0 {
		t.Fatalf("log: %s", errOut)
	}
	// Takeaways are the leads'.
	if _, errOut, code := run(t, l.responder, "", "takeaway", "add", "x"); code != 1 || !strings.Contains(errOut, "may not write the key takeaways") {
		t.Fatalf("responder takeaway: exit %d %q", code, errOut)
	}
	out, errOut, code := run(t, l.lead, "Keep the crisis cell off the hospital's AD\n", "takeaway", "add")
	if code != 0 || strings.TrimSpace(out) != "1" {
		t.Fatalf("takeaway add: exit %d %q %q", code, out, errOut)
	}
	if out, _, _ := run(t, l.viewer, "", "takeaway", "list"); !strings.Contains(out, "Keep the crisis cell off the hospital's AD") {
		t.Fatalf("takeaway list: %q", out)
	}

	// Exports come on standard output, for leads and responders.
	md, errOut, code := run(t, l.responder, "", "export", "--format", "md")
	if code != 0 || !strings.Contains(md, "## Key takeaways") || !strings.Contains(md, "Domain controllers rebuilt") {
		t.Fatalf("export md: exit %d %q\n%s", code, errOut, md)
	}
	if _, errOut, code := run(t, l.viewer, "", "export", "--format", "md"); code != 1 || !strings.Contains(errOut, "viewer may not export") {
		t.Fatalf("viewer export: exit %d %q", code, errOut)
	}
	if _, errOut, code := run(t, l.lead, "", "export", "--format", "md", "--out", "/tmp/x.md"); code != 2 || !strings.Contains(errOut, "standard output") {
		t.Fatalf("export --out over SSH: exit %d %q", code, errOut)
	}
	if _, errOut, code := run(t, l.lead, "", "export", "--format", "pdf"); code != 2 || !strings.Contains(errOut, `unknown format "pdf"`) {
		t.Fatalf("export --format pdf: exit %d %q", code, errOut)
	}

	// Closing: the lead's, with a note.
	if _, errOut, code := run(t, l.responder, "", "close", "--note", "done"); code != 1 || !strings.Contains(errOut, "may not close") {
		t.Fatalf("responder close: exit %d %q", code, errOut)
	}
	out, errOut, code = runRaw(t, l.lead, "", "close --note 'Sortie de crise'")
	if code != 0 {
		t.Fatalf("close: exit %d %q", code, errOut)
	}
	closing := strings.TrimSpace(out)
	verified, _, _ := run(t, l.lead, "", "verify")
	if !strings.Contains(verified, "ok:") {
		t.Fatalf("verify after closing: %q", verified)
	}

	// Read-only from now on, for everyone, saying why (taking powers away
	// excepted: closed_users_test.go).
	_, pub := newKey(t)
	for _, args := range [][]string{
		{"log", "one more thing"},
		{"stage", "containment"},
		{"takeaway", "add", "late"},
		{"user", "add", "mallory", "--role", "viewer", pub},
		{"close", "--note", "again"},
	} {
		who := l.lead
		if args[0] == "log" {
			who = l.responder
		}
		if _, errOut, code := run(t, who, "", args...); code != 1 || !strings.Contains(errOut, "the crisis was closed") || !strings.Contains(errOut, "read-only") {
			t.Errorf("%v after closing: exit %d %q", args, code, errOut)
		}
	}
	// Every export prints the head hash the closing recorded.
	csv, _, _ := run(t, l.lead, "", "export", "--format", "csv")
	html, _, _ := run(t, l.lead, "", "export", "--format", "html")
	md, _, _ = run(t, l.lead, "", "export", "--format", "md")
	json, _, _ := run(t, l.lead, "", "export", "--format", "json")
	i := strings.Index(md, "Audit chain head at closing: #")
	if i < 0 {
		t.Fatalf("the report has no closing entry:\n%s", md)
	}
	hash := strings.Fields(md[i:])[6]
	hash = strings.TrimPrefix(hash, "sha256:")
	for name, export := range map[string]string{"csv": csv, "html": html, "md": md, "json": json} {
		if !strings.Contains(export, hash) {
			t.Errorf("the %s export does not print the closing's head hash %s", name, hash)
		}
	}
	if !strings.Contains(csv, closing+",") {
		t.Errorf("the CSV has no row for the closing entry #%s", closing)
	}
}

// The Report tab of a real session shows the report and, once the crisis
// is closed over SSH, that it is read-only.
func TestReportTabOverSSH(t *testing.T) {
	l := newLab(t)
	c := openConsole(t, l.responder, 80, 24)
	c.waitText("1 Timeline")
	c.typeKeys("5")
	c.waitText("Lessons-learned report")
	if _, errOut, code := runRaw(t, l.lead, "", "close --note 'Sortie de crise'"); code != 0 {
		t.Fatalf("close: %s", errOut)
	}
	c.waitText("the record is read-only")
}

// A local export next to a running server names the SSH command that does
// the same, its output redirected where --out pointed.
func TestLocalExportNamesTheSSHCommand(t *testing.T) {
	_, leadPub := newKey(t)
	dir := t.TempDir()
	srv := startServer(t, dir, homeWithKey(t, leadPub), false)
	var out, errOut bytes.Buffer
	code := cli.Execute(context.Background(), app.LocalEnv(strings.NewReader(""), &out, &errOut),
		[]string{"--data", dir, "export", "--format", "html", "--out", "retex.html"})
	port := srv.addr[strings.LastIndexByte(srv.addr, ':')+1:]
	if want := "ssh -p " + port + " localhost export --format html > retex.html"; code != 1 || !strings.Contains(errOut.String(), want) {
		t.Fatalf("exit %d, %q; want it to name %q", code, errOut.String(), want)
	}
}
