package e2e

import (
	"bytes"
	"io"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// A client that claims a terminal of two billion rows gets a console of a
// bounded size, and the server carries on serving everyone else: a size
// taken as it comes would have the frame writer allocate per claimed row.
func TestClaimedHugeTerminalIsBounded(t *testing.T) {
	l := newLab(t)
	sess, err := l.responder.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.RequestPty("xterm", 2_000_000_000, 2_000_000_000, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	// Its first frame arrives, drawn at the bounded size.
	var seen bytes.Buffer
	buf := make([]byte, 32*1024)
	for !bytes.Contains(seen.Bytes(), []byte("Timeline")) {
		n, err := stdout.Read(buf)
		seen.Write(buf[:n])
		if err != nil {
			t.Fatalf("the console ended before its first frame (%v): %q", err, seen.String())
		}
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()

	// Everyone else is still served.
	watcher := openConsole(t, l.viewer, 80, 24)
	watcher.waitText("Timeline")
	if _, stderr, code := run(t, l.lead, "", "log", "still", "serving"); code != 0 {
		t.Fatalf("log after the huge terminal: exit %d, %s", code, stderr)
	}
	watcher.waitText("still serving")
}
