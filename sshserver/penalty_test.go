package sshserver

import (
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
	// One that keeps failing is capped at Max.
	for range 1000 {
		p.failure("198.51.100.1", now)
	}
	if left, _ := p.blocked("198.51.100.1", now); left != 10*time.Minute {
		t.Errorf("penalty grew to %v; want the 10 min cap", left)
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
