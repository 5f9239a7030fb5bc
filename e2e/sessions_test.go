package e2e

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"cellule/cli"
)

// openFDs is how many file descriptors this process (test and in-process
// server) has open.
func openFDs(t *testing.T) int {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	return len(fds)
}

// dumpGoroutines logs every goroutine's stack, to tell what was left.
func dumpGoroutines(t *testing.T) {
	var b strings.Builder
	_ = pprof.Lookup("goroutine").WriteTo(&b, 1)
	out := b.String()
	if len(out) > 20000 {
		out = out[:20000] + "\n..."
	}
	t.Log(out)
}

// baseline is how many file descriptors and goroutines the process has
// with the lab's connections fully set up on both sides (a command on each
// has been answered).
func baseline(t *testing.T, l *lab) (fds, goroutines int) {
	t.Helper()
	for _, c := range []*client{l.lead, l.responder, l.viewer} {
		if _, errOut, code := run(t, c, "", "whoami"); code != 0 {
			t.Fatalf("whoami: exit %d %s", code, errOut)
		}
	}
	return openFDs(t), runtime.NumGoroutine()
}

// within runs fn and reports whether it returned before waitLimit: a
// connection the server stopped reading never answers.
func within(fn func() error) error {
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-time.After(waitLimit):
		return errors.New("no answer: the server stopped reading this connection")
	}
}

// resizeStorm sends n window changes on a session, as a terminal being
// dragged does; the client does not wait for answers.
func resizeStorm(sess *gossh.Session, n int) {
	for i := 0; i < n; i++ {
		if sess.WindowChange(24+i%40, 80+i%100) != nil {
			return
		}
	}
}

