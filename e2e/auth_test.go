package e2e

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

func TestOnlyRegisteredPublicKeysGetIn(t *testing.T) {
	l := newLab(t)
	stranger, _ := newKey(t)
	attempts := map[string][]gossh.AuthMethod{
		"password":             {gossh.Password("hunter2")},
		"keyboard-interactive": {gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return []string{"hunter2"}, nil })},
		"no auth at all":       nil,
		"an unknown key":       {gossh.PublicKeys(stranger)},
	}
	for name, auth := range attempts {
		c, err := dial(l.srv.addr, auth...)
		if err == nil {
			c.Close()
			t.Errorf("%s: logged in", name)
			continue
		}
		if !strings.Contains(err.Error(), "unable to authenticate") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestRevokedUserIsRefused(t *testing.T) {
	l := newLab(t)
	if _, errOut, code := run(t, l.lead, "", "user", "revoke", "vera"); code != 0 {
		t.Fatalf("revoke: %s", errOut)
	}
	if c, err := dial(l.srv.addr, gossh.PublicKeys(l.viewerKey)); err == nil {
		c.Close()
		t.Fatal("a revoked user logged in")
	}
	// Only a lead manages users.
	_, pub := newKey(t)
	if _, errOut, code := run(t, l.responder, pub, "user", "add", "mallory", "--role", "lead"); code == 0 || !strings.Contains(errOut, "may not manage users") {
		t.Errorf("a responder added a user: exit %d %q", code, errOut)
	}
}

func TestHostKeyIsPrivateAndStable(t *testing.T) {
	leadKey, leadPub := newKey(t)
	dir := t.TempDir()
	srv := startServer(t, dir, homeWithKey(t, leadPub), false)
	var first gossh.PublicKey
	c, err := gossh.Dial("tcp", srv.addr, &gossh.ClientConfig{
		User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(leadKey)},
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error { first = k; return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	fp := gossh.FingerprintSHA256(first)
	if !strings.Contains(srv.out.String(), fp) {
		t.Errorf("the start-up report does not print the host key fingerprint %s:\n%s", fp, srv.out)
	}
	info, err := os.Stat(filepath.Join(dir, "host_ed25519"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("host key file: %v, mode %v; want 0600", err, info.Mode().Perm())
	}
	srv.stop()

	srv = startServer(t, dir, t.TempDir(), false)
	c, err = gossh.Dial("tcp", srv.addr, &gossh.ClientConfig{
		User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(leadKey)},
		HostKeyCallback: gossh.FixedHostKey(first),
	})
	if err != nil {
		t.Fatalf("after a restart the host key changed or the lead was lost: %v", err)
	}
	c.Close()
}
