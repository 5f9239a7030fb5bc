package crisis

import (
	"sort"
	"sync"
	"time"
)

// Presence is one person connected to the console.
type Presence struct {
	Name     string
	Role     Role
	Since    time.Time
	Sessions int
}

// presence counts open console sessions per person. It lives in memory:
// who is connected is a fact of this server process, not of the record.
type presence struct {
	mu    sync.Mutex
	next  int
	users map[int]Presence
}

func (p *presence) join(a Actor, now time.Time) func() {
	p.mu.Lock()
	if p.users == nil {
		p.users = map[int]Presence{}
	}
	id := p.next
	p.next++
	p.users[id] = Presence{Name: a.Name, Role: a.Role, Since: now, Sessions: 1}
	p.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			p.mu.Lock()
			delete(p.users, id)
			p.mu.Unlock()
		})
	}
}

// online merges sessions by name, sorted by name.
func (p *presence) online() []Presence {
	p.mu.Lock()
	byName := map[string]Presence{}
	for _, u := range p.users {
		if cur, ok := byName[u.Name]; ok {
			cur.Sessions++
			if u.Since.Before(cur.Since) {
				cur.Since = u.Since
			}
			byName[u.Name] = cur
			continue
		}
		byName[u.Name] = u
	}
	p.mu.Unlock()
	out := make([]Presence, 0, len(byName))
	for _, u := range byName {
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
