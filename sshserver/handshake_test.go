package sshserver

import (
	"bufio"
	"context"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"

	"cellule/crisis"
	"cellule/store"
)

func TestDefaultLimits(t *testing.T) {
	l := DefaultLimits()
	if l.HandshakeTimeout != 10*time.Second || l.IdleTimeout != 30*time.Minute || l.MaxSessions != 500 || maxAuthTries != 3 {
		t.Errorf("defaults = %+v, %d auth tries; the documented ones are 10s, 30m, 500, 3", l, maxAuthTries)
	}
	if l.LeadReserve != 25 || l.MaxSessionsPerConnection != 10 || l.MaxSessionsPerUser != 20 {
		t.Errorf("session defaults = %+v; the documented ones are 25 kept for leads, 10 per connection, 20 per user", l)
	}
}

func TestAConnectionThatDoesNotLogInIsDroppedAndFreesItsSlot(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := crisis.NewService(db)
	hk, err := LoadOrCreateHostKey(filepath.Join(t.TempDir(), "host"))
	if err != nil {
		t.Fatal(err)
	}
	limits := DefaultLimits()
	limits.HandshakeTimeout = 200 * time.Millisecond
	limits.MaxUnauthenticated = 1
	srv, err := New(Config{Listen: "127.0.0.1:0", HostKey: hk.Signer, Service: svc, Limits: &limits,
		Exec: func(context.Context, Exec) int { return 0 }, Logger: log.New(&lockedBuffer{})})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(l) }()
	defer srv.Close()

	// A client that says nothing: the server hangs up once the handshake
	// time is over.
	silent, err := net.Dial("tcp", l.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	_ = silent.SetReadDeadline(time.Now().Add(15 * time.Second))
	r := bufio.NewReader(silent)
	if line, _ := r.ReadString('\n'); !strings.HasPrefix(line, "SSH-2.0-") {
		t.Fatalf("expected the server's version, got %q", line)
	}
	buf := make([]byte, 4096)
	for {
		if _, err := r.Read(buf); err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatal("the server kept a silent connection open")
			}
			break // closed by the server
		}
	}
	// Its slot (the only one) is free again: the next connection gets the
	// server's version, not the refusal.
	waitFor(t, "the slot to be freed", func() bool {
		c, err := net.Dial("tcp", l.Addr().String())
		if err != nil {
			return false
		}
		defer c.Close()
		_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
		line, _ := bufio.NewReader(c).ReadString('\n')
		return strings.HasPrefix(line, "SSH-2.0-")
	})
}
