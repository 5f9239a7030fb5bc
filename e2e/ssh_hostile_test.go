package e2e

import (
	"bufio"
	"errors"
	"io"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"cellule/cli"
)

// offerOnly offers a public key but cannot sign with it: it is what a
// client that knows someone's public key (it is public) can do.
type offerOnly struct{ pub gossh.PublicKey }

func (o offerOnly) PublicKey() gossh.PublicKey { return o.pub }
func (o offerOnly) Sign(io.Reader, []byte) (*gossh.Signature, error) {
	return nil, errors.New("no private key")
}

// badSignature offers a registered key but signs with another: each
// attempt is a well-formed, failed login.
type badSignature struct {
	pub   gossh.PublicKey
	other gossh.Signer
	calls *atomic.Int32
}

func (b badSignature) PublicKey() gossh.PublicKey { return b.pub }
func (b badSignature) Sign(r io.Reader, data []byte) (*gossh.Signature, error) {
	b.calls.Add(1)
	return b.other.Sign(r, data)
}

// dialSequence logs in trying the auth methods in order, each once, even
// when several are "publickey" (x/crypto tries a method kind only once
// unless AuthCallback picks the next).
func dialSequence(addr string, methods ...gossh.AuthMethod) (*gossh.Client, error) {
	i := 0
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "anyone",
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         waitLimit,
		AuthCallback: func(*gossh.ClientAuthContext) (gossh.AuthMethod, error) {
			if i >= len(methods) {
				return nil, errors.New("no more methods")
			}
			i++
			return methods[i-1], nil
		},
	})
}

func TestAKeyOfferedButNotSignedIsNotWhoYouAre(t *testing.T) {
	l := newLab(t)
	// vera (viewer) offers the lead's public key, which the server accepts
	// as a candidate, fails to sign with it, then signs with her own.
	c, err := dialSequence(l.srv.addr,
		gossh.PublicKeys(offerOnly{l.leadKey.PublicKey()}),
		gossh.PublicKeys(l.viewerKey))
	if err != nil {
		t.Fatalf("vera could not log in with her own key after the offer: %v", err)
	}
	defer c.Close()
	out, _, code := run(t, c, "", "whoami")
	if code != 0 || !strings.HasPrefix(out, "vera ") || !strings.Contains(out, "viewer") {
		t.Fatalf("whoami after offering the lead's key = %q (exit %d); want vera viewer", out, code)
	}
	_, pub := newKey(t)
	if _, errOut, code := run(t, c, pub, "user", "add", "mallory", "--role", "lead"); code == 0 {
		t.Fatalf("the session acted as the lead whose key was only offered: %q", errOut)
	}
}

func TestAtMostThreeFailedLoginsPerConnection(t *testing.T) {
	l := newLab(t)
	// Passwords are not a method here: each try is a failed attempt.
	var tries atomic.Int32
	password := gossh.PasswordCallback(func() (string, error) { tries.Add(1); return "hunter2", nil })
	c, err := dialSequence(l.srv.addr, password, password, password, password, password, password)
	if err == nil {
		c.Close()
		t.Fatal("logged in with a password")
	}
	if n := tries.Load(); n != 3 {
		t.Errorf("the server took %d failed attempts on one connection; want 3, then a disconnect (%v)", n, err)
	}

	// A signature that does not verify ends the connection at once.
	var calls atomic.Int32
	other, _ := newKey(t)
	var bad []gossh.AuthMethod
	for _, k := range []gossh.Signer{l.leadKey, l.responderKey, l.viewerKey} {
		bad = append(bad, gossh.PublicKeys(badSignature{k.PublicKey(), other, &calls}))
	}
	if c, err := dialSequence(l.srv.addr, bad...); err == nil {
		c.Close()
		t.Fatal("logged in with bad signatures")
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("the server took %d bad signatures on one connection; want 1", n)
	}
}

