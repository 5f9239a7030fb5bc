package e2e

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
	gossh "golang.org/x/crypto/ssh"

	"cellule/app"
	"cellule/cli"
	"cellule/store"
)

// host runs a command as the host's operator would, in dir.
func host(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := app.LocalEnv(strings.NewReader(""), &out, &errOut)
	code = cli.Execute(context.Background(), env, append([]string{"--data", dir}, args...))
	return out.String(), errOut.String(), code
}

func TestBackupOverSSHWhileServing(t *testing.T) {
	l := newLab(t)
	for _, text := range []string{"Firewall reloaded", "Backups isolated", "ARS informed"} {
		if _, e, code := run(t, l.responder, "", "log", text); code != 0 {
			t.Fatal(e)
		}
	}
	copyBytes, errOut, code := run(t, l.lead, "", "backup")
	if code != 0 {
		t.Fatalf("backup: exit %d %s", code, errOut)
	}
	if !strings.Contains(errOut, "checked") || !strings.Contains(errOut, "audit head #") {
		t.Errorf("the backup's summary on stderr: %q", errOut)
	}
	file := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(file, []byte(copyBytes), 0o600); err != nil {
		t.Fatal(err)
	}
	rc, err := store.CheckFile(file)
	if err != nil {
		t.Fatalf("the copy does not check out: %v", err)
	}
	if rc.Entries < 3 || rc.AuditRecords == 0 || rc.Head.Hash == "" {
		t.Errorf("the copy holds %+v", rc)
	}
	// The copy serves: a server started on it has the entries.
	dir := t.TempDir()
	if err := os.Rename(file, filepath.Join(dir, "cellule.db")); err != nil {
		t.Fatal(err)
	}
	if out, e, code := host(t, dir, "timeline"); code != 0 || !strings.Contains(out, "ARS informed") {
		t.Errorf("timeline of the copy: exit %d %q %q", code, out, e)
	}

	// Leads only.
	if out, e, code := run(t, l.responder, "", "backup"); code != 1 || out != "" || !strings.Contains(e, "leads only") {
		t.Errorf("a responder's backup: exit %d, %d bytes, %q", code, len(out), e)
	}
	// The server keeps serving.
	if _, _, code := run(t, l.responder, "", "log", "after the backup"); code != 0 {
		t.Error("writing after a backup failed")
	}
}

func TestLocalBackupIsCheckedThenPutInPlace(t *testing.T) {
	l := newLab(t)
	if _, e, code := run(t, l.responder, "", "log", "Entry before the backup"); code != 0 {
		t.Fatal(e)
	}
	target := filepath.Join(t.TempDir(), "backup.db")
	// While the server runs, the host CLI says how to do it over SSH.
	if _, e, code := host(t, l.srv.dir, "backup", target); code != 1 || !strings.Contains(e, "backup > ") {
		t.Errorf("local backup next to a running server: exit %d %q", code, e)
	}
	l.srv.stop()
	out, e, code := host(t, l.srv.dir, "backup", target)
	if code != 0 || !strings.Contains(out, "checked") || !strings.Contains(out, "audit head #") {
		t.Fatalf("backup: exit %d %q %q", code, out, e)
	}
	fi, err := os.Stat(target)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v %v; want mode 0600", err, fi)
	}
	if _, err := store.CheckFile(target); err != nil {
		t.Errorf("the backup does not check out: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(target), ".tmp-*")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestForeignAndNewerDatabasesAreRefusedUntouched(t *testing.T) {
	newer := t.TempDir()
	db, err := store.Open(filepath.Join(newer, "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, err := bolt.Open(filepath.Join(newer, "cellule.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = b.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, 99})
	})
	b.Close()

	foreign := t.TempDir()
	if err := os.WriteFile(filepath.Join(foreign, "cellule.db"), bytes.Repeat([]byte("meeting notes\n"), 500), 0o600); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct{ name, dir, want string }{
		{"newer schema", newer, "newer Cellule"},
		{"not a database", foreign, "not a Cellule database"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(c.dir, "cellule.db")
			before, _ := os.ReadFile(path)
			info, _ := os.Stat(path)
			for _, args := range [][]string{{"timeline"}, {"log", "hello"}, {"user", "list"}, {"backup", filepath.Join(t.TempDir(), "b.db")}} {
				if _, e, code := host(t, c.dir, args...); code != 1 || !strings.Contains(e, c.want) {
					t.Errorf("%v: exit %d %q; want a refusal saying %q", args, code, e, c.want)
				}
			}
			var out bytes.Buffer
			err := app.Serve(context.Background(), cli.ServeOptions{DataDir: c.dir, Listen: "127.0.0.1:0"}, app.Hooks{Out: &out, Home: t.TempDir()})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("serve: %v; want a refusal saying %q", err, c.want)
			}
			after, _ := os.ReadFile(path)
			info2, _ := os.Stat(path)
			if !bytes.Equal(before, after) || !info.ModTime().Equal(info2.ModTime()) {
				t.Error("the file was modified")
			}
		})
	}
}

func TestFingerprintCommandMatchesTheHostKeySeen(t *testing.T) {
	l := newLab(t)
	var seen gossh.PublicKey
	c, err := gossh.Dial("tcp", l.srv.addr, &gossh.ClientConfig{
		User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(l.leadKey)},
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error { seen = k; return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	// It reads the key only, so it works next to the running server.
	out, e, code := host(t, l.srv.dir, "fingerprint")
	if code != 0 || strings.TrimSpace(out) != gossh.FingerprintSHA256(seen) {
		t.Errorf("cellule fingerprint = %q (exit %d %q); the client saw %s", out, code, e, gossh.FingerprintSHA256(seen))
	}
	if _, e, code := host(t, t.TempDir(), "fingerprint"); code != 1 || !strings.Contains(e, "no host key") {
		t.Errorf("fingerprint with no key yet: exit %d %q", code, e)
	}
}
