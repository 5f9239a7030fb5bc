package oncall_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"regexp"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
	"cellule/tui/internal/tuitest"
)

// A lead invites someone from the directory: name, role, and a card with
// the code, its expiry, what to run and the host key; the code read off
// the card enrols a key with that role.
func TestLeadInvitesFromTheDirectory(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedOnCall(t)
	tm, scr, wait := openOnCall(t, f, tuitest.Lead, nil)
	tuitest.Press(tm, "d")
	tuitest.Press(tm, "enter") // leave the search: the keys are commands again
	tuitest.Press(tm, "?")
	scr.WaitUntil(t, tm, inviteKey.MatchString, "i invite in the help")
	tuitest.Press(tm, "?")
	tuitest.Press(tm, "i")
	wait("Invite: their user name?")
	tm.Type("bad name!")
	tuitest.Press(tm, "enter")
	wait("Invite: their user name?") // refused: the prompt stays, with the text
	wait("bad name!")
	for range len("bad name!") {
		tuitest.Press(tm, "backspace")
	}
	tm.Type("dominique")
	tuitest.Press(tm, "enter")
	wait("Role of dominique:")
	tuitest.Press(tm, "down") // viewer
	tuitest.Press(tm, "enter")
	wait("Invite for dominique (viewer)")
	screen := scr.Text()
	for _, want := range []string{"Works once, until 2022-09-12 04:27 UTC (15m0s).", "They run:  ssh -p 2222 invite@HOST", "Host key:  not known here: on the host, cellule fingerprint prints it."} {
		if !strings.Contains(screen, want) {
			t.Errorf("the card lacks %q:\n%s", want, tuitest.LastLines(screen))
		}
	}
	code := regexp.MustCompile(`Code:\s+(\S+)`).FindStringSubmatch(screen)
	if code == nil {
		t.Fatalf("no code on the card:\n%s", tuitest.LastLines(screen))
	}
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	key, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	u, err := f.Svc.RedeemInvite(code[1], key, "192.0.2.7:5555")
	if err != nil {
		t.Fatalf("the code on the card does not enrol: %v", err)
	}
	if u.Name != "dominique" || u.Role != crisis.RoleViewer {
		t.Errorf("enrolled %s as %s", u.Name, u.Role)
	}
	tuitest.Press(tm, "x") // any key puts the card away
	scr.WaitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "Code:") && strings.Contains(s, "contacts") }, "the directory again")
}

// inviteKey is the invite key in the full help.
var inviteKey = regexp.MustCompile(`\bi\s+invite\b`)

// Only a lead is offered the key.
func TestResponderIsNotOfferedInvite(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm, scr, wait := openOnCall(t, f, tuitest.Responder, nil)
	tuitest.Press(tm, "d")
	tuitest.Press(tm, "enter")
	tuitest.Press(tm, "?")
	wait("less")
	if inviteKey.MatchString(scr.Text()) {
		t.Errorf("a responder is offered invite:\n%s", tuitest.LastLines(scr.Text()))
	}
	tuitest.Press(tm, "?")
	tuitest.Press(tm, "i")
	wait("may not")
}
