// Package crisistest registers people for the tests of packages built on
// crisis: the service checks every write against the registered users, so
// tests act as real users with real keys.
package crisistest

import (
	"crypto/ed25519"
	"crypto/sha256"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
)

// Key is a key pair derived from name, the same in every run, so golden
// files and fingerprints stay stable.
func Key(name string) (gossh.Signer, string) {
	seed := sha256.Sum256([]byte("cellule test key " + name))
	signer, err := gossh.NewSignerFromKey(ed25519.NewKeyFromSeed(seed[:]))
	if err != nil {
		panic(err) // a seed of the right size cannot fail
	}
	return signer, strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey())))
}

// Actor is who name's key makes with role, before or without registering.
func Actor(name string, role crisis.Role) crisis.Actor {
	signer, _ := Key(name)
	return crisis.Actor{Name: name, Role: role, Fingerprint: gossh.FingerprintSHA256(signer.PublicKey())}
}

// Register adds name with role to svc (as the host operator) and returns
// the actor that name's key makes.
func Register(t testing.TB, svc *crisis.Service, name string, role crisis.Role) crisis.Actor {
	t.Helper()
	_, pub := Key(name)
	u, err := svc.AddUser(crisis.LocalActor("test"), name, role, pub)
	if err != nil {
		t.Fatalf("register %s: %v", name, err)
	}
	return u.Actor(u.Keys[0].Fingerprint)
}
