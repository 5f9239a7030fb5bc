package e2e

import (
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"cellule/cli"
)

type client = gossh.Client

// lab is a running server with a lead (enrolled at first start from the
// home directory's key), a responder "bob" and a viewer "vera" registered
// by the lead over SSH.
type lab struct {
	srv                              *server
	lead, responder, viewer          *client
	leadKey, responderKey, viewerKey gossh.Signer
	leadName                         string
}

func newLab(t *testing.T) *lab {
	t.Helper()
	return newLabWith(t, cli.ServeOptions{})
}

// newLabWith is newLab with serve's options (limits, name...).
func newLabWith(t *testing.T, o cli.ServeOptions) *lab {
	t.Helper()
	leadKey, leadPub := newKey(t)
	l := &lab{leadKey: leadKey}
	l.srv = startServerWith(t, t.TempDir(), homeWithKey(t, leadPub), o)
	l.lead = connect(t, l.srv.addr, leadKey)
	out, errOut, code := run(t, l.lead, "", "whoami")
	if code != 0 || !strings.HasSuffix(strings.TrimSpace(out), " lead") {
		t.Fatalf("the first start did not enrol the home key as lead: %q %q\n%s", out, errOut, l.srv.out)
	}
	l.leadName = strings.Fields(out)[0]
	var pub string
	l.responderKey, pub = newKey(t)
	l.addUser(t, "bob", "responder", pub)
	l.viewerKey, pub = newKey(t)
	l.addUser(t, "vera", "viewer", pub)
	l.responder = connect(t, l.srv.addr, l.responderKey)
	l.viewer = connect(t, l.srv.addr, l.viewerKey)
	return l
}

func (l *lab) addUser(t *testing.T, name, role, pub string) {
	t.Helper()
	if _, errOut, code := run(t, l.lead, pub+"\n", "user", "add", name, "--role", role); code != 0 {
		t.Fatalf("user add %s: exit %d: %s", name, code, errOut)
	}
}
