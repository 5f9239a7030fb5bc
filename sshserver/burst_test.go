package sshserver

import (
	"sync/atomic"
	"testing"
	"time"
)

// A burst of console changes leads to one release once they stop, and a
// second burst soon after to one more only after the gap.
func TestBurstReleasedOnceItIsOver(t *testing.T) {
	var calls atomic.Int32
	got := make(chan time.Time, 4)
	b := &burstRelease{quiet: 30 * time.Millisecond, gap: 300 * time.Millisecond, release: func() {
		calls.Add(1)
		got <- time.Now()
	}}
	defer b.stop()
	start := time.Now()
	for range 10 {
		b.changed()
	}
	first := <-got
	if calls.Load() != 1 {
		t.Fatalf("releases after the first burst = %d; want 1", calls.Load())
	}
	b.changed()
	second := <-got
	if second.Sub(first) < b.gap {
		t.Fatalf("second release %s after the first; want no sooner than %s", second.Sub(first), b.gap)
	}
	if first.Sub(start) < b.quiet {
		t.Fatalf("first release %s after the burst; want no sooner than %s", first.Sub(start), b.quiet)
	}
}
