package e2e

import (
	"context"
	"strings"
	"testing"

	"cellule/app"
	"cellule/cli"
)

// serve --read-only: the console and every command read the record as it
// is, and each write, typed in the console or sent as a command, is
// refused with a sentence that says the record is read-only.
func TestReadOnlyRefusesWritesInTheConsole(t *testing.T) {
	l := newLab(t)
	mustRun(t, l.responder, "", "log", "Backups isolated")
	l.srv.stop()
	srv := startServerWith(t, l.srv.dir, t.TempDir(), cli.ServeOptions{ReadOnly: true})
	if !strings.Contains(srv.out.String(), "read-only") {
		t.Errorf("serve --read-only's start-up report: %q", srv.out.String())
	}
	responder := connect(t, srv.addr, l.responderKey)
	con := openConsole(t, responder, 100, 30)
	con.waitText("Backups isolated")
	con.typeKeys("n")
	con.waitText("Happened at")
	con.typeKeys("Typed during the outage")
	con.waitText("Typed during the outage")
	con.typeKeys("\x13") // Ctrl+S saves
	screen := con.waitText("NOT SAVED: the record is read-only")
	if strings.Contains(screen, "Saved as #") {
		t.Errorf("the console acknowledged a write to a read-only record:\n%s", screen)
	}
	if _, errOut, code := run(t, responder, "", "log", "Sent to a read-only record"); code != 1 || !strings.Contains(errOut, "NOT SAVED: the record is read-only") {
		t.Errorf("log on a read-only record: exit %d %q", code, errOut)
	}
	if out := mustRun(t, responder, "", "timeline"); strings.Contains(out, "read-only record") || strings.Contains(out, "during the outage") || !strings.Contains(out, "Backups isolated") {
		t.Errorf("the timeline after the refused writes:\n%s", out)
	}
	// --read-only changes nothing, so it takes no option that would.
	err := startError(t, l.srv.dir, cli.ServeOptions{ReadOnly: true, Demo: true})
	if err == nil || !strings.Contains(err.Error(), "--read-only serves the record as it is") {
		t.Errorf("serve --read-only --demo: %v", err)
	}
}

// startError is what serve says refusing to start on dir with o.
func startError(t *testing.T, dir string, o cli.ServeOptions) error {
	t.Helper()
	o.DataDir, o.Listen = dir, "127.0.0.1:0"
	ready := make(chan struct{}, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- app.Serve(ctx, o, app.Hooks{Home: t.TempDir(), Ready: func(string) { ready <- struct{}{} }})
	}()
	select {
	case err := <-done:
		return err
	case <-ready:
		cancel()
		<-done
		return nil
	}
}
