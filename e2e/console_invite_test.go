package e2e

import (
	"net"
	"regexp"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// A lead invites from the console over SSH: the card shows the host key
// this client saw and the port it reached, and its code enrols a key
// through the invite login.
func TestConsoleInviteShowsTheHostKeyAndEnrols(t *testing.T) {
	l := newLab(t)
	var seen gossh.PublicKey
	c, err := gossh.Dial("tcp", l.srv.addr, &gossh.ClientConfig{
		User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(l.leadKey)},
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error { seen = k; return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	con := openConsole(t, c, 100, 30)
	con.waitText("Timeline")
	con.typeKeys("4")
	con.waitText("c Checklists")
	con.typeKeys("d")
	con.typeKeys("\r") // leave the search
	con.typeKeys("i")
	con.waitText("Invite: their user name?")
	con.typeKeys("dominique\r")
	con.waitText("Role of dominique:")
	con.typeKeys("\r") // responder
	screen := con.waitText("Invite for dominique (responder)")
	_, port, _ := net.SplitHostPort(l.srv.addr)
	for _, want := range []string{"Host key:  " + gossh.FingerprintSHA256(seen), "ssh -p " + port + " invite@127.0.0.1"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the invite card lacks %q:\n%s", want, screen)
		}
	}
	m := regexp.MustCompile(`Code:\s+([2-9A-Z]{4}-[2-9A-Z]{4})`).FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no code on the card:\n%s", screen)
	}
	key, _ := newKey(t)
	said, exit := typeCodes(t, l.srv.addr, "", key, m[1])
	if exit != 0 || !strings.Contains(said, "Welcome, dominique: your key is enrolled as responder.") {
		t.Fatalf("the console's code at the invite login: exit %d\n%s", exit, said)
	}
}
