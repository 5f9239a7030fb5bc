package sshserver

import (
	"os"
	"path/filepath"
	"testing"
)

func TestHostKeyIsCreatedPrivateAndKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "host_ed25519")
	first, err := LoadOrCreateHostKey(path)
	if err != nil || !first.Created {
		t.Fatalf("create: %+v %v", first, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("new host key mode %v; want 0600", fi.Mode().Perm())
	}
	again, err := LoadOrCreateHostKey(path)
	if err != nil || again.Created || again.Fingerprint != first.Fingerprint {
		t.Fatalf("reload: %+v %v; want the same key", again, err)
	}
	if fp, err := HostKeyFingerprint(path); err != nil || fp != first.Fingerprint {
		t.Errorf("fingerprint command = %q %v", fp, err)
	}

	// A key left readable by others is tightened, and said so.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	fixed, err := LoadOrCreateHostKey(path)
	if err != nil || !fixed.FixedMode {
		t.Fatalf("open key: %+v %v", fixed, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after load %v; want 0600", fi.Mode().Perm())
	}
}

func TestBrokenHostKeyIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "host_ed25519")
	if err := os.WriteFile(path, []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadOrCreateHostKey(path); err == nil {
		t.Fatal("a damaged host key was accepted (or silently replaced)")
	}
	if b, _ := os.ReadFile(path); string(b) != "not a key" {
		t.Error("the damaged host key file was overwritten")
	}
}
