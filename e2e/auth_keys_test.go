package e2e

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"cellule/app"
	"cellule/cli"
	"cellule/crisis"
	"cellule/store"
)

func authorizedLine(pub gossh.PublicKey) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub)))
}

// rsaKey makes an RSA key of bits: its signer and authorized_keys line.
func rsaKey(t *testing.T, bits int) (gossh.Signer, string) {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return s, authorizedLine(s.PublicKey())
}

// A revoked key is refused for ever, under its own name or any other, over
// SSH and on the host: it is the evidence of a lost laptop.
func TestARevokedKeyIsRefusedForEver(t *testing.T) {
	l := newLab(t)
	veraPub := authorizedLine(l.viewerKey.PublicKey())
	fp := gossh.FingerprintSHA256(l.viewerKey.PublicKey())
	if _, errOut, code := run(t, l.lead, "", "user", "revoke", "vera"); code != 0 {
		t.Fatalf("revoke: %s", errOut)
	}
	for _, name := range []string{"vera", "victor"} {
		_, errOut, code := run(t, l.lead, veraPub+"\n", "user", "add", name, "--role", "viewer")
		if code == 0 || !strings.Contains(errOut, fp+" was revoked on ") || !strings.Contains(errOut, "as vera's") {
			t.Errorf("vera's revoked key added again as %s: exit %d %q", name, code, errOut)
		}
	}
	if c, err := dial(l.srv.addr, gossh.PublicKeys(l.viewerKey)); err == nil {
		c.Close()
		t.Fatal("the revoked key logged in")
	}
	// On the host, the server stopped: the same refusal.
	l.srv.stop()
	var out, errOut bytes.Buffer
	env := app.LocalEnv(strings.NewReader(""), &out, &errOut)
	code := cli.Execute(context.Background(), env, []string{"--data", l.srv.dir, "user", "add", "vera", "--role", "viewer", veraPub})
	if code == 0 || !strings.Contains(errOut.String(), fp+" was revoked on ") || !strings.Contains(errOut.String(), "as vera's") {
		t.Errorf("the host CLI added the revoked key again: exit %d %q", code, errOut.String())
	}
}

