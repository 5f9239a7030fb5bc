// Package crisis is Cellule's domain: the crisis, its logbook, its users and
// the rules of who may do what. Every front end (SSH console, SSH commands,
// local CLI) calls the Service; nothing here does I/O except through the
// Store it is given.
package crisis

import (
	"errors"
	"fmt"
	"strings"
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

// DefaultCrisisName names a crisis opened without a name.
const DefaultCrisisName = "Crisis cell"

// Open makes sure the database holds a crisis, creating one at the alert
// stage if it is empty. It reports whether it created it.
func (s *Service) Open(a Actor, name string) (bool, error) {
	if strings.TrimSpace(name) == "" {
		name = DefaultCrisisName
	}
	name, err := crisisName(name)
	if err != nil {
		return false, err
	}
	created := false
	err = s.write(a, func(tx WriteTx, now time.Time) (*AuditRecord, error) {
		if _, ok, err := tx.Crisis(); err != nil || ok {
			return nil, err
		}
		c := Crisis{Name: name, Stage: StageAlert, OpenedAt: now}
		if err := tx.PutCrisis(c); err != nil {
			return nil, err
		}
		created = true
		return &AuditRecord{Action: "crisis.open", Subject: "crisis", Detail: "opened " + name, Digest: DigestOf(c)}, nil
	})
	return created, err
}

// MaxCrisisName bounds the crisis name: it has to fit a header line.
const MaxCrisisName = 80

// crisisName cleans and checks a crisis name.
func crisisName(name string) (string, error) {
	name = strings.TrimSpace(SanitizeLine(name))
	if name == "" {
		return "", invalidf("the crisis needs a name")
	}
	if len([]rune(name)) > MaxCrisisName {
		return "", invalidf("the crisis name is too long (at most %d characters)", MaxCrisisName)
	}
	return name, nil
}

// Rename gives the crisis a new name and logs the change.
func (s *Service) Rename(a Actor, name string) (Entry, error) {
	if err := a.Check(ActRename); err != nil {
		return Entry{}, err
	}
	name, err := crisisName(name)
	if err != nil {
		return Entry{}, err
	}
	var e Entry
	err = s.write(a, func(tx WriteTx, now time.Time) (*AuditRecord, error) {
		c, ok, err := tx.Crisis()
		if err != nil {
			return nil, err
		}
		if !ok {
			c = Crisis{Stage: StageAlert, OpenedAt: now}
		}
		if c.Name == name {
			return nil, conflictf("the crisis is already named %q", name)
		}
		old := c.Name
		c.Name = name
		if err := tx.PutCrisis(c); err != nil {
			return nil, err
		}
		if e, err = tx.AppendEntry(Entry{OccurredAt: now, RecordedAt: now, Author: a.Name, AuthorKey: a.Fingerprint, Kind: KindDecision,
			Text: fmt.Sprintf("Crisis renamed from %q to %q", old, name)}); err != nil {
			return nil, err
		}
		return &AuditRecord{Action: "rename", Subject: "crisis", Detail: fmt.Sprintf("renamed, entry #%d", e.ID), Digest: DigestOf(c)}, nil
	})
	return e, err
}

// write runs one mutation: fn does the change and describes it; the audit
// record is appended in the same transaction; subscribers are told only
// after the commit. fn returning a nil record means nothing changed.
func (s *Service) write(a Actor, fn func(tx WriteTx, now time.Time) (*AuditRecord, error)) error {
	now := s.Now()
	changed := false
	err := s.store.Update(func(tx WriteTx) error {
		rec, err := fn(tx, now)
		if err != nil || rec == nil {
			return err
		}
		rec.At, rec.Actor, rec.Fingerprint = now, a.Name, a.Fingerprint
		if _, err := tx.AppendAudit(*rec); err != nil {
			return err
		}
		changed = true
		return nil
	})
	if err == nil && changed {
		s.hub.publish()
	}
	return err
}

// Subscribe returns a channel that is signalled (merged, never blocking)
// after each committed change and each join or leave, and a function that
// ends the subscription.
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
	Crisis  Crisis
	Entries uint64
	Online  []Presence
}

