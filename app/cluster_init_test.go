package app_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cellule/sshserver"
)

// TestClusterInitWritesOneDirectoryPerNode: each node's directory holds
// the record it was made from, the same host key, the cluster's CA and a
// certificate of its own; the fingerprint printed is that host key's.
func TestClusterInitWritesOneDirectoryPerNode(t *testing.T) {
	from := closedDemo(t)
	if _, err := sshserver.LoadOrCreateHostKey(filepath.Join(from, "host_ed25519")); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	stdout, errOut, code := cellule(t, from, "cluster", "init", "cahors", "--nodes", "a,b,c", "--out", out, "--from", from)
	if code != 0 {
		t.Fatalf("cluster init: exit %d: %s", code, errOut)
	}
	fp, _, _ := cellule(t, from, "fingerprint")
	if !strings.Contains(stdout, strings.TrimSpace(fp)) {
		t.Fatalf("cluster init did not print --from's host key %s:\n%s", fp, stdout)
	}
	want, _, _ := cellule(t, from, "export", "--format", "json")
	var certs [][]byte
	for _, n := range []string{"a", "b", "c"} {
		dir := filepath.Join(out, n)
		if got, _, _ := cellule(t, dir, "fingerprint"); got != fp {
			t.Fatalf("node %s's host key is %s, not %s", n, got, fp)
		}
		if got, errOut, _ := cellule(t, dir, "export", "--format", "json"); got != want {
			t.Fatalf("node %s's record is not --from's: %s", n, errOut)
		}
		cert, err := os.ReadFile(filepath.Join(dir, "cluster", "node.pem"))
		if err != nil {
			t.Fatal(err)
		}
		for _, other := range certs {
			if bytes.Equal(other, cert) {
				t.Fatalf("node %s shares another node's certificate", n)
			}
		}
		certs = append(certs, cert)
		for _, f := range []string{"cluster/node-key.pem", "host_ed25519", "cellule.db"} {
			if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Mode().Perm() != 0o600 {
				t.Fatalf("node %s's %s: %v %v", n, f, err, fi)
			}
		}
	}
}

// TestClusterInitRefusesWhatWouldNotMakeACluster: an even or too small
// number of nodes, a name that is not a plain word, a directory that
// exists: refused, nothing written.
func TestClusterInitRefusesWhatWouldNotMakeACluster(t *testing.T) {
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"cahors", "--nodes", "a,b"}, "odd number"},
		{[]string{"cahors", "--nodes", "a,b,c,d"}, "odd number"},
		{[]string{"cahors", "--nodes", "a,b,b"}, "named twice"},
		{[]string{"cahors", "--nodes", "a,../b,c"}, "node name"},
		{[]string{"Cahors Sud", "--nodes", "a,b,c"}, "cluster name"},
	} {
		out := t.TempDir()
		_, errOut, code := cellule(t, t.TempDir(), append(append([]string{"cluster", "init"}, c.args...), "--out", out)...)
		if code == 0 || !strings.Contains(errOut, c.says) {
			t.Errorf("cluster init %v: exit %d, %q", c.args, code, errOut)
		}
		if entries, _ := os.ReadDir(out); len(entries) != 0 {
			t.Errorf("cluster init %v wrote %d files", c.args, len(entries))
		}
	}
	out := t.TempDir()
	if err := os.Mkdir(filepath.Join(out, "b"), 0o700); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := cellule(t, t.TempDir(), "cluster", "init", "cahors", "--nodes", "a,b,c", "--out", out); code == 0 || !strings.Contains(errOut, "exists already") {
		t.Fatalf("cluster init over an existing directory: exit %d, %q", code, errOut)
	}
}
