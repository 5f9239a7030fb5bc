package e2e

import (
	"strings"
	"testing"
)

// A user whose language is French gets the console in French over SSH;
// L switches it to English; an English user's console stays English.
func TestAFrenchUsersConsoleIsFrench(t *testing.T) {
	l := newLab(t)
	key, pub := newKey(t)
	if out, errOut, code := run(t, l.lead, pub+"\n", "user", "add", "heloise", "--role", "responder", "--lang", "fr"); code != 0 {
		t.Fatalf("user add --lang fr: exit %d: %q %q", code, out, errOut)
	}
	if _, errOut, code := run(t, l.lead, "", "log", "Appel de la permanence CERT SANTÉ"); code != 0 {
		t.Fatal(errOut)
	}
	fr := openConsole(t, connect(t, l.srv.addr, key), 80, 24)
	fr.waitFor("the French console", func(s string) bool {
		return strings.Contains(s, "[1 Main courante]") && strings.Contains(s, "Phase : Alerte") && strings.Contains(s, "CERT SANTÉ")
	})
	fr.typeKeys("L")
	fr.waitFor("the console in English", func(s string) bool {
		return strings.Contains(s, "[1 Timeline]") && strings.Contains(s, "Stage: Alert")
	})
	en := openConsole(t, l.viewer, 80, 24)
	en.waitText("[1 Timeline]")
}