// Status reads the crisis and who is connected.
func (s *Service) Status() (Status, error) {
	var st Status
	err := s.store.View(func(tx ReadTx) error {
		c, ok, err := tx.Crisis()
		if err != nil {
			return err
		}
		if !ok {
			c = Crisis{Name: DefaultCrisisName, Stage: StageAlert}
		}
		st.Crisis = c
		st.Entries, err = tx.LastEntryID()
		return err
	})
	st.Online = s.Online()
	return st, err
}

// Log appends an entry to the logbook and returns it as committed.
func (s *Service) Log(a Actor, d Draft) (Entry, error) {
	return s.appendEntry(a, d, 0)
}

// Correct appends an entry that amends entry id. The original stays as it
// was; views mark it as amended.
func (s *Service) Correct(a Actor, id uint64, d Draft) (Entry, error) {
	if id == 0 {
		return Entry{}, invalidf("name the entry to correct")
	}
	return s.appendEntry(a, d, id)
}

func (s *Service) appendEntry(a Actor, d Draft, amends uint64) (Entry, error) {
	if err := a.Check(ActWriteLog); err != nil {
		return Entry{}, err
	}
	e, err := s.prepare(a, d)
	if err != nil {
		return Entry{}, err
	}
	e.Amends = amends
	err = s.write(a, func(tx WriteTx, now time.Time) (*AuditRecord, error) {
		action := "log"
		if amends != 0 {
			orig, ok, err := tx.Entry(amends)
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, notFoundf("there is no entry #%d to correct", amends)
			}
			if d.Kind == "" {
				e.Kind = orig.Kind
			}
			action = "correct"
		}
		if e.Kind == "" {
			e.Kind = KindFact
		}
		e.RecordedAt = now
		if e.OccurredAt.IsZero() {
			e.OccurredAt = now
		}
		var err error
		if e, err = tx.AppendEntry(e); err != nil {
			return nil, err
		}
		detail := fmt.Sprintf("%s #%d (%s)", action, e.ID, e.Kind)
		if amends != 0 {
			detail += fmt.Sprintf(", amends #%d", amends)
		}
		return &AuditRecord{Action: action, Subject: fmt.Sprintf("entry/%d", e.ID), Detail: detail, Digest: DigestOf(e)}, nil
	})
	return e, err
}

// prepare validates a draft and turns it into an entry, not yet stored.
func (s *Service) prepare(a Actor, d Draft) (Entry, error) {
	if len(d.Text) > MaxEntryBytes {
		return Entry{}, invalidf("the text is longer than an entry holds (8 KiB, %d bytes): split it, or keep the file elsewhere and log where it is", MaxEntryBytes)
	}
	text := strings.TrimSpace(Sanitize(d.Text))
	if text == "" {
		return Entry{}, invalidf("the entry has no text")
	}
	kind := d.Kind
	if kind != "" {
		var err error
		if kind, err = ParseKind(string(kind)); err != nil {
			return Entry{}, err
		}
	}
	var occurred time.Time
	if strings.TrimSpace(d.When) != "" {
		t, err := ParseWhen(d.When, s.Now(), s.loc)
		if err != nil {
			return Entry{}, err
		}
		occurred = t.UTC().Truncate(time.Second)
	}
	return Entry{Kind: kind, Text: text, OccurredAt: occurred, Author: a.Name, AuthorKey: a.Fingerprint}, nil
}