// The console ends at once (its input is closed), then the client keeps
// resizing and hangs up. Nothing of those connections may stay: the server
// reads every window change until the session is gone.
func TestAResizeStormLeavesNothingHeld(t *testing.T) {
	o := cli.ServeOptions{ServeLimits: cli.DefaultServeLimits()}
	o.MaxSessionsPerUser = 0 // connections close while the next ones open
	l := newLabWith(t, o)
	fds, goroutines := baseline(t, l)

	const conns, resizes, parallel = 300, 2000, 8
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	for i := 0; i < conns; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			fail := func(err error) {
				mu.Lock()
				failures = append(failures, err.Error())
				mu.Unlock()
			}
			c, err := dial(l.srv.addr, gossh.PublicKeys(l.viewerKey))
			if err != nil {
				fail(err)
				return
			}
			defer c.Close()
			sess, err := c.NewSession()
			if err != nil {
				fail(err)
				return
			}
			if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
				fail(err)
				return
			}
			sess.Stdin = strings.NewReader("") // the console ends at once
			if err := sess.Shell(); err != nil {
				fail(err)
				return
			}
			resizeStorm(sess, resizes)
		}()
	}
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d of %d storm connections failed; first: %s", len(failures), conns, failures[0])
	}

	// A lead logs in at once, and is served.
	if err := within(func() error {
		c, err := dial(l.srv.addr, gossh.PublicKeys(l.leadKey))
		if err != nil {
			return err
		}
		defer c.Close()
		sess, err := c.NewSession()
		if err != nil {
			return err
		}
		defer sess.Close()
		out, err := sess.Output("whoami")
		if err == nil && !strings.Contains(string(out), "lead") {
			err = fmt.Errorf("whoami said %q", out)
		}
		return err
	}); err != nil {
		t.Fatalf("the lead after the storm: %v", err)
	}
	var nowFDs, nowGoroutines int
	deadline := time.Now().Add(4 * waitLimit)
	for {
		nowFDs, nowGoroutines = openFDs(t), runtime.NumGoroutine()
		if nowFDs <= fds && nowGoroutines <= goroutines {
			break
		}
		if time.Now().After(deadline) {
			dumpGoroutines(t)
			t.Fatalf("after %d storms the server still holds %d file descriptors and %d goroutines more than before", conns, nowFDs-fds, nowGoroutines-goroutines)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A session that resizes before it starts its command, and one whose
// command (with a terminal) never looks at the size: the connection goes
// on serving its next sessions.
func TestResizesAroundACommandDoNotStopItsConnection(t *testing.T) {
	l := newLab(t)
	whoami := func() error {
		sess, err := l.responder.NewSession()
		if err != nil {
			return err
		}
		defer sess.Close()
		out, err := sess.Output("whoami")
		if err == nil && !strings.HasPrefix(string(out), "bob ") {
			err = fmt.Errorf("whoami said %q", out)
		}
		return err
	}
	// Resized before its command: the command still runs.
	if err := within(func() error {
		sess, err := l.responder.NewSession()
		if err != nil {
			return err
		}
		defer sess.Close()
		if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
			return err
		}
		resizeStorm(sess, 2000)
		out, err := sess.Output("whoami")
		if err == nil && !strings.HasPrefix(string(out), "bob ") {
			err = fmt.Errorf("whoami said %q", out)
		}
		return err
	}); err != nil {
		t.Fatalf("a command after 2,000 resizes: %v", err)
	}
	// Resized while (and after) its command runs with a terminal.
	sess, err := l.responder.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Start("timeline"); err != nil {
		t.Fatal(err)
	}
	resizeStorm(sess, 2000)
	_ = sess.Wait()
	_ = sess.Close()
	if err := within(whoami); err != nil {
		t.Fatalf("the next command on that connection: %v", err)
	}
}

// rejected reports whether err is the server refusing a channel for
// want of room, with a message that says it.
func rejected(err error, says string) bool {
	var oce *gossh.OpenChannelError
	return errors.As(err, &oce) && oce.Reason == gossh.ResourceShortage && strings.Contains(oce.Message, says)
}

func TestOneConnectionHoldsAtMostTenSessions(t *testing.T) {
	l := newLab(t)
	var cons []*console
	for i := 0; i < 10; i++ {
		con := openConsole(t, l.viewer, 80, 24)
		con.waitText("Timeline")
		cons = append(cons, con)
	}
	_, err := l.viewer.NewSession()
	if !rejected(err, "this connection already has 10 sessions open") {
		t.Fatalf("an 11th session on one connection: %v", err)
	}
	// Its other connections, and everyone else's, are served.
	other := connect(t, l.srv.addr, l.viewerKey)
	if out, _, code := run(t, other, "", "whoami"); code != 0 || !strings.HasPrefix(out, "vera ") {
		t.Fatalf("the viewer's second connection: %q exit %d", out, code)
	}
	openConsole(t, l.lead, 80, 24).waitText("Timeline")
	// A closed session gives its place back.
	cons[0].sess.Close()
	waitUntil(t, "the closed console's place is free", func() bool {
		sess, err := l.viewer.NewSession()
		if err != nil {
			return false
		}
		defer sess.Close()
		return sess.Run("whoami") == nil
	})
}

func TestOneUserHoldsAtMostTheirShareOfSessions(t *testing.T) {
	o := cli.ServeOptions{ServeLimits: cli.DefaultServeLimits()}
	o.MaxSessionsPerConnection, o.MaxSessionsPerUser = 3, 4
	l := newLabWith(t, o)
	second := connect(t, l.srv.addr, l.viewerKey)
	var cons []*console
	for i := 0; i < 4; i++ {
		c := l.viewer
		if i >= 3 {
			c = second
		}
		con := openConsole(t, c, 80, 24)
		con.waitText("Timeline")
		cons = append(cons, con)
	}
	_, err := second.NewSession()
	if !rejected(err, "you already have 4 sessions open") {
		t.Fatalf("a 5th session of one user, on another connection: %v", err)
	}
	third := connect(t, l.srv.addr, l.viewerKey)
	if _, err := third.NewSession(); !rejected(err, "you already have 4 sessions open") {
		t.Fatalf("a 5th session of one user, on a new connection: %v", err)
	}
	// The others are not held back by that user.
	if out, _, code := run(t, l.responder, "", "whoami"); code != 0 || !strings.HasPrefix(out, "bob ") {
		t.Fatalf("another user: %q exit %d", out, code)
	}
	cons[3].sess.Close()
	waitUntil(t, "the closed console's place is free", func() bool {
		sess, err := third.NewSession()
		if err != nil {
			return false
		}
		defer sess.Close()
		return sess.Run("whoami") == nil
	})
}

// Channels opened and never used: past the bound they are refused, and
// refused or closed, they leave nothing behind.
func TestChannelsWithoutRequestsAreBoundedAndFreed(t *testing.T) {
	l := newLab(t)
	_, goroutines := baseline(t, l)
	c := connect(t, l.srv.addr, l.viewerKey)
	var open []gossh.Channel
	refused := 0
	for i := 0; i < 2000; i++ {
		ch, reqs, err := c.OpenChannel("session", nil)
		switch {
		case err == nil:
			go gossh.DiscardRequests(reqs)
			open = append(open, ch)
		case rejected(err, "sessions open"):
			refused++
		default:
			t.Fatalf("channel %d: %v", i, err)
		}
	}
	if len(open) != 10 || refused != 1990 {
		t.Fatalf("2,000 channels opened on one connection: %d accepted, %d refused; want 10 and 1,990", len(open), refused)
	}
	// Closed channels give their places back, as many times as they are
	// opened and closed again.
	for _, ch := range open {
		_ = ch.Close()
	}
	for i := 0; i < 300; i++ {
		var ch gossh.Channel
		waitUntil(t, "a closed channel's place is free", func() bool {
			var err error
			var reqs <-chan *gossh.Request
			ch, reqs, err = c.OpenChannel("session", nil)
			if err == nil {
				go gossh.DiscardRequests(reqs)
			}
			return err == nil
		})
		_ = ch.Close()
	}
	if out, _, code := run(t, c, "", "whoami"); code != 0 || !strings.HasPrefix(out, "vera ") {
		t.Fatalf("the connection after its channels: %q exit %d", out, code)
	}
	c.Close()
	deadline := time.Now().Add(waitLimit)
	for runtime.NumGoroutine() > goroutines {
		if time.Now().After(deadline) {
			dumpGoroutines(t)
			t.Fatalf("the connection and its channels left %d goroutines (%d before)", runtime.NumGoroutine()-goroutines, goroutines)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestALeadGetsInWhenOthersFilledTheCap(t *testing.T) {
	o := cli.ServeOptions{ServeLimits: cli.DefaultServeLimits()}
	o.MaxSessions, o.LeadReserve = 5, 2
	l := newLabWith(t, o)
	for i := 0; i < 3; i++ {
		openConsole(t, l.viewer, 80, 24).waitText("Timeline")
	}
	_, errOut, code := run(t, l.responder, "", "log", "should not be saved")
	if code != 1 || !strings.Contains(errOut, "kept for leads") {
		t.Fatalf("a responder's session once the others filled the cap: exit %d %q", code, errOut)
	}
	openConsole(t, l.lead, 80, 24).waitText("Timeline")
	if out, _, code := run(t, l.lead, "", "timeline"); code != 0 || strings.Contains(out, "should not be saved") {
		t.Fatalf("the lead's command with the cap filled by viewers: exit %d\n%s", code, out)
	}
}
