package e2e

import (
	"bufio"
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"cellule/cli"
)

// dialFrom logs in as user from the local address local (127.0.0.0/8 is
// all loopback on Linux: each address is another source to the server).
func dialFrom(local, addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: waitLimit}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	_ = conn.SetDeadline(time.Now().Add(waitLimit))
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{
		User: user, Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		_ = conn.Close()
		return nil, err
	}
	_ = conn.SetDeadline(time.Time{})
	return gossh.NewClient(c, chans, reqs), nil
}

// rawFrom connects from local without SSH and returns the connection and
// the first line the server sent.
func rawFrom(t *testing.T, local, addr string) (net.Conn, string) {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: waitLimit}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(waitLimit))
	line, _ := bufio.NewReader(conn).ReadString('\n')
	return conn, line
}

// One address holding connections open without logging in (300 raw TCP
// connections sending nothing, under serve's defaults) takes a quarter of
// the login slots at most: a lead from another address logs in at once.
func TestOneAddressHoldingLoginSlotsLocksOutNoOneElse(t *testing.T) {
	l := newLab(t)
	held, other := 0, ""
	for range 300 {
		conn, line := rawFrom(t, "127.0.0.1", l.srv.addr)
		defer conn.Close()
		switch {
		case strings.HasPrefix(line, "SSH-2.0-"):
			held++
		case !strings.Contains(line, "too many connections from your address"):
			other = line
		}
	}
	if other != "" {
		t.Errorf("a connection over the address's share was told %q", other)
	}
	if max := (cli.DefaultServeLimits().MaxUnauthenticated + 3) / 4; held != max {
		t.Errorf("one address holds %d connections logging in; want a quarter of the cap, %d", held, max)
	}
	c, err := dialFrom("127.0.0.2", l.srv.addr, "lead", gossh.PublicKeys(l.leadKey))
	if err != nil {
		t.Fatalf("a lead from another address was locked out by one holding login slots: %v", err)
	}
	defer c.Close()
	if out, _, code := run(t, c, "", "whoami"); code != 0 || !strings.Contains(out, "lead") {
		t.Errorf("whoami: %q (exit %d)", out, code)
	}
	if n := strings.Count(l.srv.out.String(), "too many logging in from one address"); n != 1 {
		t.Errorf("the refusals are logged %d times; want once:\n%s", n, l.srv.out)
	}
}

// serve --penalty-exempt: the crisis room's network, whose people share
// an address, is never penalised however many logins fail there; the same
// failures from elsewhere block that address.
func TestPenaltyExemptNetworkIsNeverPenalised(t *testing.T) {
	o := cli.ServeOptions{ServeLimits: cli.DefaultServeLimits()}
	o.PenaltyExempt = "127.0.0.3/32"
	l := newLabWith(t, o)
	stranger, _ := newKey(t)
	for _, from := range []string{"127.0.0.3", "127.0.0.4"} {
		for range 8 {
			if c, err := dialFrom(from, l.srv.addr, "newcomer", gossh.PublicKeys(stranger)); err == nil {
				c.Close()
				t.Fatal("an unknown key logged in")
			}
		}
	}
	c, err := dialFrom("127.0.0.3", l.srv.addr, "lead", gossh.PublicKeys(l.leadKey))
	if err != nil {
		t.Fatalf("the lead in the exempt network was locked out by the newcomer's failed logins: %v", err)
	}
	c.Close()
	waitUntil(t, "the other address is penalised", func() bool {
		_, line := rawFrom(t, "127.0.0.4", l.srv.addr)
		return strings.Contains(line, "too many failed logins")
	})
	for _, line := range strings.Split(l.srv.out.String(), "\n") {
		if strings.Contains(line, "penalised for failed logins") && strings.Contains(line, "127.0.0.3") {
			t.Errorf("the exempt address was penalised: %q", line)
		}
	}
}

// A refused key is logged with its SHA256 fingerprint and the user name
// offered, so a lead told "I cannot get in" can check it and enrol it.
func TestARefusedKeyIsLoggedWithItsFingerprint(t *testing.T) {
	l := newLab(t)
	newcomer, _ := newKey(t)
	if c, err := dialFrom("127.0.0.5", l.srv.addr, "nadia\x1b[2J", gossh.PublicKeys(newcomer)); err == nil {
		c.Close()
		t.Fatal("an unknown key logged in")
	}
	fp := gossh.FingerprintSHA256(newcomer.PublicKey())
	waitUntil(t, "the refused key is logged", func() bool { return strings.Contains(l.srv.out.String(), fp) })
	for _, line := range strings.Split(l.srv.out.String(), "\n") {
		if !strings.Contains(line, fp) {
			continue
		}
		if !strings.Contains(line, "key refused") || !strings.Contains(line, "nadia") {
			t.Errorf("the log line does not say a key was refused, and for whom: %q", line)
		}
		if strings.ContainsRune(line, '\x1b') {
			t.Errorf("the offered name reached the log with its escape: %q", line)
		}
	}
}