// SetStage moves the crisis to another stage and logs it.
func (s *Service) SetStage(a Actor, st Stage, note string) (Entry, error) {
	if err := a.Check(ActSetStage); err != nil {
		return Entry{}, err
	}
	st, err := ParseStage(string(st))
	if err != nil {
		return Entry{}, err
	}
	note = strings.TrimSpace(Sanitize(note))
	if len(note) > MaxEntryBytes/2 {
		return Entry{}, invalidf("the note is too long (at most %d bytes)", MaxEntryBytes/2)
	}
	var e Entry
	err = s.write(a, func(tx WriteTx, now time.Time) (*AuditRecord, error) {
		c, ok, err := tx.Crisis()
		if err != nil {
			return nil, err
		}
		if !ok {
			c = Crisis{Name: DefaultCrisisName, Stage: StageAlert, OpenedAt: now}
		}
		if c.Stage == st {
			return nil, conflictf("the crisis is already at the %s stage", st)
		}
		from := c.Stage
		c.Stage = st
		c.EndedAt = nil
		if st == StageEnd {
			c.EndedAt = &now
		}
		if err := tx.PutCrisis(c); err != nil {
			return nil, err
		}
		text := fmt.Sprintf("Stage changed from %s to %s", from, st)
		if note != "" {
			text += ": " + note
		}
		kind := KindDecision
		if st == StageEnd {
			kind = KindClosure
		}
		if e, err = tx.AppendEntry(Entry{OccurredAt: now, RecordedAt: now, Author: a.Name, AuthorKey: a.Fingerprint, Kind: kind, Text: text}); err != nil {
			return nil, err
		}
		return &AuditRecord{Action: "stage", Subject: "crisis", Detail: fmt.Sprintf("%s -> %s, entry #%d", from, st, e.ID), Digest: DigestOf(c)}, nil
	})
	return e, err
}

// Entry reads one entry.
func (s *Service) Entry(id uint64) (Entry, error) {
	var e Entry
	err := s.store.View(func(tx ReadTx) error {
		var ok bool
		var err error
		e, ok, err = tx.Entry(id)
		if err == nil && !ok {
			err = notFoundf("there is no entry #%d", id)
		}
		return err
	})
	return e, err
}

// TimelineQuery selects a page of the logbook, newest first from Before.
type TimelineQuery struct {
	Kind   Kind   // "" for every kind
	Search string // case-insensitive, in the text and the author's name
	Before uint64 // only entries with a smaller id; 0 for the newest
	Limit  int    // at most this many (a default when 0)
}

// TimelinePage is a page of entries, oldest first (the order they read in).
type TimelinePage struct {
	Entries []Entry
	// More is set when older entries match too.
	More bool
	// Total is how many entries the logbook holds, matching or not.
	Total uint64
}

// DefaultPage is how many entries a page holds when the query says 0.
const DefaultPage = 200

// Timeline reads the newest entries matching q. It walks backwards from
// the end and stops when the page is full, so opening the view costs the
// same with ten entries or a million.
func (s *Service) Timeline(q TimelineQuery) (TimelinePage, error) {
	if q.Limit <= 0 {
		q.Limit = DefaultPage
	}
	needle := strings.ToLower(strings.TrimSpace(q.Search))
	var page TimelinePage
	err := s.store.View(func(tx ReadTx) error {
		var err error
		if page.Total, err = tx.LastEntryID(); err != nil {
			return err
		}
		from := uint64(0)
		if q.Before > 0 {
			if q.Before == 1 {
				return nil
			}
			from = q.Before - 1
		}
		var got []Entry
		err = tx.ScanEntries(from, true, func(e Entry) (bool, error) {
			if q.Kind != "" && e.Kind != q.Kind {
				return true, nil
			}
			if needle != "" && !strings.Contains(strings.ToLower(e.Text), needle) && !strings.Contains(strings.ToLower(e.Author), needle) {
				return true, nil
			}
			if len(got) == q.Limit {
				page.More = true
				return false, nil
			}
			got = append(got, e)
			return true, nil
		})
		for i, j := 0, len(got)-1; i < j; i, j = i+1, j-1 {
			got[i], got[j] = got[j], got[i]
		}
		page.Entries = got
		return err
	})
	return page, err
}

// EachEntry visits every entry, oldest first, in one consistent snapshot.
func (s *Service) EachEntry(fn func(Entry) error) error {
	return s.store.View(func(tx ReadTx) error {
		return tx.ScanEntries(0, false, func(e Entry) (bool, error) {
			return true, fn(e)
		})
	})
}

