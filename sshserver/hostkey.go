package sshserver

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"os"

	gossh "golang.org/x/crypto/ssh"

	"cellule/internal/atomicfile"
)

// HostKey is the server's identity: users check its fingerprint on their
// first connection, so it must survive restarts and stay private.
type HostKey struct {
	Signer      gossh.Signer
	Fingerprint string
	// Created is set when this call generated the key.
	Created bool
	// FixedMode is set when the file's permissions were too open and were
	// tightened to 0600.
	FixedMode bool
}

// LoadOrCreateHostKey reads the ed25519 host key at path, or creates it
// (0600, written to a temporary file, synced, then renamed, so a crash never
// leaves half a key).
func LoadOrCreateHostKey(path string) (HostKey, error) {
	if b, err := os.ReadFile(path); err == nil {
		return parseHostKey(path, b)
	} else if !os.IsNotExist(err) {
		return HostKey{}, fmt.Errorf("read host key: %w", err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return HostKey{}, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "cellule host key")
	if err != nil {
		return HostKey{}, err
	}
	data := pem.EncodeToMemory(block)
	if err := atomicfile.WriteData(path, data); err != nil {
		return HostKey{}, fmt.Errorf("write host key: %w", err)
	}
	hk, err := parseHostKey(path, data)
	hk.Created = true
	return hk, err
}

func parseHostKey(path string, data []byte) (HostKey, error) {
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return HostKey{}, fmt.Errorf("host key %s is not a usable private key: %w", path, err)
	}
	hk := HostKey{Signer: signer, Fingerprint: gossh.FingerprintSHA256(signer.PublicKey())}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(path, 0o600); err != nil {
			return HostKey{}, fmt.Errorf("host key %s is readable by others and cannot be fixed: %w", path, err)
		}
		hk.FixedMode = true
	}
	return hk, nil
}

// HostKeyFingerprint reads the fingerprint without creating anything.
func HostKeyFingerprint(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			return "", fmt.Errorf("no host key at %s yet: it is created by the first `cellule serve`", path)
		}
		return "", err
	}
	signer, err := gossh.ParsePrivateKey(b)
	if err != nil {
		return "", fmt.Errorf("host key %s is not a usable private key: %w", path, err)
	}
	return gossh.FingerprintSHA256(signer.PublicKey()), nil
}
