// Package sharedcache keeps what every console of the process draws the
// same way, so that it is drawn once: a new logbook entry reaches hundreds
// of consoles, which would each render, measure and convert the same text.
package sharedcache

import "sync"

// Cache is a map behind a lock that starts over once it holds Size values:
// what it holds is recent and cheap to draw again, so a bound is worth
// more than keeping everything. Values are computed outside the lock, so
// two consoles may both draw one, but never wait on each other's drawing.
// The zero value with a Size is ready to use.
type Cache[K comparable, V any] struct {
	Size int

	mu     sync.Mutex
	values map[K]V
}

// Get returns the value kept for k, or draws it, keeps it and returns it.
// Values are shared: callers must not change them.
func (c *Cache[K, V]) Get(k K, draw func() V) V {
	c.mu.Lock()
	v, ok := c.values[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = draw()
	c.mu.Lock()
	if c.values == nil || len(c.values) >= c.Size {
		c.values = make(map[K]V, c.Size)
	}
	c.values[k] = v
	c.mu.Unlock()
	return v
}