// RSA keys under 2048 bits (and DSA keys) are refused when enrolled, on
// the first start too, and at login even when an older database holds one.
func TestWeakKeysAreRefusedAtEnrolmentAndLogin(t *testing.T) {
	_, weakPub := rsaKey(t, 1024)
	const says = "this RSA key has 1024 bits; keys under 2048 bits are refused"

	// First start: the weak key in ~/.ssh is not enrolled, and it says why.
	leadKey, leadPub := newKey(t)
	home := homeWithKey(t, leadPub)
	if err := os.WriteFile(filepath.Join(home, ".ssh", "id_rsa.pub"), []byte(weakPub+" lead@old-laptop\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, t.TempDir(), home, false)
	if !strings.Contains(srv.out.String(), "id_rsa.pub: line 1: "+says) || !strings.Contains(srv.out.String(), "enrolled 1 key(s)") {
		t.Errorf("first start with a weak key in ~/.ssh:\n%s", srv.out)
	}
	lead := connect(t, srv.addr, leadKey)
	// Over SSH: refused with the sentence.
	for _, key := range []string{weakPub, "ssh-dss AAAAB3NzaC1kc3MAAACBAP/// olga@ancient"} {
		_, errOut, code := run(t, lead, key+"\n", "user", "add", "olga", "--role", "viewer")
		if code == 0 || !strings.Contains(errOut, "are refused") {
			t.Errorf("user add with a weak key: exit %d %q", code, errOut)
		}
	}

	// At login: a database from before this rule holds a 1024-bit key.
	dir := t.TempDir()
	db, err := store.Open(filepath.Join(dir, "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	weak, _ := rsaKey(t, 1024)
	now := time.Now()
	err = db.Update(func(tx crisis.WriteTx) error {
		for name, pub := range map[string]gossh.PublicKey{"olga": weak.PublicKey(), "lea": leadKey.PublicKey()} {
			u := crisis.User{Name: name, Role: crisis.RoleLead, Keys: []crisis.Key{crisis.KeyFrom(pub, "")}, CreatedAt: now, CreatedBy: "test"}
			if err := tx.PutUser(u); err != nil {
				return err
			}
		}
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	old := startServer(t, dir, t.TempDir(), false)
	if !strings.Contains(old.out.String(), "warning: olga's key "+gossh.FingerprintSHA256(weak.PublicKey())+" cannot log in: "+says) {
		t.Errorf("the start does not warn of the weak key it holds:\n%s", old.out)
	}
	if c, err := dial(old.addr, gossh.PublicKeys(weak)); err == nil {
		c.Close()
		t.Error("a registered 1024-bit RSA key logged in")
	}
	waitUntil(t, "the weak key's refusal is logged", func() bool {
		return strings.Contains(old.out.String(), gossh.FingerprintSHA256(weak.PublicKey())) && strings.Contains(old.out.String(), "1024 bits")
	})
	c := connect(t, old.addr, leadKey)
	if out, _, code := run(t, c, "", "whoami"); code != 0 || !strings.HasPrefix(out, "lea ") {
		t.Errorf("the strong key of the same database: %q (exit %d)", out, code)
	}
}

// Every key offered counts against the three tries, a key only queried
// (offered without a signature) included, as in OpenSSH: two unknown keys
// and then a registered one get in; three unknown keys use up the tries.
func TestEveryKeyOfferedCountsTowardsTheTries(t *testing.T) {
	l := newLab(t)
	var unknown []gossh.Signer
	for range 3 {
		k, _ := newKey(t)
		unknown = append(unknown, k)
	}
	c, err := dial(l.srv.addr, gossh.PublicKeys(unknown[0], unknown[1], l.responderKey))
	if err != nil {
		t.Fatalf("two unknown keys, then bob's: %v", err)
	}
	c.Close()
	if c, err := dial(l.srv.addr, gossh.PublicKeys(unknown[0], unknown[1], unknown[2], l.responderKey)); err == nil {
		c.Close()
		t.Error("three unknown keys, then bob's, logged in: the unsigned offers were not counted")
	}
}

// The same with the OpenSSH client: four unknown keys, then a registered
// one (ssh -i u1 -i u2 -i u3 -i u4 -i olivia) is refused.
func TestOpenSSHOfferingFourUnknownKeysThenAGoodOneIsRefused(t *testing.T) {
	sshBin, err := exec.LookPath("ssh")
	if err != nil {
		if os.Getenv("CELLULE_REQUIRE_OPENSSH") != "" {
			t.Fatal("the OpenSSH client (ssh) is required here and missing")
		}
		t.Skip("no OpenSSH client (ssh) on this machine")
	}
	l := newLab(t)
	dir := t.TempDir()
	keyFile := func(name string) (string, gossh.PublicKey) {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		block, err := gossh.MarshalPrivateKey(priv, "")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
			t.Fatal(err)
		}
		pub, err := gossh.NewPublicKey(priv.Public())
		if err != nil {
			t.Fatal(err)
		}
		return path, pub
	}
	olivia, oliviaPub := keyFile("olivia")
	l.addUser(t, "olivia", "responder", authorizedLine(oliviaPub))
	var unknown []string
	for _, n := range []string{"u1", "u2", "u3", "u4"} {
		p, _ := keyFile(n)
		unknown = append(unknown, p)
	}
	host, port, _ := strings.Cut(l.srv.addr, ":")
	openssh := func(keys ...string) (string, string, error) {
		args := []string{"-F", "/dev/null", "-p", port, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
			"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentityAgent=none", "-o", "LogLevel=ERROR"}
		for _, k := range keys {
			args = append(args, "-i", k)
		}
		args = append(args, "olivia@"+host, "whoami")
		cmd := exec.Command(sshBin, args...)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		return out.String(), errOut.String(), err
	}
	if out, errOut, err := openssh(unknown[0], olivia); err != nil || !strings.HasPrefix(out, "olivia ") {
		t.Fatalf("ssh -i u1 -i olivia: %v %q %q", err, out, errOut)
	}
	out, errOut, err := openssh(append(unknown, olivia)...)
	if err == nil || strings.Contains(out, "olivia") {
		t.Errorf("ssh -i u1 -i u2 -i u3 -i u4 -i olivia logged in: %q %q", out, errOut)
	}
}
