package sharedcache

import "testing"

// A value is drawn once while it is kept, and the cache never holds more
// than its size: it starts over instead.
func TestDrawsOnceAndStaysBounded(t *testing.T) {
	c := Cache[int, string]{Size: 3}
	draws := 0
	draw := func() string { draws++; return "x" }
	c.Get(1, draw)
	c.Get(1, draw)
	if draws != 1 {
		t.Fatalf("a kept value was drawn %d times", draws)
	}
	for k := 2; k <= 10; k++ {
		c.Get(k, draw)
		if len(c.values) > c.Size {
			t.Fatalf("the cache holds %d values, more than its size %d", len(c.values), c.Size)
		}
	}
}
