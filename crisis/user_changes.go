package crisis

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"
)

// userChanges counts the committed changes to users (added, revoked, a
// new role or key). Every open session re-checks its own access after such
// a change only: after the others (hundreds, during a busy crisis) there is
// nothing to look up.
type userChanges struct {
	seq atomic.Uint64
}

// isUserRecord tells whether an audit record is about a user.
func isUserRecord(rec AuditRecord) bool { return strings.HasPrefix(rec.Subject, "user/") }

// UserChanges counts the changes to users committed so far. It moves before
// the change is published to subscribers, so one woken by that change sees
// the new count.
func (s *Service) UserChanges() uint64 { return s.users.seq.Load() }

// SetRole gives a user another role. Lowering a role takes powers away and
// stays possible on a closed crisis, like a revocation; raising one adds
// powers to a record that is evidence, and is refused once it is closed.
// Nobody changes their own role (a lead could lock the cell out of itself).
func (s *Service) SetRole(a Actor, name string, role Role) (User, error) {
	role, err := ParseRole(string(role))
	if err != nil {
		return User{}, err
	}
	if a.Name == name {
		return User{}, invalidf("user.role-self")
	}
	var u User
	err = s.write(a, ActRestrictUser, func(tx WriteTx, _ time.Time) ([]AuditRecord, error) {
		var ok bool
		var err error
		if u, ok, err = tx.User(name); err != nil {
			return nil, err
		}
		if !ok {
			return nil, notFoundf("user.missing", SanitizeLine(name))
		}
		if !u.Active() {
			return nil, conflictf("user.role-revoked", name)
		}
		if u.Role == role {
			return nil, conflictf("user.role-same", name, role)
		}
		if role.rank() > u.Role.rank() {
			// Raising is managing users: a closed record refuses it.
			if err := refuseIfClosed(tx, ActManageUsers); err != nil {
				return nil, err
			}
		}
		old := u.Role
		u.Role = role
		if err := tx.PutUser(u); err != nil {
			return nil, err
		}
		return []AuditRecord{{Action: "user.role", Subject: "user/" + name,
			Detail: fmt.Sprintf("changed %s's role from %s to %s", name, old, role), Digest: DigestOf(u)}}, nil
	})
	return u, err
}
