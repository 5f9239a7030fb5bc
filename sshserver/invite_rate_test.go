package sshserver

import (
	"testing"
	"time"
)

func TestInviteRateGivesFiveTriesPerAddressThenOneAMinute(t *testing.T) {
	r := newInviteRate()
	now := time.Date(2026, 12, 4, 3, 0, 0, 0, time.UTC)
	for i := range inviteBurst {
		if !r.allow("192.0.2.1", now) {
			t.Fatalf("try %d refused", i+1)
		}
	}
	if r.allow("192.0.2.1", now) {
		t.Fatal("a 6th try at once was allowed")
	}
	if !r.allow("192.0.2.2", now) {
		t.Fatal("another address was refused")
	}
	if r.allow("192.0.2.1", now.Add(59*time.Second)) {
		t.Fatal("a try before the minute was up")
	}
	if !r.allow("192.0.2.1", now.Add(61*time.Second)) {
		t.Fatal("no try after a minute")
	}
	if r.allow("192.0.2.1", now.Add(62*time.Second)) {
		t.Fatal("two tries after a minute")
	}
}
