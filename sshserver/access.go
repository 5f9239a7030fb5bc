package sshserver

import (
	"sync"
	"sync/atomic"

	"charm.land/log/v2"

	"cellule/crisis"
)

// accessWatch ends sessions once the record no longer lets their key in
// with the same name and role: a revoked user stops seeing the crisis, and
// a changed role takes effect, without waiting for them to log out. One
// goroutine watches for every session of the server (rather than one per
// session, each with its stack and its subscription, woken at every
// logbook entry); it runs while at least one session is watched. The
// record is looked up again only after a change to users (and once when a
// session starts being watched, for a change made since it was
// identified): the other changes, one per logbook entry, leave nothing to
// check.
type accessWatch struct {
	svc    *crisis.Service
	logger *log.Logger

	mu      sync.Mutex
	watched map[*watchedAccess]struct{}
	stop    chan struct{} // ends the running loop; nil when none runs
}

// watchedAccess is one session's: who it was let in as, and what ends it.
type watchedAccess struct {
	who  crisis.Actor
	quit func()
	lost atomic.Bool
	once sync.Once
}

func newAccessWatch(svc *crisis.Service, logger *log.Logger) *accessWatch {
	return &accessWatch{svc: svc, logger: logger, watched: map[*watchedAccess]struct{}{}}
}

// watch calls quit (once) when who's access changes, until unwatch is
// called; lost tells whether that happened.
func (a *accessWatch) watch(who crisis.Actor, quit func()) (lost *atomic.Bool, unwatch func()) {
	w := &watchedAccess{who: who, quit: quit}
	a.mu.Lock()
	a.watched[w] = struct{}{}
	if a.stop == nil {
		// Subscribed before the count is read: a change after the read
		// wakes the loop, one before it is seen by the check below.
		changes, unsubscribe := a.svc.Subscribe()
		a.stop = make(chan struct{})
		go a.loop(changes, unsubscribe, a.svc.UserChanges(), a.stop)
	}
	a.mu.Unlock()
	a.check(w)
	return &w.lost, func() {
		a.mu.Lock()
		defer a.mu.Unlock()
		delete(a.watched, w)
		if len(a.watched) == 0 && a.stop != nil {
			close(a.stop)
			a.stop = nil
		}
	}
}

func (a *accessWatch) loop(changes <-chan struct{}, unsubscribe func(), seen uint64, stop <-chan struct{}) {
	defer unsubscribe()
	for {
		select {
		case <-stop:
			return
		case _, ok := <-changes:
			if !ok {
				return
			}
			now := a.svc.UserChanges()
			if now == seen {
				continue
			}
			seen = now
			a.mu.Lock()
			ws := make([]*watchedAccess, 0, len(a.watched))
			for w := range a.watched {
				ws = append(ws, w)
			}
			a.mu.Unlock()
			for _, w := range ws {
				a.check(w)
			}
		}
	}
}

// check ends w's session if the record no longer lets its key in as the
// same person with the same role.
func (a *accessWatch) check(w *watchedAccess) {
	if u, ok := a.svc.Identify(w.who.Fingerprint); ok && u.Name == w.who.Name && u.Role == w.who.Role {
		return
	}
	w.once.Do(func() {
		a.logger.Info("session closed: access changed", "user", w.who.Name, "key", w.who.Fingerprint)
		w.lost.Store(true)
		w.quit()
	})
}
