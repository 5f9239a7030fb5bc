package crisis

import (
	"strings"
	"sync/atomic"
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
