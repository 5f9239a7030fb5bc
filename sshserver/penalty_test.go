package sshserver

import (
	"net"
	"testing"
	"time"
)

func TestPenaltyBlocksAfterRepeatedFailuresAndRunsOut(t *testing.T) {
	p := newPenalties(DefaultPenalty())
	now := time.Date(2022, 9, 12, 3, 0, 0, 0, time.UTC)
	for i := range 3 {
		if p.failure("192.0.2.7", now) {
			t.Fatalf("failure %d blocked the address; the threshold is passed at the fourth", i+1)
		}
	}
	if _, blocked := p.blocked("192.0.2.7", now); blocked {
		t.Fatal("blocked after three failures")
	}
	if !p.failure("192.0.2.7", now) {
		t.Fatal("the fourth failure in a row did not block the address")
	}
	left, blocked := p.blocked("192.0.2.7", now)
	if !blocked || left != 20*time.Second {
		t.Fatalf("blocked = %v for %v; want 20s", blocked, left)
	}
	if _, blocked := p.blocked("192.0.2.8", now); blocked {
		t.Error("another address is blocked too")
	}
	if !p.shouldLog("192.0.2.7") || p.shouldLog("192.0.2.7") {
		t.Error("a block's drops should be logged once")
	}
	// Blocked until the penalty has run out, not merely below threshold.
	if _, blocked := p.blocked("192.0.2.7", now.Add(19*time.Second)); !blocked {
		t.Error("unblocked before the penalty ran out")
	}
	if _, blocked := p.blocked("192.0.2.7", now.Add(20*time.Second)); blocked {
		t.Error("still blocked once the penalty ran out")
	}
	// Off when PerFailure is 0.
	off := newPenalties(PenaltyConfig{})
	for range 100 {
		off.failure("192.0.2.9", now)
	}
	if _, blocked := off.blocked("192.0.2.9", now); blocked {
		t.Error("a disabled penalty blocked")
	}
}

func TestActivityCountsOnlyTimeWaitingForInput(t *testing.T) {
	a := newActivity()
	if a.idleFor(time.Now().Add(time.Hour)) != 0 {
		t.Error("a session not reading (a command at work) counted as idle")
	}
	a.waiting.Add(1)
	if a.idleFor(time.Now().Add(time.Hour)) < 59*time.Minute {
		t.Error("a session waiting for input did not count as idle")
	}
}

// Fifty logins failing at once (connections opened before the block)
// cost one block, not fifty penalties; an address that comes back for
// more is blocked twice as long each time, up to Max, and once it has
// stayed clean for Max it starts short again.
func TestPenaltyConcurrentFailuresCostOneBlockRepeatOffendersDouble(t *testing.T) {
	p := newPenalties(DefaultPenalty())
	now := time.Date(2022, 9, 12, 3, 0, 0, 0, time.UTC)
	const nat = "192.0.2.7"
	for range 50 {
		p.failure(nat, now)
	}
	if left, blocked := p.blocked(nat, now); !blocked || left != 20*time.Second {
		t.Fatalf("50 failures at once: blocked %v for %v; want 20s", blocked, left)
	}
	want := 20 * time.Second
	for round := range 8 {
		now = now.Add(want) // the block ran out
		if _, blocked := p.blocked(nat, now); blocked {
			t.Fatalf("round %d: still blocked once the block ran out", round)
		}
		for range 50 {
			p.failure(nat, now)
		}
		want = min(2*want, 10*time.Minute)
		if left, _ := p.blocked(nat, now); left != want {
			t.Errorf("round %d: blocked for %v; want %v", round+2, left, want)
		}
	}
	now = now.Add(want + 10*time.Minute)
	for range 4 {
		p.failure(nat, now)
	}
	if left, _ := p.blocked(nat, now); left != 20*time.Second {
		t.Errorf("after ten clean minutes, blocked for %v; want 20s again", left)
	}
}

func TestPenaltyExemptNetworks(t *testing.T) {
	nets, err := ParseExempt("10.20.0.0/24, 192.0.2.9,2001:db8::/64")
	if err != nil {
		t.Fatal(err)
	}
	p := newPenalties(PenaltyConfig{PerFailure: time.Second, Exempt: nets})
	for addr, want := range map[string]bool{
		"10.20.0.200": true, "10.20.1.1": false, "192.0.2.9": true, "192.0.2.10": false,
		"2001:db8::77": true, "2001:db8:1::1": false, "::ffff:10.20.0.3": true,
	} {
		if got := p.exempt(&net.TCPAddr{IP: net.ParseIP(addr), Port: 2222}); got != want {
			t.Errorf("exempt(%s) = %v; want %v", addr, got, want)
		}
	}
	if _, err := ParseExempt("10.20.0.0/24,crisis-room"); err == nil {
		t.Error("a name was taken for a network")
	}
}
