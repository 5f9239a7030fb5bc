package e2e

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"cellule/app"
	"cellule/cli"
)

// A closed crisis is still readable, so taking powers away stays possible
// over SSH: a revocation and a lowered role take effect and are audited
// after the closing's head; adding a user or raising a role is refused.
func TestClosedCrisisStillRevokesOverSSH(t *testing.T) {
	l := newLab(t)
	if _, errOut, code := runRaw(t, l.lead, "", "close --note 'Sortie de crise'"); code != 0 {
		t.Fatalf("close: %s", errOut)
	}
	before, _, _ := run(t, l.lead, "", "verify")

	if out, errOut, code := run(t, l.lead, "", "user", "revoke", "vera"); code != 0 || !strings.Contains(out, "revoked vera") {
		t.Fatalf("revoke on a closed crisis: exit %d %q %q", code, out, errOut)
	}
	if c, err := dial(l.srv.addr, gossh.PublicKeys(l.viewerKey)); err == nil {
		c.Close()
		t.Fatal("the key revoked after closing still logs in")
	}
	// Lowering a role: the responder can no longer export the record.
	if out, errOut, code := run(t, l.lead, "", "user", "role", "bob", "viewer"); code != 0 || !strings.Contains(out, "bob is now viewer") {
		t.Fatalf("lowering a role on a closed crisis: exit %d %q %q", code, out, errOut)
	}
	if _, errOut, code := run(t, connect(t, l.srv.addr, l.responderKey), "", "export", "--format", "json"); code != 1 || !strings.Contains(errOut, "viewer may not export") {
		t.Fatalf("export by the lowered responder: exit %d %q", code, errOut)
	}
	// Adding powers to the evidence is refused, saying why.
	_, pub := newKey(t)
	for _, args := range [][]string{{"user", "role", "bob", "lead"}, {"user", "add", "mallory", "--role", "viewer", pub}} {
		if _, errOut, code := run(t, l.lead, "", args...); code != 1 || !strings.Contains(errOut, "read-only") {
			t.Errorf("%v on a closed crisis: exit %d %q", args[:3], code, errOut)
		}
	}
	// Both changes are in the audit chain, after the closing, and it holds.
	after, errOut, code := run(t, l.lead, "", "verify")
	if code != 0 || !strings.Contains(after, "ok:") || after == before {
		t.Fatalf("verify after the changes: exit %d %q %q (before: %q)", code, after, errOut, before)
	}
	json, _, _ := run(t, l.lead, "", "export", "--format", "json")
	for _, want := range []string{"revoked vera", "changed bob's role from responder to viewer"} {
		if !strings.Contains(json, want) {
			t.Errorf("the export's audit records lack %q", want)
		}
	}
}

// On the host, with the server stopped, the operator revokes a user of a
// closed crisis the same way; the chain still verifies and the key no
// longer logs in once the server is back.
func TestClosedCrisisStillRevokesOnTheHost(t *testing.T) {
	l := newLab(t)
	if _, errOut, code := runRaw(t, l.lead, "", "close --note 'Sortie de crise'"); code != 0 {
		t.Fatalf("close: %s", errOut)
	}
	l.srv.stop()
	local := func(args ...string) (string, string, int) {
		var out, errOut bytes.Buffer
		code := cli.Execute(context.Background(), app.LocalEnv(strings.NewReader(""), &out, &errOut),
			append([]string{"--data", l.srv.dir}, args...))
		return out.String(), errOut.String(), code
	}
	if out, errOut, code := local("user", "revoke", "bob"); code != 0 || !strings.Contains(out, "revoked bob") {
		t.Fatalf("host revoke on a closed crisis: exit %d %q %q", code, out, errOut)
	}
	if out, errOut, code := local("verify"); code != 0 || !strings.Contains(out, "ok:") {
		t.Fatalf("verify: exit %d %q %q", code, out, errOut)
	}
	keyFile := filepath.Join(t.TempDir(), "mallory.pub")
	_, pub := newKey(t)
	if err := os.WriteFile(keyFile, []byte(pub+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := local("user", "add", "mallory", "--role", "viewer", "--key-file", keyFile); code != 1 || !strings.Contains(errOut, "read-only") {
		t.Errorf("host user add on a closed crisis: exit %d %q", code, errOut)
	}
	srv := startServer(t, l.srv.dir, t.TempDir(), false)
	if c, err := dial(srv.addr, gossh.PublicKeys(l.responderKey)); err == nil {
		c.Close()
		t.Fatal("the key revoked on the host after closing still logs in")
	}
	lead := connect(t, srv.addr, l.leadKey)
	if out, _, _ := run(t, lead, "", "user", "list"); !strings.Contains(out, "revoked") {
		t.Fatalf("user list does not show bob revoked:\n%s", out)
	}
}
