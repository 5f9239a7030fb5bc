package sshserver

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestKnownHostsLineForEachListenAddress(t *testing.T) {
	hk, err := LoadOrCreateHostKey(filepath.Join(t.TempDir(), "host"))
	if err != nil {
		t.Fatal(err)
	}
	for listen, want := range map[string]string{
		"127.0.0.1:2222": "[127.0.0.1]:2222 ssh-ed25519 ",
		"10.0.0.5:22":    "10.0.0.5 ssh-ed25519 ",
		":2222":          "[HOST]:2222 ssh-ed25519 ",
		"0.0.0.0:2222":   "[HOST]:2222 ssh-ed25519 ",
		"[::]:2222":      "[HOST]:2222 ssh-ed25519 ",
		"[fd00::1]:2222": "[fd00::1]:2222 ssh-ed25519 ",
	} {
		l := LinesFor(hk.Signer.PublicKey(), listen)
		if !strings.HasPrefix(l.KnownHosts, want) || l.Placeholder != strings.Contains(want, "HOST") {
			t.Errorf("%s: %q placeholder %v, want %q...", listen, l.KnownHosts, l.Placeholder, want)
		}
		if l.Fingerprint != hk.Fingerprint || l.Type != "ED25519" {
			t.Errorf("%s: %s %s", listen, l.Fingerprint, l.Type)
		}
	}
}
