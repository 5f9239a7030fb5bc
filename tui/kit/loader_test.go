package kit

import "testing"

// A read that finishes after a newer one was applied is dropped; the newer
// one, and any later one, are applied.
func TestLoaderDropsLateReads(t *testing.T) {
	var l Loader[string]
	first := l.Load(func() string { return "old" })
	second := l.Load(func() string { return "new" })
	newer := second().(Loaded[string])
	if !l.Fresh(newer) || newer.Value != "new" {
		t.Fatalf("the newest read was not applied: %+v", newer)
	}
	if late := first().(Loaded[string]); l.Fresh(late) {
		t.Fatalf("a read issued before the one applied was applied: %+v", late)
	}
	if next := l.Load(func() string { return "next" })().(Loaded[string]); !l.Fresh(next) {
		t.Fatal("a read issued after the one applied was dropped")
	}
}
