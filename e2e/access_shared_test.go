package e2e

import "testing"

// The server watches every session's access with one watcher: revoking one
// user closes their console and leaves the others' open and served, a
// later revocation included.
func TestRevokingOneLeavesTheOtherConsolesServed(t *testing.T) {
	l := newLab(t)
	bob := openConsole(t, l.responder, 100, 30)
	bob.waitText("Timeline")
	viewer := openConsole(t, l.viewer, 100, 30)
	viewer.waitText("Timeline")
	if _, errOut, code := run(t, l.lead, "", "user", "revoke", "bob"); code != 0 {
		t.Fatal(errOut)
	}
	bob.waitText("your access changed")
	if _, errOut, code := run(t, l.lead, "", "log", "still watched after the revocation"); code != 0 {
		t.Fatal(errOut)
	}
	viewer.waitText("still watched after the revocation")
	if err := bob.sess.Wait(); err == nil {
		t.Error("the revoked user's session ended with success")
	}
	// The watcher keeps watching the consoles left: revoking the viewer
	// closes hers.
	if _, errOut, code := run(t, l.lead, "", "user", "revoke", "vera"); code != 0 {
		t.Fatal(errOut)
	}
	viewer.waitText("your access changed")
}
