package crisis_test

import (
	"errors"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/internal/hostile"
)

// FuzzParseKeys feeds the key-file parser (`user add --key-file`, keys on
// standard input): it refuses with a catalogued code or returns keys that
// are whole, with a comment safe to show.
func FuzzParseKeys(f *testing.F) {
	_, alice := crisistest.Key("alice")
	_, bob := crisistest.Key("bob")
	f.Add(alice + " alice@laptop\n")
	f.Add("# keys\n\n" + alice + "\n" + bob + " bob\n")
	f.Add(alice + " \x1b]0;PWNED\x07comment\u202e")
	f.Add("ssh-ed25519 AAAA not-base64")
	f.Add("ssh-rsa\n")
	f.Add(strings.Repeat("#", 70000))
	f.Fuzz(func(t *testing.T, text string) {
		keys, err := crisis.ParseKeys(text)
		if err != nil {
			if !errors.Is(err, crisis.ErrInvalid) {
				t.Fatalf("ParseKeys(%q): unexpected error kind %v", text, err)
			}
			if crisis.Message(err) == "" {
				t.Fatalf("ParseKeys(%q): error without a message", text)
			}
			return
		}
		if len(keys) == 0 {
			t.Fatalf("ParseKeys(%q) returned no key and no error", text)
		}
		for _, k := range keys {
			pub, _, _, _, err := gossh.ParseAuthorizedKey([]byte(k.AuthorizedKey))
			if err != nil {
				t.Fatalf("ParseKeys(%q) kept %q, which does not parse again: %v", text, k.AuthorizedKey, err)
			}
			if gossh.FingerprintSHA256(pub) != k.Fingerprint {
				t.Fatalf("fingerprint %s does not match key %q", k.Fingerprint, k.AuthorizedKey)
			}
			if err := hostile.Check(k.Comment); err != nil || strings.Contains(k.Comment, "\n") {
				t.Fatalf("comment of %q: %v", text, err)
			}
		}
	})
}