func TestForwardingSubsystemsAndEnvironmentGetNothing(t *testing.T) {
	l := newLab(t)
	c := l.responder
	agentChannels := c.HandleChannelOpen("auth-agent@openssh.com")
	x11Channels := c.HandleChannelOpen("x11")

	if conn, err := c.Dial("tcp", l.srv.addr); err == nil {
		conn.Close()
		t.Error("local port forwarding (direct-tcpip) was accepted")
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("remote port forwarding (tcpip-forward) was accepted")
	}

	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was accepted")
	}
	sess.Close()

	sess, err = c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	x11 := gossh.Marshal(struct {
		Single bool
		Proto  string
		Cookie string
		Screen uint32
	}{false, "MIT-MAGIC-COOKIE-1", "00112233445566778899aabbccddeeff", 0})
	if ok, err := sess.SendRequest("x11-req", true, x11); err == nil && ok {
		t.Error("X11 forwarding was accepted")
	}
	// Agent forwarding may be acknowledged, but the server never opens an
	// agent channel; environment variables change nothing.
	_ = agent.RequestAgentForwarding(sess)
	_ = sess.Setenv("CELLULE_DATA", "/tmp/elsewhere")
	_ = sess.Setenv("LD_PRELOAD", "/tmp/evil.so")
	out, err := sess.Output("whoami")
	if err != nil || !strings.HasPrefix(string(out), "bob ") {
		t.Fatalf("whoami with env and agent requests: %q %v", out, err)
	}
	select {
	case ch := <-agentChannels:
		ch.Reject(gossh.Prohibited, "no")
		t.Error("the server opened an agent channel")
	case ch := <-x11Channels:
		ch.Reject(gossh.Prohibited, "no")
		t.Error("the server opened an X11 channel")
	default:
	}
}

// rawLine connects without SSH and returns the first line the server sends.
func rawLine(t *testing.T, addr string) string {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, waitLimit)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetReadDeadline(time.Now().Add(waitLimit))
	line, _ := bufio.NewReader(conn).ReadString('\n')
	return line
}

func TestRepeatedFailedLoginsPenaliseTheAddress(t *testing.T) {
	l := newLab(t)
	stranger, _ := newKey(t)
	another, _ := newKey(t)
	third, _ := newKey(t)
	// Three connections, each offering three unknown keys: three failed
	// logins, not nine. The address is not blocked yet.
	for range 3 {
		if c, err := dial(l.srv.addr, gossh.PublicKeys(stranger, another, third)); err == nil {
			c.Close()
			t.Fatal("an unknown key logged in")
		}
	}
	c, err := dial(l.srv.addr, gossh.PublicKeys(l.responderKey))
	if err != nil {
		t.Fatalf("three failed logins (nine key offers) blocked the address: %v", err)
	}
	c.Close()
	// The fourth failure puts the address over the threshold: from then
	// on its connections are dropped before the handshake, even with a
	// good key, and the client is told why.
	if c, err := dial(l.srv.addr, gossh.PublicKeys(stranger)); err == nil {
		c.Close()
		t.Fatal("an unknown key logged in")
	}
	waitUntil(t, "the penalty is logged", func() bool { return strings.Contains(l.srv.out.String(), "penalised for failed logins") })
	if line := rawLine(t, l.srv.addr); !strings.Contains(line, "too many failed logins") {
		t.Errorf("a penalised address was told %q", line)
	}
	if c, err := dial(l.srv.addr, gossh.PublicKeys(l.responderKey)); err == nil {
		c.Close()
		t.Error("a penalised address got a handshake")
	}
	if !strings.Contains(l.srv.out.String(), "connection dropped: penalty") {
		t.Errorf("the drop is not logged:\n%s", l.srv.out)
	}
	// Connections already open carry on.
	if out, _, code := run(t, l.lead, "", "whoami"); code != 0 || out == "" {
		t.Errorf("an open connection stopped working: %q", out)
	}
}

