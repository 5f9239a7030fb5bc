package e2e

import (
	"errors"

	"encoding/json"
	gossh "golang.org/x/crypto/ssh"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestExecLogThenTimelineJSON(t *testing.T) {
	l := newLab(t)
	// A backdated time within the window around the crisis (README).
	at := time.Now().AddDate(0, 0, -2).Format("2006-01-02") + "T03:40"
	out, errOut, code := run(t, l.responder, "", "log", "Firewall rules reloaded", "--kind", "action", "--at", at)
	if code != 0 {
		t.Fatalf("log exit %d: %s", code, errOut)
	}
	id, err := strconv.Atoi(strings.TrimSpace(out))
	if err != nil || id < 1 {
		t.Fatalf("log printed %q; want the entry's number", out)
	}
	// Text on standard input, for scripts and sensors.
	if _, errOut, code := run(t, l.responder, "Backup server disconnected\n", "log", "--kind", "action"); code != 0 {
		t.Fatalf("log from stdin exit %d: %s", code, errOut)
	}

	out, errOut, code = run(t, l.viewer, "", "timeline", "--json")
	if code != 0 {
		t.Fatalf("timeline exit %d: %s", code, errOut)
	}
	var entries []map[string]any
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatalf("timeline --json is not a JSON array: %v\n%s", err, out)
	}
	var got map[string]any
	for _, e := range entries {
		if e["id"] == float64(id) {
			got = e
		}
	}
	if got == nil {
		t.Fatalf("entry %d missing from %s", id, out)
	}
	if got["text"] != "Firewall rules reloaded" || got["kind"] != "action" || got["author"] != "bob" || got["amends"] != nil {
		t.Errorf("entry = %v", got)
	}
	for _, field := range []string{"occurred_at", "recorded_at"} {
		ts, _ := got[field].(string)
		parsed, err := time.Parse(time.RFC3339, ts)
		if err != nil || !strings.HasSuffix(ts, "Z") {
			t.Errorf("%s = %q is not RFC 3339 UTC", field, ts)
		}
		if field == "occurred_at" && parsed.In(time.Local).Format("2006-01-02T15:04") != at {
			t.Errorf("occurred_at = %s; want %s local time", ts, at)
		}
	}
	last := entries[len(entries)-1]
	if last["text"] != "Backup server disconnected" {
		t.Errorf("the entry from stdin reads %v", last["text"])
	}
}

func TestViewerCannotWrite(t *testing.T) {
	l := newLab(t)
	before, _, _ := run(t, l.viewer, "", "timeline", "--json")
	_, errOut, code := run(t, l.viewer, "", "log", "I only watch")
	if code == 0 || !strings.Contains(errOut, "viewer may not write") {
		t.Errorf("viewer log: exit %d, stderr %q", code, errOut)
	}
	if _, errOut, code := run(t, l.viewer, "", "stage", "containment"); code == 0 || !strings.Contains(errOut, "may not") {
		t.Errorf("viewer stage change: exit %d, stderr %q", code, errOut)
	}
	after, _, _ := run(t, l.viewer, "", "timeline", "--json")
	if before != after {
		t.Errorf("a refused write changed the timeline:\n%s\n->\n%s", before, after)
	}
}

func TestBadCommandsPrintUsage(t *testing.T) {
	l := newLab(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"launch-missiles"}, "unknown command"},
		{[]string{"log", "x", "--colour", "red"}, "unknown flag"},
		{[]string{"log", "x", "--kind", "gossip"}, "unknown kind"},
		{[]string{"log", "x", "--at", "41:05"}, "cannot read the time"},
		{[]string{"timeline", "extra"}, "unknown command"},
	}
	for _, c := range cases {
		out, errOut, code := run(t, l.responder, "", c.args...)
		if code == 0 || !strings.Contains(errOut, c.want) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want a failure saying %q", c.args, code, out, errOut, c.want)
		}
	}
	_, errOut, _ := run(t, l.responder, "", "launch-missiles")
	if !strings.Contains(errOut, "Usage:") {
		t.Errorf("an unknown command does not show the usage: %q", errOut)
	}
}

func TestWhoami(t *testing.T) {
	l := newLab(t)
	for c, want := range map[*client]string{l.lead: l.leadName + " lead", l.responder: "bob responder", l.viewer: "vera viewer"} {
		if out, _, code := run(t, c, "", "whoami"); code != 0 || strings.TrimSpace(out) != want {
			t.Errorf("whoami = %q (exit %d); want %q", out, code, want)
		}
	}
}

// `ssh host log "Firewall isn't responding" --kind escalation` reaches the
// server as one line with a lone apostrophe: refuse it whole rather than log
// a mangled text of the wrong kind.
func TestUnbalancedQuoteIsRefusedNotMangled(t *testing.T) {
	l := newLab(t)
	_, errOut, code := runRaw(t, l.responder, "", "log Firewall isn't responding --kind escalation")
	if code != 2 || !strings.Contains(errOut, "quote is not closed") {
		t.Errorf("exit %d, stderr %q; want exit 2 and a word about quotes", code, errOut)
	}
	if out, _, _ := run(t, l.responder, "", "timeline"); strings.Contains(out, "Firewall") {
		t.Errorf("a mangled entry was logged:\n%s", out)
	}
	// The way the message suggests works.
	if _, errOut, code := runRaw(t, l.responder, "", `log 'Firewall is not responding' --kind escalation`); code != 0 {
		t.Errorf("quoted for the server: exit %d %s", code, errOut)
	}
}

// `ssh -t host log` with no text would wait for a Ctrl-D that a terminal
// session never sends: it must say what is missing instead.
func TestLogWithoutTextOnATerminalSaysWhatIsMissing(t *testing.T) {
	l := newLab(t)
	sess, err := l.responder.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.RequestPty("xterm", 24, 80, nil); err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{} // stdout and stderr are copied by two goroutines
	sess.Stdout, sess.Stderr = out, out
	err = sess.Run("log")
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 || !strings.Contains(out.String(), "nothing given") {
		t.Errorf("ssh -t host log: %v, %q", err, out.String())
	}
}

// An indicator of compromise typed on the command line reaches the logbook
// as typed: a POSIX splitter would eat the backslashes of a Windows path.
func TestWindowsPathsSurviveTheCommandLine(t *testing.T) {
	l := newLab(t)
	if _, errOut, code := runRaw(t, l.responder, "", `log Dropper at C:\Windows\Temp\x.exe --kind fact`); code != 0 {
		t.Fatal(errOut)
	}
	out, _, _ := run(t, l.responder, "", "timeline", "--json")
	if !strings.Contains(out, `Dropper at C:\\Windows\\Temp\\x.exe"`) {
		t.Errorf("the path was changed on its way:\n%s", out)
	}
}
