package crisis

import (
	"sync"
	"sync/atomic"
)

// hub tells subscribers that something changed. Each subscriber has a
// channel of capacity 1 and is signalled with a non-blocking send: bursts
// merge into one wake-up, and a slow or dead session can never block the
// writer or the other sessions. Subscribers reload what they show.
type hub struct {
	mu   sync.Mutex
	next int
	subs map[int]chan struct{}
	// seq counts the changes published; it moves before any subscriber is
	// signalled, so a reader woken by a signal sees the new count.
	seq atomic.Uint64
}

func (h *hub) subscribe() (<-chan struct{}, func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs == nil {
		h.subs = map[int]chan struct{}{}
	}
	id := h.next
	h.next++
	ch := make(chan struct{}, 1)
	h.subs[id] = ch
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			// Closing under the lock that publish holds means no send can
			// race the close; the closed channel tells the waiting
			// reader to stop at once.
			h.mu.Lock()
			delete(h.subs, id)
			close(ch)
			h.mu.Unlock()
		})
	}
}

func (h *hub) publish() {
	h.seq.Add(1)
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, ch := range h.subs {
		select {
		case ch <- struct{}{}:
		default: // already signalled; the reload will see this change too
		}
	}
}
