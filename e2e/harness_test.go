// Package e2e drives the real server, started in-process on 127.0.0.1 with
// a temporary data directory, through a real SSH client.
package e2e

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"cellule/app"
	"cellule/cli"
)

// waitLimit bounds every wait for a condition; a condition that holds
// returns as soon as it holds.
const waitLimit = 15 * time.Second

// syncBuffer collects the server's output from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type server struct {
	addr string
	dir  string
	out  *syncBuffer
	stop func()
}

// startServer serves dir on a free loopback port until the test ends (or
// stop is called). home is where a first start looks for ~/.ssh/*.pub.
func startServer(t *testing.T, dir, home string, demo bool) *server {
	t.Helper()
	return startServerWith(t, dir, home, cli.ServeOptions{Demo: demo})
}

// startServerWith is startServer with the serve command's options; the data
// directory and the address are the test's.
func startServerWith(t *testing.T, dir, home string, o cli.ServeOptions) *server {
	t.Helper()
	o.DataDir, o.Listen = dir, "127.0.0.1:0"
	if o.ServeLimits == (cli.ServeLimits{}) {
		// The defaults of `cellule serve`: every test runs under them.
		o.ServeLimits = cli.DefaultServeLimits()
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	out := &syncBuffer{}
	go func() {
		done <- app.Serve(ctx, o, app.Hooks{
			Out: out, Home: home, Ready: func(a string) { ready <- a },
		})
	}()
	s := &server{dir: dir, out: out}
	select {
	case s.addr = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("server did not start: %v\n%s", err, out)
	case <-time.After(waitLimit):
		cancel()
		t.Fatalf("server did not start\n%s", out)
	}
	var once sync.Once
	s.stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("server stopped with an error: %v", err)
			}
		})
	}
	t.Cleanup(s.stop)
	return s
}

// newKey makes a fresh ed25519 key: the signer, and its authorized_keys line.
func newKey(t *testing.T) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer, strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey())))
}

// homeWithKey makes a home directory whose ~/.ssh holds one public key, so
// the first start enrols it as the lead.
func homeWithKey(t *testing.T, authorized string) string {
	t.Helper()
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, ".ssh"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".ssh", "id_ed25519.pub"), []byte(authorized+" lead@crisis-room\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return home
}

func dial(addr string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "anyone",
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         waitLimit,
	})
}

func connect(t *testing.T, addr string, signer gossh.Signer) *gossh.Client {
	t.Helper()
	c, err := dial(addr, gossh.PublicKeys(signer))
	if err != nil {
		t.Fatalf("ssh: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// shellQuote quotes args the way the server splits them (POSIX shell words).
func shellQuote(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(q, " ")
}

// run execs one command over SSH, as `ssh host ARGS < stdin` does.
func run(t *testing.T, c *gossh.Client, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runRaw(t, c, stdin, shellQuote(args))
}

// runRaw sends a command line as it is, as `ssh host word word...` does
// after the local shell has removed its own quotes.
func runRaw(t *testing.T, c *gossh.Client, stdin, line string) (stdout, stderr string, code int) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var o, e bytes.Buffer
	sess.Stdout, sess.Stderr = &o, &e
	sess.Stdin = strings.NewReader(stdin)
	err = sess.Run(line)
	var exit *gossh.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitStatus()
	default:
		t.Fatalf("ssh %s: %v", line, err)
	}
	return o.String(), e.String(), code
}

// console is an interactive session read through a terminal emulator, so
// tests look at the screen a person would see.
type console struct {
	t       *testing.T
	mu      sync.Mutex
	em      *vt.Emulator
	changed chan struct{}
	stdin   io.Writer
	sess    *gossh.Session
}

func openConsole(t *testing.T, c *gossh.Client, w, h int) *console {
	t.Helper()
	return openConsoleThrough(t, c, w, h, nil)
}

// openConsoleThrough is openConsole whose emulator reads the server's
// output through filter (nil: as it is), e.g. to measure characters as
// another terminal does (see widths_test.go).
func openConsoleThrough(t *testing.T, c *gossh.Client, w, h int, filter func([]byte) []byte) *console {
	t.Helper()
	return openConsoleWith(t, c, w, h, w, h, filter)
}

// openConsoleSized asks the server for a ptyW x ptyH terminal and reads
// the session on a w x h emulator.
func openConsoleSized(t *testing.T, c *gossh.Client, ptyW, ptyH, w, h int) *console {
	t.Helper()
	return openConsoleWith(t, c, ptyW, ptyH, w, h, nil)
}

func openConsoleWith(t *testing.T, c *gossh.Client, ptyW, ptyH, w, h int, filter func([]byte) []byte) *console {
	t.Helper()
	return openConsoleOn(t, c, ptyW, ptyH, vt.NewEmulator(w, h), filter)
}

// openConsoleOn is openConsoleWith on an emulator of the test's (one that
// answers the background-colour query with a light colour, say).
func openConsoleOn(t *testing.T, c *gossh.Client, ptyW, ptyH int, em *vt.Emulator, filter func([]byte) []byte) *console {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", ptyH, ptyW, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	con := &console{t: t, em: em, changed: make(chan struct{}, 1), stdin: stdin, sess: sess}
	// The emulator answers the program's terminal queries on its input
	// pipe; those answers go back to the server like typed keys.
	go func() { _, _ = io.Copy(stdin, con.em) }()
	go func() {
		buf := make([]byte, 32*1024)
		for {
			n, err := stdout.Read(buf)
			if n > 0 {
				out := buf[:n]
				if filter != nil {
					out = filter(out)
				}
				con.mu.Lock()
				_, _ = con.em.Write(out)
				con.mu.Unlock()
				select {
				case con.changed <- struct{}{}:
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sess.Close() })
	return con
}

func (c *console) screen() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.em.String()
}

// waitFor returns the screen once ok holds for it, re-checking after each
// write from the server; it fails the test after waitLimit.
func (c *console) waitFor(what string, ok func(screen string) bool) string {
	c.t.Helper()
	deadline := time.After(waitLimit)
	for {
		s := c.screen()
		if ok(s) {
			return s
		}
		select {
		case <-c.changed:
		case <-deadline:
			c.t.Fatalf("timed out waiting for %s; the screen shows:\n%s", what, s)
		}
	}
}

func (c *console) waitText(text string) string {
	c.t.Helper()
	return c.waitFor(`"`+text+`"`, func(s string) bool { return strings.Contains(s, text) })
}

// typeKeys sends bytes as the keyboard would.
func (c *console) typeKeys(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.stdin, s); err != nil {
		c.t.Fatal(err)
	}
}
