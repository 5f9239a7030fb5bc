package sshserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/store"
	"cellule/tui"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serveForTest runs the real server on a loopback port with a real
// database, and a command runner given by the test.
func serveForTest(t *testing.T, exec ExecFunc, opts ...func(*Server)) (string, *crisis.Service, *lockedBuffer) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	svc := crisis.NewService(db)
	if _, err := svc.Open(crisis.LocalActor("test"), "Test crisis"); err != nil {
		t.Fatal(err)
	}
	hk, err := LoadOrCreateHostKey(filepath.Join(t.TempDir(), "host"))
	if err != nil {
		t.Fatal(err)
	}
	logs := &lockedBuffer{}
	srv, err := New(Config{Listen: "127.0.0.1:0", HostKey: hk.Signer, Service: svc, Exec: exec, Logger: log.New(logs)})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range opts {
		o(srv)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	})
	return l.Addr().String(), svc, logs
}

func login(t *testing.T, addr, name string) *gossh.Client {
	t.Helper()
	signer, _ := crisistest.Key(name)
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: name, Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func runLine(t *testing.T, c *gossh.Client, line string) (string, string, int) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out, errOut bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errOut
	err = sess.Run(line)
	var exit *gossh.ExitError
	switch {
	case err == nil:
		return out.String(), errOut.String(), 0
	case errors.As(err, &exit):
		return out.String(), errOut.String(), exit.ExitStatus()
	}
	t.Fatalf("%s: %v", line, err)
	return "", "", 0
}

func TestAPanicEndsItsSessionOnly(t *testing.T) {
	// "boom" exists only in this test: the command runner is the test's.
	addr, svc, logs := serveForTest(t, func(_ context.Context, x Exec) int {
		if x.Line == "boom" {
			panic("boom in a command")
		}
		fmt.Fprintln(x.Out, "hello", x.Who.Name)
		return 0
	})
	crisistest.Register(t, svc, "alice", crisis.RoleResponder)
	bob := crisistest.Register(t, svc, "bob", crisis.RoleResponder)
	alice := login(t, addr, "alice")
	bobConn := login(t, addr, "bob")

	// bob's console is open while alice's command panics.
	sess, err := bobConn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	screen := &lockedBuffer{}
	sess.Stdout = screen
	stdin, _ := sess.StdinPipe()
	defer stdin.Close()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "bob's console", func() bool { return strings.Contains(screen.String(), "Timeline") })

	_, errOut, code := runLine(t, alice, "boom")
	if code != 1 || !strings.Contains(errOut, "internal error") {
		t.Errorf("the panicking command: exit %d %q; want 1 and a message", code, errOut)
	}
	if l := logs.String(); !strings.Contains(l, "panic while running a command") || !strings.Contains(l, "boom in a command") || !strings.Contains(l, "panic_test.go") {
		t.Errorf("the panic is not logged with its stack:\n%s", l)
	}
	// The same connection, another connection and the open console carry on.
	if out, _, code := runLine(t, alice, "hi"); code != 0 || out != "hello alice\n" {
		t.Errorf("alice after the panic: %q exit %d", out, code)
	}
	if out, _, code := runLine(t, bobConn, "hi"); code != 0 || out != "hello bob\n" {
		t.Errorf("bob after the panic: %q exit %d", out, code)
	}
	if _, err := svc.Log(bob, crisis.Draft{Kind: crisis.KindFact, Text: "Carryon after the panic"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "bob's console to show the new entry", func() bool { return strings.Contains(screen.String(), "Carryon") })
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// panicky is the real console, which panics when "!" is typed.
type panicky struct{ tea.Model }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "!" {
		panic("console test panic")
	}
	m, cmd := p.Model.Update(msg)
	return panicky{m}, cmd
}

// openScreen opens a console and returns what it has written so far.
func openScreen(t *testing.T, c *gossh.Client) (*gossh.Session, *lockedBuffer, io.WriteCloser) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	screen := &lockedBuffer{}
	sess.Stdout = screen
	stdin, _ := sess.StdinPipe()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a console", func() bool { return strings.Contains(screen.String(), "Timeline") })
	return sess, screen, stdin
}

func TestAPanicInAConsoleEndsThatConsoleOnly(t *testing.T) {
	addr, svc, logs := serveForTest(t, func(context.Context, Exec) int { return 0 }, func(s *Server) {
		s.newConsole = func(svc *crisis.Service, me crisis.Actor, o tui.Options) tea.Model {
			return panicky{tui.New(svc, me, o)}
		}
	})
	crisistest.Register(t, svc, "alice", crisis.RoleResponder)
	bob := crisistest.Register(t, svc, "bob", crisis.RoleResponder)
	aliceSess, aliceScreen, aliceKeys := openScreen(t, login(t, addr, "alice"))
	_, bobScreen, _ := openScreen(t, login(t, addr, "bob"))

	_, _ = io.WriteString(aliceKeys, "!")
	err := aliceSess.Wait()
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Errorf("the panicking console ended with %v; want exit status 1", err)
	}
	if !strings.Contains(aliceScreen.String(), "internal error") {
		t.Errorf("alice was not told: %q", aliceScreen.String())
	}
	if !strings.Contains(logs.String(), "console ended by a panic") {
		t.Errorf("the panic is not logged:\n%s", logs.String())
	}
	if _, err := svc.Log(bob, crisis.Draft{Kind: crisis.KindFact, Text: "Stillhere after the panic"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "bob's console to carry on", func() bool { return strings.Contains(bobScreen.String(), "Stillhere") })
}