// Identify answers the SSH authentication question: is fp the fingerprint
// of an active user's key? It is an exact lookup and changes nothing.
func (s *Service) Identify(fp string) (User, bool) {
	var u User
	var ok bool
	err := s.store.View(func(tx ReadTx) error {
		var err error
		u, ok, err = tx.UserByFingerprint(fp)
		return err
	})
	if err != nil || !ok || !u.Active() {
		return User{}, false
	}
	return u, true
}

// Users lists every user, revoked ones included, by name.
func (s *Service) Users() ([]User, error) {
	var us []User
	err := s.store.View(func(tx ReadTx) error {
		var err error
		us, err = tx.Users()
		return err
	})
	return us, err
}

// AddUser registers a user with one or more public keys (authorized_keys
// text). A revoked user's name may be given again, with new keys: that is
// how a lost laptop's key is replaced.
func (s *Service) AddUser(a Actor, name string, role Role, keyText string) (User, error) {
	if err := a.Check(ActManageUsers); err != nil {
		return User{}, err
	}
	if err := ValidUserName(name); err != nil {
		return User{}, err
	}
	role, err := ParseRole(string(role))
	if err != nil {
		return User{}, err
	}
	keys, err := ParseKeys(keyText)
	if err != nil {
		return User{}, err
	}
	var u User
	err = s.write(a, func(tx WriteTx, now time.Time) (*AuditRecord, error) {
		old, exists, err := tx.User(name)
		if err != nil {
			return nil, err
		}
		if exists && old.Active() {
			return nil, conflictf("user %s already exists (revoke it first to replace its keys)", name)
		}
		seen := map[string]bool{}
		var uniq []Key
		for _, k := range keys {
			if seen[k.Fingerprint] {
				continue
			}
			seen[k.Fingerprint] = true
			owner, taken, err := tx.UserByFingerprint(k.Fingerprint)
			if err != nil {
				return nil, err
			}
			if taken && owner.Name != name {
				return nil, conflictf("key %s already belongs to %s", k.Fingerprint, owner.Name)
			}
			uniq = append(uniq, k)
		}
		u = User{Name: name, Role: role, Keys: uniq, CreatedAt: now, CreatedBy: a.Name}
		if err := tx.PutUser(u); err != nil {
			return nil, err
		}
		fps := make([]string, len(uniq))
		for i, k := range uniq {
			fps[i] = k.Fingerprint
		}
		return &AuditRecord{Action: "user.add", Subject: "user/" + name,
			Detail: fmt.Sprintf("added %s as %s with %s", name, role, strings.Join(fps, ", ")), Digest: DigestOf(u)}, nil
	})
	return u, err
}

// RevokeUser stops a user's keys from opening sessions. The user stays in
// the record, so the logbook's authors stay known.
func (s *Service) RevokeUser(a Actor, name string) (User, error) {
	if err := a.Check(ActManageUsers); err != nil {
		return User{}, err
	}
	if a.Name == name {
		return User{}, invalidf("you cannot revoke yourself; ask another lead, or use the CLI on the host")
	}
	var u User
	err := s.write(a, func(tx WriteTx, now time.Time) (*AuditRecord, error) {
		var ok bool
		var err error
		u, ok, err = tx.User(name)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, notFoundf("there is no user %q", SanitizeLine(name))
		}
		if !u.Active() {
			return nil, conflictf("user %s is already revoked", name)
		}
		u.RevokedAt = &now
		if err := tx.PutUser(u); err != nil {
			return nil, err
		}
		return &AuditRecord{Action: "user.revoke", Subject: "user/" + name, Detail: "revoked " + name, Digest: DigestOf(u)}, nil
	})
	return u, err
}

// HasUsers reports whether anyone is registered (the first start enrols
// the host account's keys when no one is).
func (s *Service) HasUsers() (bool, error) {
	us, err := s.Users()
	return len(us) > 0, err
}

// IsForbidden, IsInvalid... let front ends pick exit codes and colours.
func IsForbidden(err error) bool { return errors.Is(err, ErrForbidden) }
