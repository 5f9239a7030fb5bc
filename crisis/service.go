// Package crisis is Cellule's domain: the crisis, its logbook, its users and
// the rules of who may do what. Every front end (SSH console, SSH commands,
// local CLI) calls the Service; nothing here does I/O except through the
// Store it is given.
package crisis

import (
	"time"
)

// Service is the one entry point for reading and changing a crisis. It is
// safe for concurrent use by many sessions.
type Service struct {
	store    Store
	now      func() time.Time
	loc      *time.Location
	hub      hub
	presence presence
	shared   snapshots
	users    userChanges
}

// Option configures a Service.
type Option func(*Service)

// WithClock replaces the wall clock (tests use a fixed one).
func WithClock(now func() time.Time) Option { return func(s *Service) { s.now = now } }

// WithLocation sets the time zone in which people type and read times.
func WithLocation(loc *time.Location) Option { return func(s *Service) { s.loc = loc } }

// NewService builds the service over a store.
func NewService(st Store, opts ...Option) *Service {
	s := &Service{store: st, now: time.Now, loc: time.Local}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Location is the time zone the service reads and shows times in.
func (s *Service) Location() *time.Location { return s.loc }

// Now is the service's clock, truncated to the second the way it is stored.
func (s *Service) Now() time.Time { return s.now().UTC().Truncate(time.Second) }

// write runs one mutation by a, who must be allowed act. Inside the
// transaction a's role is read again from the record, so a session opened
// before its user was revoked or demoted gets today's answer, not the one
// of its login. fn makes the change and returns one audit record per thing
// it stored (none: nothing changed); they are chained in the same
// transaction, and subscribers are told only after the commit. It is the
// only way the record changes: the reads shared by all consoles (snapshot.go)
// are renewed by the change it publishes.
func (s *Service) write(a Actor, act Action, fn func(tx WriteTx, now time.Time) ([]AuditRecord, error)) error {
	changed, usersChanged := false, false
	err := s.store.Update(func(tx WriteTx) error {
		// Read inside the transaction: writers are serialised, so ids and
		// recorded times (and the audit trail's) never go backwards.
		now := s.Now()
		cur, err := currentActor(tx, a)
		if err != nil {
			return err
		}
		if err := cur.Check(act); err != nil {
			return err
		}
		// A closed crisis is evidence: no change of any kind, whoever asks.
		if err := refuseIfClosed(tx, act); err != nil {
			return err
		}
		recs, err := fn(tx, now)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			usersChanged = usersChanged || isUserRecord(rec)
			rec.At, rec.Actor, rec.Fingerprint = now, a.Name, a.Fingerprint
			if _, err := tx.AppendAudit(rec); err != nil {
				return err
			}
		}
		changed = len(recs) > 0
		return nil
	})
	if err == nil && changed {
		if usersChanged {
			s.users.seq.Add(1) // before the signal, which its readers wait for
		}
		s.hub.publish()
	}
	return notSaved(err)
}

// currentActor is a as the record knows it now. The host operator (the CLI
// on the machine, who can read the database file anyway) is not a
// registered user and keeps the powers of a lead.
func currentActor(tx ReadTx, a Actor) (Actor, error) {
	if a.Fingerprint == LocalFingerprint {
		return a, nil
	}
	u, ok, err := tx.UserByFingerprint(a.Fingerprint)
	if err != nil {
		return a, err
	}
	if !ok || u.Name != a.Name {
		return a, forbiddenf("session.unregistered")
	}
	if !u.LogsInWith(a.Fingerprint) {
		return a, forbiddenf("session.revoked", u.Name)
	}
	return u.Actor(a.Fingerprint), nil
}

// Subscribe returns a channel that is signalled (merged, never blocking)
// after each committed change and each join or leave, and a function that
// ends the subscription and closes the channel.
func (s *Service) Subscribe() (<-chan struct{}, func()) { return s.hub.subscribe() }

// Join records that a person opened a console session; call the returned
// function when it closes. Both are announced to subscribers.
func (s *Service) Join(a Actor) (leave func()) {
	l := s.presence.join(a, s.Now())
	s.hub.publish()
	return func() {
		l()
		s.hub.publish()
	}
}

// Online lists who has a console open, merged by name.
func (s *Service) Online() []Presence { return s.presence.online() }

// Status is what every screen's header shows.
type Status struct {
	// Version numbers what the status shows apart from Entries: two reads
	// with the same Version differ at most in Entries, so a console can
	// tell, without comparing them, that its header has not changed (0:
	// not known).
	Version uint64
	Crisis  Crisis
	Entries uint64
	Online  []Presence
	// Recovery is each phase's state and progress, for the header.
	Recovery []PhaseProgress
	// NewTasks counts, by assignee, the tasks they have not opened yet.
	NewTasks map[string]int

	// Handovers not yet acknowledged, newest first.
	PendingHandovers []Handover

	// NextDue is the running declaration whose deadline comes first (nil:
	// none); the header decides from the time whether to show it.
	NextDue *ClockDue
	// Register counts the accounts and machines compromised and suspected.
	Register RegisterCount
}

// Status reads the crisis and who is connected: once per change, however
// many consoles ask. Its slices and map are shared between callers: read
// them, never modify them.
func (s *Service) Status() (Status, error) {
	return s.shared.getStatus(s.hub.seq.Load(), s.readStatus)
}

func (s *Service) readStatus() (Status, error) {
	var st Status
	err := s.store.View(func(tx ReadTx) error {
		var err error
		if st.Crisis, err = crisisOf(tx, time.Time{}); err != nil {
			return err
		}
		if st.Entries, err = tx.LastEntryID(); err != nil {
			return err
		}
		plan, err := readPlan(tx)
		st.Recovery = plan.Summary()
		if err != nil {
			return err
		}
		st.NewTasks, err = tx.UnseenTasks()
		if err != nil {
			return err
		}
		if st.PendingHandovers, err = pendingHandovers(tx); err != nil {
			return err
		}
		if st.Register, err = tx.RegisterCount(); err != nil {
			return err
		}
		clocks, err := clocksOf(tx)
		if due, ok := nearestDue(clocks); ok {
			st.NextDue = &due
		}
		return err
	})
	st.Online = s.Online()
	return st, err
}
