package e2e

import (
	"bytes"
	"errors"
	"net"
	"regexp"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// dialAs connects as the SSH user name from the loopback address src
// (127.0.0.0/8 is all this machine's: each address is another source for
// the server's per-address limits).
func dialAs(addr, src, user string, signer gossh.Signer) (*gossh.Client, error) {
	d := net.Dialer{Timeout: waitLimit}
	if src != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(src)}
	}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{
		User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: waitLimit,
	})
	if err != nil {
		_ = conn.Close()
		return nil, err
	}
	return gossh.NewClient(c, chans, reqs), nil
}

// typeCodes opens the invite login from src with signer, sends lines on
// standard input (no terminal, as `echo CODE | ssh invite@host` does) and
// returns what it printed and its exit status.
func typeCodes(t *testing.T, addr, src string, signer gossh.Signer, lines ...string) (string, int) {
	t.Helper()
	c, err := dialAs(addr, src, "invite", signer)
	if err != nil {
		t.Fatalf("ssh invite@ from %s: %v", src, err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	out := &syncBuffer{}
	sess.Stdout, sess.Stderr = out, out
	sess.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	code := 0
	var exit *gossh.ExitError
	if err := sess.Wait(); errors.As(err, &exit) {
		code = exit.ExitStatus()
	} else if err != nil {
		t.Fatalf("invite session: %v", err)
	}
	return out.String(), code
}

var codeLine = regexp.MustCompile(`code:\s+([2-9A-Z]{4}-[2-9A-Z]{4})`)

// invite asks the server, as lead, for a code.
func invite(t *testing.T, c *gossh.Client, args ...string) string {
	t.Helper()
	out, errOut, code := run(t, c, "", append([]string{"user", "invite"}, args...)...)
	m := codeLine.FindStringSubmatch(out)
	if code != 0 || m == nil {
		t.Fatalf("user invite %v: exit %d\n%s%s", args, code, out, errOut)
	}
	return m[1]
}

func startWithLead(t *testing.T) (*server, *gossh.Client, gossh.Signer) {
	t.Helper()
	leadKey, leadPub := newKey(t)
	srv := startServer(t, t.TempDir(), homeWithKey(t, leadPub), false)
	return srv, connect(t, srv.addr, leadKey), leadKey
}

func TestInviteOverSSHEnrolsAResponderWhoThenLogsIn(t *testing.T) {
	srv, lead, _ := startWithLead(t)
	out, _, _ := run(t, lead, "", "user", "invite", "bob", "--role", "responder", "--for", "30m")
	for _, want := range []string{"Invite for bob (responder)", "(30m0s)", "ssh -p ", "invite@127.0.0.1", "host key:  SHA256:", "(ED25519)"} {
		if !strings.Contains(out, want) {
			t.Errorf("user invite printed no %q:\n%s", want, out)
		}
	}
	code := codeLine.FindStringSubmatch(out)[1]
	bobKey, _ := newKey(t)
	said, exit := typeCodes(t, srv.addr, "", bobKey, code)
	if exit != 0 || !strings.Contains(said, "Code: ") || !strings.Contains(said, "Welcome, bob: your key is enrolled as responder.") ||
		!strings.Contains(said, gossh.FingerprintSHA256(bobKey.PublicKey())) {
		t.Fatalf("invite login: exit %d\n%s", exit, said)
	}
	bob := connect(t, srv.addr, bobKey)
	if who, _, _ := run(t, bob, "", "whoami"); who != "bob responder\n" {
		t.Fatalf("bob's whoami: %q", who)
	}
	js, _, _ := run(t, lead, "", "export", "--format", "json")
	if !strings.Contains(js, `"invite.spent"`) || strings.Contains(js, strings.ReplaceAll(code, "-", "")) {
		t.Error("the export has no invite.spent record, or holds the code in clear")
	}
	// Spent: the same code for another key says only that it is not valid.
	otherKey, _ := newKey(t)
	said, exit = typeCodes(t, srv.addr, "127.0.0.2", otherKey, code)
	if exit == 0 || !strings.Contains(said, "Code: \nThis code is not valid.\n") || strings.Contains(said, "bob") {
		t.Fatalf("a spent code: exit %d\n%s", exit, said)
	}
}

func TestOnlyALeadInvitesOverSSH(t *testing.T) {
	srv, lead, _ := startWithLead(t)
	code := invite(t, lead, "rita", "--role", "responder")
	ritaKey, _ := newKey(t)
	if said, exit := typeCodes(t, srv.addr, "", ritaKey, code); exit != 0 {
		t.Fatalf("enrol rita: %s", said)
	}
	rita := connect(t, srv.addr, ritaKey)
	if _, errOut, code := run(t, rita, "", "user", "invite", "eve", "--role", "lead"); code == 0 || !strings.Contains(errOut, "may not") {
		t.Fatalf("a responder invites: exit %d %s", code, errOut)
	}
}

func TestInviteLoginWithATerminalEchoesAndEnrols(t *testing.T) {
	srv, lead, _ := startWithLead(t)
	code := invite(t, lead, "carol", "--role", "viewer")
	carolKey, _ := newKey(t)
	c, err := dialAs(srv.addr, "", "invite", carolKey)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	con := openConsole(t, c, 80, 24)
	con.waitText("Code:")
	// Typed as read over the phone: lower case, a typo erased.
	con.typeKeys(strings.ToLower(code[:4]) + "x\x7f" + code[4:] + "\r")
	s := con.waitText("Welcome, carol")
	if !strings.Contains(s, "Code: "+strings.ToLower(code[:4])+code[4:]) {
		t.Errorf("the code typed is not echoed as typed:\n%s", s)
	}
}

func TestInviteLoginCanDoNothingElse(t *testing.T) {
	srv, lead, leadKey := startWithLead(t)
	anyKey, _ := newKey(t)
	// A command, with any key, even a lead's: refused, nothing run.
	for _, k := range []gossh.Signer{anyKey, leadKey} {
		c, err := dialAs(srv.addr, "", "invite", k)
		if err != nil {
			t.Fatal(err)
		}
		out, errOut, code := runRaw(t, c, "", "whoami")
		if code == 0 || out != "" || !strings.Contains(errOut, "the invite login runs no command") {
			t.Errorf("invite@ whoami: exit %d %q %q", code, out, errOut)
		}
		if _, err := c.Dial("tcp", srv.addr); err == nil {
			t.Error("the invite login forwarded a port")
		}
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if err := sess.RequestSubsystem("sftp"); err == nil {
			t.Error("the invite login opened sftp")
		}
		_ = sess.Close()
		_ = c.Close()
	}
	// With a terminal: the code prompt, never the console.
	c, err := dialAs(srv.addr, "", "invite", leadKey)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	con := openConsole(t, c, 80, 24)
	s := con.waitText("Code:")
	if strings.Contains(s, "Timeline") {
		t.Fatalf("the invite login shows the console:\n%s", s)
	}
	con.typeKeys("\x03")
	if _, _, code := run(t, lead, "", "whoami"); code != 0 {
		t.Fatal("the lead's own login stopped working")
	}
}

func TestInvitePromptIsRateLimitedPerAddress(t *testing.T) {
	srv, lead, _ := startWithLead(t)
	code := invite(t, lead, "dan", "--role", "responder")
	k, _ := newKey(t)
	// No invite has these codes (the real one starts otherwise).
	wrong := "ZZZZ-ZZZZ"
	if strings.HasPrefix(code, "ZZ") {
		wrong = "YYYY-YYYY"
	}
	said, _ := typeCodes(t, srv.addr, "127.0.0.7", k, wrong, wrong, wrong)
	if strings.Count(said, "This code is not valid.") != 3 || !strings.Contains(said, "Too many wrong codes") {
		t.Fatalf("three wrong codes on one connection:\n%s", said)
	}
	// The same address, on a connection opened before the penalty: 5 codes
	// in all, then no more.
	c, err := dialAs(srv.addr, "127.0.0.7", "invite", k)
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := c.NewSession()
	var out bytes.Buffer
	sess.Stdout = &out
	sess.Stdin = strings.NewReader(wrong + "\n" + wrong + "\n" + code + "\n")
	_ = sess.Shell()
	_ = sess.Wait()
	_ = c.Close()
	if strings.Count(out.String(), "This code is not valid.") != 2 || !strings.Contains(out.String(), "Too many tries from your address") || strings.Contains(out.String(), "Welcome") {
		t.Fatalf("the 6th code from one address:\n%s", out.String())
	}
	// Each wrong code counted toward the address's penalty for failed
	// logins: its new connections are dropped.
	if c, err := dialAs(srv.addr, "127.0.0.7", "invite", k); err == nil {
		_ = c.Close()
		t.Error("an address with 5 wrong codes still connects")
	}
	// Another address is served, and the invite still works there.
	if said, exit := typeCodes(t, srv.addr, "127.0.0.8", k, code); exit != 0 || !strings.Contains(said, "Welcome, dan") {
		t.Fatalf("another address: exit %d\n%s", exit, said)
	}
}

func TestInviteDiesAfterFiveWrongTriesFromAnyAddresses(t *testing.T) {
	srv, lead, _ := startWithLead(t)
	code := invite(t, lead, "erin", "--role", "responder")
	k, _ := newKey(t)
	// The invite's own first 2 characters, a wrong secret.
	wrong := []byte(strings.ReplaceAll(code, "-", ""))
	for i := 2; i < len(wrong); i++ {
		if wrong[i] == 'Z' {
			wrong[i] = 'Y'
		} else {
			wrong[i] = 'Z'
		}
	}
	for i := range 5 {
		src := "127.0.0." + string(rune('1'+i)) + "1"
		if said, _ := typeCodes(t, srv.addr, src, k, string(wrong)); !strings.Contains(said, "This code is not valid.") {
			t.Fatalf("wrong code %d:\n%s", i+1, said)
		}
	}
	said, exit := typeCodes(t, srv.addr, "127.0.0.99", k, code)
	if exit == 0 || !strings.Contains(said, "This code is not valid.") {
		t.Fatalf("the right code after 5 wrong ones: exit %d\n%s", exit, said)
	}
}

func TestInviteRefusesAKeyAlreadyRegistered(t *testing.T) {
	srv, lead, leadKey := startWithLead(t)
	code := invite(t, lead, "fay", "--role", "responder")
	said, exit := typeCodes(t, srv.addr, "", leadKey, code)
	if exit == 0 || !regexp.MustCompile(`key SHA256:\S+ already belongs to \S+`).MatchString(said) {
		t.Fatalf("a registered key through an invite: exit %d\n%s", exit, said)
	}
	fayKey, _ := newKey(t)
	if said, exit := typeCodes(t, srv.addr, "", fayKey, code); exit != 0 {
		t.Fatalf("the code after a refused key is spent:\n%s", said)
	}
}

func TestInviteMadeOnTheHostWorksOnceTheServerRuns(t *testing.T) {
	_, leadPub := newKey(t)
	dir, home := t.TempDir(), homeWithKey(t, leadPub)
	startServer(t, dir, home, false).stop()
	out, errOut, exit := host(t, dir, "user", "invite", "gus", "--role", "viewer", "--for", "2h")
	m := codeLine.FindStringSubmatch(out)
	if exit != 0 || m == nil || !strings.Contains(out, "(2h0m0s)") || !strings.Contains(out, "host key:  SHA256:") || !strings.Contains(out, "invite@HOST") {
		t.Fatalf("user invite on the host: exit %d\n%s%s", exit, out, errOut)
	}
	srv := startServer(t, dir, home, false)
	// While it runs, the host command names the SSH one.
	if _, errOut, exit := host(t, dir, "user", "invite", "hal", "--role", "viewer"); exit == 0 || !strings.Contains(errOut, "user invite hal --role viewer") {
		t.Errorf("user invite on the host while serving: exit %d %s", exit, errOut)
	}
	k, _ := newKey(t)
	if said, exit := typeCodes(t, srv.addr, "", k, m[1]); exit != 0 || !strings.Contains(said, "Welcome, gus: your key is enrolled as viewer.") {
		t.Fatalf("the host's invite: exit %d\n%s", exit, said)
	}
}
