package e2e

import (
	"errors"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"cellule/cli"
)

// idleLab serves with a short idle timeout: the warning comes after half of
// it, the closing after all of it.
func idleLab(t *testing.T) *lab {
	t.Helper()
	o := cli.ServeOptions{ServeLimits: cli.DefaultServeLimits()}
	o.IdleTimeout = 2 * time.Second
	return newLabWith(t, o)
}

func TestIdleConsoleWithUnsavedTextIsWarnedThenClosed(t *testing.T) {
	l := idleLab(t)
	con := openConsole(t, l.responder, 80, 24)
	con.waitText("Timeline")
	con.typeKeys("n")
	con.waitText("Happened at")
	con.typeKeys("Draft not saved yet")
	con.waitText("Unsaved text! Closing in")
	con.waitText("closed after 2s without a key pressed")
	ended := make(chan error, 1)
	go func() { ended <- con.sess.Wait() }()
	select {
	case <-ended:
	case <-time.After(waitLimit):
		t.Fatal("the idle console's session did not end")
	}
	if !strings.Contains(l.srv.out.String(), "console closed: idle") {
		t.Errorf("the idle close is not logged:\n%s", l.srv.out)
	}
}

func TestIdleConsoleWithoutTextIsWarnedPlainly(t *testing.T) {
	l := idleLab(t)
	con := openConsole(t, l.responder, 80, 24)
	con.waitText("Timeline")
	screen := con.waitText("No key pressed for a while")
	if strings.Contains(screen, "Unsaved") {
		t.Errorf("a console with no text was told of unsaved text:\n%s", screen)
	}
	// A key resets the clock: the warning goes, the console stays.
	con.typeKeys("j")
	con.waitFor("the warning to go", func(s string) bool { return !strings.Contains(s, "No key pressed") })
	con.waitText("closed after 2s")
}

func TestCommandWaitingForInputIsClosedWithNothingSaved(t *testing.T) {
	l := idleLab(t)
	sess, err := l.responder.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	stdin, _ := sess.StdinPipe() // held open, never closed
	defer stdin.Close()
	var errOut strings.Builder
	sess.Stderr = &errOut
	if err := sess.Start("log"); err != nil {
		t.Fatal(err)
	}
	if _, err := stdin.Write([]byte("the first half of an entry")); err != nil {
		t.Fatal(err)
	}
	err = sess.Wait()
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Fatalf("an idle command ended with %v; want exit status 1", err)
	}
	if !strings.Contains(errOut.String(), "nothing was saved") {
		t.Errorf("the user was told %q", errOut.String())
	}
	if out, _, _ := run(t, l.lead, "", "timeline"); strings.Contains(out, "first half") {
		t.Errorf("the idle command saved what it had read:\n%s", out)
	}
}
