package sshserver

import (
	"fmt"
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

// The invite login takes any key: its prompts are bounded, from one
// address and in all, and a closed prompt frees its place.
func TestInvitePromptsAreBounded(t *testing.T) {
	r := newInviteRate()
	var open []func()
	for i := range maxInvitePromptsPerHost {
		rel, ok := r.openPrompt("192.0.2.1")
		if !ok {
			t.Fatalf("prompt %d from one address refused", i+1)
		}
		open = append(open, rel)
	}
	if _, ok := r.openPrompt("192.0.2.1"); ok {
		t.Fatal("one address opened more prompts than its share")
	}
	for i := 0; len(open) < maxInvitePrompts; i++ {
		rel, ok := r.openPrompt(fmt.Sprintf("198.51.100.%d", i))
		if !ok {
			t.Fatalf("prompt %d refused under the total", len(open)+1)
		}
		open = append(open, rel)
	}
	if _, ok := r.openPrompt("203.0.113.9"); ok {
		t.Fatal("more prompts open than the total allows")
	}
	open[0]()
	open[0]() // releasing twice frees one place only
	if _, ok := r.openPrompt("192.0.2.1"); !ok {
		t.Fatal("a closed prompt did not free its place")
	}
	if _, ok := r.openPrompt("203.0.113.9"); ok {
		t.Fatal("a double release freed two places")
	}
}
