package e2e

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestConsolesShareTheLogbookLive(t *testing.T) {
	l := newLab(t)
	watcher := openConsole(t, l.viewer, 80, 24)
	watcher.waitText("Timeline")

	writer := openConsole(t, l.responder, 100, 30)
	writer.waitText("Timeline")
	// The watcher's header learns that bob joined, without a key press.
	watcher.waitText("bob")

	writer.typeKeys("n")
	writer.waitText("Happened at")
	writer.typeKeys("Backup server disconnected from the network")
	writer.typeKeys("\x13") // Ctrl+S saves
	writer.waitText("Saved as #")
	writer.waitText("Backup server disconnected from the network")

	// The other session shows it with no input at all.
	watcher.waitText("Backup server disconnected")

	// And it is really committed: a script sees it too.
	out, _, _ := run(t, l.lead, "", "timeline")
	if !strings.Contains(out, "Backup server disconnected from the network") || !strings.Contains(out, "bob") {
		t.Errorf("the entry saved in the console is not in the timeline:\n%s", out)
	}

	// An exec write shows up live too, in both consoles.
	if _, errOut, code := run(t, l.lead, "", "log", "CERT Santé called back", "--kind", "info"); code != 0 {
		t.Fatal(errOut)
	}
	watcher.waitText("CERT Santé called back")
	writer.waitText("CERT Santé called back")
}

func TestConsoleShowsNoControlSequencesFromOthers(t *testing.T) {
	l := newLab(t)
	watcher := openConsole(t, l.viewer, 80, 24)
	watcher.waitText("Timeline")
	evil := "title\x1b]0;pwned\x07 clear\x1b[2J clip\x1b]52;c;SGVsbG8=\x07 rtl\u202eevil end"
	if _, errOut, code := run(t, l.responder, evil, "log"); code != 0 {
		t.Fatal(errOut)
	}
	screen := watcher.waitText("rtl")
	if strings.Contains(screen, "pwned") || strings.Contains(screen, "SGVsbG8") {
		t.Errorf("a control sequence's payload reached the screen:\n%s", screen)
	}
	watcher.mu.Lock()
	title := watcher.em.String()
	watcher.mu.Unlock()
	if !strings.Contains(title, "Timeline") {
		t.Errorf("the screen was cleared by another user's text:\n%s", title)
	}
}

func TestDemoLoadsTheCahorsScenario(t *testing.T) {
	leadKey, leadPub := newKey(t)
	srv := startServer(t, t.TempDir(), homeWithKey(t, leadPub), true)
	c := connect(t, srv.addr, leadKey)
	out, _, code := run(t, c, "", "timeline")
	if code != 0 || !strings.Contains(out, "2022-08-23") || !strings.Contains(out, "CERT Santé") || !strings.Contains(out, "Zimbra") {
		t.Errorf("the demo timeline lacks the seed's chronology:\n%s", out)
	}
	stage, _, _ := run(t, c, "", "stage")
	if !strings.Contains(stage, "Cahors") {
		t.Errorf("the demo crisis is %q", stage)
	}
}

// A client may run several sessions on one connection and close one: that
// console must end, and leave the list of who is online.
func TestClosingAChannelEndsItsConsole(t *testing.T) {
	l := newLab(t)
	watcher := openConsole(t, l.lead, 100, 30)
	watcher.waitText("Timeline")
	other := openConsole(t, l.viewer, 80, 24)
	other.waitText("Timeline")
	watcher.waitText("vera")
	if err := other.sess.Close(); err != nil {
		t.Fatal(err)
	}
	// The connection stays open; only the channel is gone.
	if _, _, code := run(t, l.viewer, "", "whoami"); code != 0 {
		t.Fatal("the viewer's connection closed with its console")
	}
	watcher.waitFor("vera to leave the header", func(s string) bool {
		header := strings.SplitN(s, "\n", 3)
		return len(header) > 1 && !strings.Contains(header[1], "vera")
	})
}

// Revoking a user closes their open console at once, with the form they were
// typing in unsaved: the record, not the login, says who sees the crisis.
func TestRevokingClosesOpenConsoles(t *testing.T) {
	l := newLab(t)
	con := openConsole(t, l.responder, 100, 30)
	con.waitText("Timeline")
	con.typeKeys("n")
	con.waitText("Happened at")
	con.typeKeys("Written after my revocation")
	if _, errOut, code := run(t, l.lead, "", "user", "revoke", "bob"); code != 0 {
		t.Fatal(errOut)
	}
	// The console closes by itself, saying why, and nothing was written.
	con.waitText("your access changed")
	if out, _, _ := run(t, l.lead, "", "timeline"); strings.Contains(out, "Written after my revocation") {
		t.Errorf("a revoked user's console wrote:\n%s", out)
	}
	if err := con.sess.Wait(); err == nil {
		t.Error("the revoked user's session ended with success")
	}
}

// Each console runs a program, a subscription and a few goroutines; none of
// them may outlive the session.
func TestConsolesLeaveNothingRunning(t *testing.T) {
	l := newLab(t)
	var cons []*console
	for i := 0; i < 5; i++ {
		c := openConsole(t, l.viewer, 80, 24)
		c.waitText("Timeline")
		cons = append(cons, c)
	}
	if n, _ := consoleGoroutines(); n == 0 {
		t.Fatal("no console goroutine found while five consoles are open: the count below would prove nothing")
	}
	// A change reaches them all, so each has its wait re-armed.
	if _, errOut, code := run(t, l.responder, "", "log", "ping"); code != 0 {
		t.Fatal(errOut)
	}
	for _, c := range cons {
		c.waitText("ping")
		c.typeKeys("q")
	}
	deadline := time.Now().Add(waitLimit)
	for {
		n, stacks := consoleGoroutines()
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d console goroutines still running after the consoles closed:\n%s", n, stacks)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// consoleGoroutines counts the goroutines running the server's console
// code (the test's own SSH clients and emulators do not count). Bubble Tea's
// input reader is not counted either: it can stay blocked after its program
// ended when one read held more keys than the program took before quitting
// (ultraviolet's TerminalReader.sendEvents does not watch the context), which
// is an upstream leak that no code of ours holds.
func consoleGoroutines() (int, string) {
	buf := make([]byte, 4<<20)
	all := string(buf[:runtime.Stack(buf, true)])
	n := 0
	var found []string
	for _, g := range strings.Split(all, "\n\n") {
		if strings.Contains(g, "cellule/tui.") || strings.Contains(g, "sshserver.(*Server).console") ||
			strings.Contains(g, "sshserver.(*accessWatch)") || strings.Contains(g, "sshserver.(*keyPump)") ||
			(strings.Contains(g, "charm.land/bubbletea") && !strings.Contains(g, "(*Program).readLoop")) {
			n++
			found = append(found, g)
		}
	}
	return n, strings.Join(found, "\n\n")
}
