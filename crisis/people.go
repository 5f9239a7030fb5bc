package crisis

import (
	"fmt"
	"strings"
	"time"
)

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
	if err != nil || !ok || !u.LogsInWith(fp) {
		return User{}, false
	}
	return u, true
}

// Users lists every user, revoked ones included, by name: who may connect,
// with what key, is for leads to see (as the record says now, not as it
// said when a's session opened).
func (s *Service) Users(a Actor) ([]User, error) {
	var us []User
	err := s.store.View(func(tx ReadTx) error {
		cur, err := currentActor(tx, a)
		if err != nil {
			return err
		}
		if err := cur.Check(ActManageUsers); err != nil {
			return err
		}
		us, err = tx.Users()
		return err
	})
	return us, err
}

// HasUsers reports whether anyone is registered (the first start enrols
// the host account's keys when no one is).
func (s *Service) HasUsers() (bool, error) {
	has := false
	err := s.store.View(func(tx ReadTx) error {
		us, err := tx.Users()
		has = len(us) > 0
		return err
	})
	return has, err
}

// AddUser registers a user with one or more public keys (authorized_keys
// text). A revoked user's name may be given again, with new keys: that is
// how a lost laptop's key is replaced. A key that was ever revoked is
// refused for ever, under any name: it is the evidence of a lost laptop.
func (s *Service) AddUser(a Actor, name string, role Role, keyText string) (User, error) {
	return s.addUser(a, name, role, keyText, Profile{})
}

func (s *Service) addUser(a Actor, name string, role Role, keyText string, p Profile) (User, error) {
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
	err = s.write(a, ActManageUsers, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		old, exists, err := tx.User(name)
		if err != nil {
			return nil, err
		}
		if exists && old.Active() {
			return nil, conflictf("user.exists", name)
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
			if at, revoked := owner.RevokedKey(k.Fingerprint); taken && revoked {
				return nil, conflictf("key.retired", k.Fingerprint, at.In(s.loc).Format("2006-01-02 15:04 MST"), owner.Name)
			}
			if taken && owner.Name != name {
				return nil, conflictf("key.taken", k.Fingerprint, owner.Name)
			}
			uniq = append(uniq, k)
		}
		u = User{Name: name, Role: role, Keys: uniq, CreatedAt: now, CreatedBy: a.Name}
		p.apply(&u)
		if exists {
			// Enrolled again after a revocation: the old keys are retired,
			// not forgotten (none of them can be among the new ones).
			u.Retired = append(u.Retired, old.Retired...)
			for _, k := range old.Keys {
				u.Retired = append(u.Retired, RetiredKey{Key: k, RetiredAt: *old.RevokedAt})
			}
		}
		if err := tx.PutUser(u); err != nil {
			return nil, err
		}
		fps := make([]string, len(uniq))
		for i, k := range uniq {
			fps[i] = k.Fingerprint
		}
		return []AuditRecord{{Action: "user.add", Subject: "user/" + name,
			Detail: fmt.Sprintf("added %s as %s with %s", name, role, strings.Join(fps, ", ")), Digest: DigestOf(u)}}, nil
	})
	return u, err
}

// RevokeUser stops a user's keys from opening sessions, and from writing
// through sessions already open. The user stays in the record, so the
// logbook's authors stay known. It stays possible on a closed crisis.
func (s *Service) RevokeUser(a Actor, name string) (User, error) {
	if a.Name == name {
		return User{}, invalidf("user.revoke-self")
	}
	var u User
	err := s.write(a, ActRestrictUser, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		var ok bool
		var err error
		u, ok, err = tx.User(name)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, notFoundf("user.missing", SanitizeLine(name))
		}
		if !u.Active() {
			return nil, conflictf("user.revoked-already", name)
		}
		u.RevokedAt = &now
		if err := tx.PutUser(u); err != nil {
			return nil, err
		}
		return []AuditRecord{{Action: "user.revoke", Subject: "user/" + name, Detail: "revoked " + name, Digest: DigestOf(u)}}, nil
	})
	return u, err
}