// Connections that never try a key (a scanner, or someone holding the
// login slots open) cost their address a penalty too: four of them and it
// is dropped before the handshake, like one that failed its logins.
func TestSilentConnectionsPenaliseTheAddress(t *testing.T) {
	l := newLab(t)
	for range 4 {
		conn, err := net.DialTimeout("tcp", l.srv.addr, waitLimit)
		if err != nil {
			t.Fatal(err)
		}
		_ = conn.Close()
	}
	waitUntil(t, "the penalty is logged", func() bool { return strings.Contains(l.srv.out.String(), "penalised for failed logins") })
	if c, err := dial(l.srv.addr, gossh.PublicKeys(l.responderKey)); err == nil {
		c.Close()
		t.Error("an address that held four silent connections got a handshake")
	}
}

// waitUntil polls cond until it holds, failing the test after waitLimit.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestConnectionsNotLoggedInAreCapped(t *testing.T) {
	o := cli.ServeOptions{ServeLimits: cli.DefaultServeLimits()}
	o.MaxUnauthenticated = 2
	l := newLabWith(t, o)
	var held []net.Conn
	// From two addresses: one address holds a quarter of the cap at most
	// (here one slot).
	for _, from := range []string{"127.0.0.2", "127.0.0.3"} {
		// The server's version line: the connection holds a slot.
		conn, line := rawFrom(t, from, l.srv.addr)
		if !strings.HasPrefix(line, "SSH-2.0-") {
			t.Fatalf("expected the server's version, got %q", line)
		}
		held = append(held, conn)
	}
	if _, line := rawFrom(t, "127.0.0.4", l.srv.addr); !strings.Contains(line, "too many connections are logging in") {
		t.Errorf("a third connection logging in was told %q", line)
	}
	if _, err := dial(l.srv.addr, gossh.PublicKeys(l.responderKey)); err == nil {
		t.Error("a login got past the cap")
	}
	// Logged-in connections do not count: the lab's stay usable.
	if _, _, code := run(t, l.lead, "", "whoami"); code != 0 {
		t.Error("an open connection stopped working")
	}
	for _, c := range held {
		c.Close()
	}
	waitUntil(t, "the slots are released", func() bool {
		c, err := dial(l.srv.addr, gossh.PublicKeys(l.responderKey))
		if err == nil {
			c.Close()
		}
		return err == nil
	})
}

func TestSessionsAreCapped(t *testing.T) {
	o := cli.ServeOptions{ServeLimits: cli.DefaultServeLimits()}
	o.MaxSessions, o.LeadReserve = 1, 0
	l := newLabWith(t, o)
	con := openConsole(t, l.responder, 80, 24)
	con.waitText("Timeline")
	_, errOut, code := run(t, l.lead, "", "log", "should not be saved")
	if code != 1 || !strings.Contains(errOut, "maximum of 1 sessions") {
		t.Fatalf("a session over the cap: exit %d %q", code, errOut)
	}
	con.sess.Close()
	waitUntil(t, "the console's slot is free", func() bool {
		sess, err := l.lead.NewSession()
		if err != nil {
			return false
		}
		defer sess.Close()
		return sess.Run("whoami") == nil
	})
	out, _, _ := run(t, l.lead, "", "timeline")
	if strings.Contains(out, "should not be saved") {
		t.Error("the refused session's command ran")
	}
}

func TestRevokedUsersWaitingCommandEnds(t *testing.T) {
	l := newLab(t)
	sess, err := l.responder.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	stdin, _ := sess.StdinPipe()
	var errOut strings.Builder
	sess.Stderr = &errOut
	if err := sess.Start("log"); err != nil {
		t.Fatal(err)
	}
	_, _ = io.WriteString(stdin, "half an entry, the rest never comes")
	if _, e, code := run(t, l.lead, "", "user", "revoke", "bob"); code != 0 {
		t.Fatalf("revoke: %s", e)
	}
	ended := make(chan error, 1)
	go func() { ended <- sess.Wait() }()
	select {
	case err := <-ended:
		var exit *gossh.ExitError
		if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
			t.Errorf("the revoked user's command ended with %v; want exit status 1", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the revoked user's command still runs 5 s after the revocation")
	}
	out, _, _ := run(t, l.lead, "", "timeline")
	if strings.Contains(out, "half an entry") {
		t.Error("the cut command saved what it had read")
	}
}
