package crisis_test

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"errors"
	"math/big"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
	"cellule/crisis/crisistest"
)

// authorizedRSA makes an RSA key of bits and its authorized_keys line.
func authorizedRSA(t *testing.T, bits int) string {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := gossh.NewPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub))) + " old@laptop"
}

// authorizedDSA is a DSA public key line, in the wire form ssh-keygen
// wrote (x/crypto no longer reads DSA keys; its numbers need not make a
// usable key: the type alone must be refused).
func authorizedDSA() string {
	n := func(s string) *big.Int { v, _ := new(big.Int).SetString(s, 16); return v }
	blob := gossh.Marshal(struct {
		Name       string
		P, Q, G, Y *big.Int
	}{"ssh-dss", n("f" + strings.Repeat("3", 255)), n(strings.Repeat("9", 40)), n("2"), n(strings.Repeat("7", 256))})
	return "ssh-dss " + base64.StdEncoding.EncodeToString(blob) + " ancient@laptop"
}

func TestWeakKeysAreRefusedAtEnrolment(t *testing.T) {
	svc, _ := newService(t)
	rsa1024 := authorizedRSA(t, 1024)
	for _, c := range []struct{ what, key, says string }{
		{"RSA 1024", rsa1024, "this RSA key has 1024 bits; keys under 2048 bits are refused"},
		{"DSA", authorizedDSA(), "DSA keys are refused"},
	} {
		_, err := svc.AddUser(lead, "olga", crisis.RoleViewer, c.key)
		if !errors.Is(err, crisis.ErrInvalid) || !strings.Contains(crisis.Message(err), c.says) {
			t.Errorf("%s key: %v; want %q", c.what, err, c.says)
		}
		// Next to a good key, the weak one is named by its line.
		_, good := crisistest.Key("olga")
		_, err = svc.AddUser(lead, "olga", crisis.RoleViewer, good+"\n"+c.key)
		if msg := crisis.Message(err); !strings.HasPrefix(msg, "line 2: ") || !strings.Contains(msg, c.says) {
			t.Errorf("%s key on line 2: %q", c.what, msg)
		}
	}
	if us, err := svc.Users(lead); err != nil || len(us) != 3 {
		t.Errorf("users = %d %v; the refusals kept someone", len(us), err)
	}
	if _, err := svc.AddUser(lead, "olga", crisis.RoleViewer, authorizedRSA(t, 2048)); err != nil {
		t.Errorf("an RSA 2048 key: %v", err)
	}
}
