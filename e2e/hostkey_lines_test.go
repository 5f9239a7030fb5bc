package e2e

import (
	"net"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// The start-up report gives what people check on their first connection:
// the fingerprint as ssh shows it and a known_hosts line that matches the
// key the server presents.
func TestServePrintsTheHostKeyAsSSHShowsItAndAKnownHostsLine(t *testing.T) {
	_, leadPub := newKey(t)
	dir := t.TempDir()
	srv := startServer(t, dir, homeWithKey(t, leadPub), false)
	report := srv.out.String()
	var presented gossh.PublicKey
	c, err := gossh.Dial("tcp", srv.addr, &gossh.ClientConfig{User: "x", Timeout: waitLimit,
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error { presented = k; return nil }})
	if err == nil {
		_ = c.Close()
	}
	if presented == nil {
		t.Fatalf("no host key presented: %v", err)
	}
	fp := gossh.FingerprintSHA256(presented)
	if !strings.Contains(report, "host key: "+fp+" (ED25519)") {
		t.Errorf("the report does not show %s (ED25519):\n%s", fp, report)
	}
	line := "[" + strings.Replace(srv.addr, ":", "]:", 1) + " " + strings.TrimSpace(string(gossh.MarshalAuthorizedKey(presented)))
	if !strings.Contains(report, "\n    "+line+"\n") {
		t.Errorf("the report has no known_hosts line %q:\n%s", line, report)
	}
	// `cellule fingerprint --known-hosts` on the host prints the same line.
	if out, _, code := host(t, dir, "fingerprint", "--known-hosts"); code != 0 || out != line+"\n" {
		t.Errorf("fingerprint --known-hosts: exit %d %q, want %q", code, out, line)
	}
	if out, _, _ := host(t, dir, "fingerprint"); out != fp+"\n" {
		t.Errorf("fingerprint: %q", out)
	}
}

func TestVersionLocallyAndOverSSHForAnyone(t *testing.T) {
	srv, lead, _ := startWithLead(t)
	code := invite(t, lead, "vic", "--role", "viewer")
	vicKey, _ := newKey(t)
	if said, exit := typeCodes(t, srv.addr, "", vicKey, code); exit != 0 {
		t.Fatal(said)
	}
	viewer := connect(t, srv.addr, vicKey)
	out, errOut, exit := run(t, viewer, "", "version")
	if exit != 0 || !strings.HasPrefix(out, "cellule ") || !strings.Contains(out, "\n  go:           go1.") || !strings.Contains(out, "commit:") {
		t.Errorf("version over SSH as a viewer: exit %d\n%s%s", exit, out, errOut)
	}
	if local, _, _ := host(t, t.TempDir(), "version"); local != out {
		t.Errorf("version on the host %q differs from over SSH %q", local, out)
	}
}
