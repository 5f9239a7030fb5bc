package crisis

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/crypto/scrypt"
	gossh "golang.org/x/crypto/ssh"
)

// An invite lets a lead enrol someone who has no way to send their public
// key (no e-mail on the night): the lead reads a one-time code over the
// phone, the invitee logs in as `invite` with any key of theirs and types
// it, and that key is enrolled under the name and role the lead chose.
//
// The code is 8 characters, shown as two groups of 4: the first 2 pick the
// invite (its key in the store), the other 6 are the secret, of which only
// a slow salted hash is stored, so that the database, a backup or a JSON
// export does not give the code away.
type Invite struct {
	Selector string `json:"selector"`
	Name     string `json:"name"`
	Role     Role   `json:"role"`
	// Salt and Hash: scrypt of the whole code, hex.
	Salt      string    `json:"salt"`
	Hash      string    `json:"hash"`
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
	// CreatedBy and CreatedByKey: the lead who made it, and their key.
	CreatedBy    string `json:"created_by"`
	CreatedByKey string `json:"created_by_key"`
	// WrongTries counts the wrong codes typed for this invite; at
	// MaxInviteTries it is dead.
	WrongTries int `json:"wrong_tries"`
	// SpentAt and SpentKey: when it enrolled which key (fingerprint).
	SpentAt  *time.Time `json:"spent_at,omitempty"`
	SpentKey string     `json:"spent_key,omitempty"`
}

// InviteReadTx and InviteWriteTx are the store's side of invites.
type InviteReadTx interface {
	// Invite reads the invite of a selector (2 code characters).
	Invite(selector string) (Invite, bool, error)
}

// InviteWriteTx stores invites.
type InviteWriteTx interface {
	// PutInvite creates or replaces the invite of inv.Selector.
	PutInvite(inv Invite) error
}

const (
	// InviteAlphabet has no look-alikes (no 0/O, 1/I/L) and no U, as
	// Crockford's base 32 leaves it out: 30 symbols a person reads aloud.
	InviteAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
	inviteCodeLen  = 8
	selectorLen    = 2
	// MaxInviteTries wrong codes kill an invite.
	MaxInviteTries = 5
	// DefaultInviteTTL, and the bounds of --for.
	DefaultInviteTTL = 15 * time.Minute
	MinInviteTTL     = time.Minute
	MaxInviteTTL     = 24 * time.Hour
)

// scrypt's cost: about 20 ms and 16 MiB a check, which makes guessing the
// 6 secret characters (30^6) from a stolen file cost months of CPU,
// longer than any invite lives.
const (
	scryptN = 1 << 14
	scryptR = 8
	scryptP = 1
)

// ErrInviteInvalid is the one answer to a wrong, unknown, expired, spent
// or dead code: the invitee learns nothing else.
var ErrInviteInvalid = refusal(ErrInvalid, "invite.invalid", nil)

// Live reports whether the invite can still enrol a key at now.
func (inv Invite) Live(now time.Time) bool {
	return inv.SpentAt == nil && inv.WrongTries < MaxInviteTries && now.Before(inv.ExpiresAt)
}

// FormatInviteCode groups a code 4-4 for reading over the phone.
func FormatInviteCode(code string) string {
	if len(code) != inviteCodeLen {
		return code
	}
	return code[:4] + "-" + code[4:]
}

// normalizeInviteCode accepts what a person types: any case, spaces and
// dashes anywhere. It reports false for anything that cannot be a code.
func normalizeInviteCode(typed string) (string, bool) {
	if len(typed) > 64 {
		return "", false
	}
	var b strings.Builder
	for _, r := range strings.ToUpper(typed) {
		switch {
		case r == ' ' || r == '-' || r == '\t':
		case strings.ContainsRune(InviteAlphabet, r):
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	if b.Len() != inviteCodeLen {
		return "", false
	}
	return b.String(), true
}

func newInviteCode() (string, error) {
	b := make([]byte, inviteCodeLen)
	// Rejection sampling keeps every symbol equally likely.
	limit := byte(256 - 256%len(InviteAlphabet))
	for i := 0; i < len(b); {
		var one [1]byte
		if _, err := rand.Read(one[:]); err != nil {
			return "", err
		}
		if one[0] >= limit {
			continue
		}
		b[i] = InviteAlphabet[int(one[0])%len(InviteAlphabet)]
		i++
	}
	return string(b), nil
}

func inviteHash(code string, salt []byte) ([]byte, error) {
	return scrypt.Key([]byte(code), salt, scryptN, scryptR, scryptP, 32)
}

// errSelectorTaken: a live invite already has these 2 characters; a new
// code is drawn.
var errSelectorTaken = errors.New("selector taken")

// CreateInvite makes a one-time code that enrols the first key it is typed
// with as name, with role, until ttl has passed (DefaultInviteTTL when 0).
// It returns the invite and the code, which is shown once and never stored.
func (s *Service) CreateInvite(a Actor, name string, role Role, ttl time.Duration) (Invite, string, error) {
	if err := ValidUserName(name); err != nil {
		return Invite{}, "", err
	}
	role, err := ParseRole(string(role))
	if err != nil {
		return Invite{}, "", err
	}
	if ttl == 0 {
		ttl = DefaultInviteTTL
	}
	if ttl < MinInviteTTL || ttl > MaxInviteTTL {
		return Invite{}, "", invalidf("invite.bad-ttl", MinInviteTTL.String(), "24h")
	}
	for range 8 {
		code, err := newInviteCode()
		if err != nil {
			return Invite{}, "", err
		}
		salt := make([]byte, 16)
		if _, err := rand.Read(salt); err != nil {
			return Invite{}, "", err
		}
		// The slow hash is computed outside the transaction: writers
		// wait for no one's scrypt.
		h, err := inviteHash(code, salt)
		if err != nil {
			return Invite{}, "", err
		}
		var inv Invite
		err = s.write(a, ActManageUsers, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
			if u, exists, err := tx.User(name); err != nil {
				return nil, err
			} else if exists && u.Active() {
				return nil, conflictf("user.exists", name)
			}
			sel := code[:selectorLen]
			old, ok, err := tx.Invite(sel)
			if err != nil {
				return nil, err
			}
			if ok && old.Live(now) {
				return nil, errSelectorTaken
			}
			inv = Invite{Selector: sel, Name: name, Role: role, Salt: hex.EncodeToString(salt), Hash: hex.EncodeToString(h),
				CreatedAt: now, ExpiresAt: now.Add(ttl), CreatedBy: a.Name, CreatedByKey: a.Fingerprint}
			if err := tx.PutInvite(inv); err != nil {
				return nil, err
			}
			return []AuditRecord{{Action: "user.invite", Subject: "invite/" + sel,
				Detail: fmt.Sprintf("invited %s as %s, code valid until %s", name, role, inv.ExpiresAt.Format(time.RFC3339)), Digest: DigestOf(inv)}}, nil
		})
		if errors.Is(err, errSelectorTaken) {
			continue
		}
		if err != nil {
			return Invite{}, "", err
		}
		return inv, code, nil
	}
	return Invite{}, "", conflictf("invite.full")
}

// RedeemInvite enrols key with the invite whose code was typed. A wrong
// code counts against the invite it names (MaxInviteTries kill it); every
// code that does not enrol gets ErrInviteInvalid, whatever the reason. A
// right code with a key that cannot be enrolled (already registered,
// revoked, too weak) gets the refusal user add gives, and stays unspent.
// from is the invitee's address, for the audit trail.
func (s *Service) RedeemInvite(typed string, key gossh.PublicKey, from string) (User, error) {
	code, ok := normalizeInviteCode(typed)
	if !ok {
		return User{}, ErrInviteInvalid
	}
	sel := code[:selectorLen]
	var inv Invite
	err := s.store.View(func(tx ReadTx) error {
		var err error
		inv, ok, err = tx.Invite(sel)
		return err
	})
	if err != nil {
		return User{}, err
	}
	if !ok || !inv.Live(s.Now()) {
		return User{}, ErrInviteInvalid
	}
	salt, err := hex.DecodeString(inv.Salt)
	if err != nil {
		return User{}, ErrInviteInvalid
	}
	h, err := inviteHash(code, salt)
	if err != nil {
		return User{}, err
	}
	k := KeyFrom(key, "")
	invitee := Actor{Name: "invite", Role: RoleViewer, Fingerprint: k.Fingerprint}
	var u User
	wrong := false
	err = s.writeUnregistered(func(tx WriteTx, now time.Time) ([]AuditRecord, Actor, error) {
		cur, ok, err := tx.Invite(sel)
		if err != nil {
			return nil, invitee, err
		}
		// Read again: another session may have spent it, or used its
		// last try, since the lookup above.
		if !ok || cur.Salt != inv.Salt || !cur.Live(now) {
			return nil, invitee, ErrInviteInvalid
		}
		want, _ := hex.DecodeString(cur.Hash)
		if subtle.ConstantTimeCompare(h, want) != 1 {
			wrong = true
			cur.WrongTries++
			if err := tx.PutInvite(cur); err != nil {
				return nil, invitee, err
			}
			return []AuditRecord{{Action: "invite.wrong-code", Subject: "invite/" + sel,
				Detail: fmt.Sprintf("a wrong code for the invite of %s (%d of %d), from %s, key %s", cur.Name, cur.WrongTries, MaxInviteTries, SanitizeLine(from), k.Fingerprint),
				Digest: DigestOf(cur)}}, invitee, nil
		}
		if err := WeakKey(key); err != nil {
			return nil, invitee, err
		}
		if owner, taken, err := tx.UserByFingerprint(k.Fingerprint); err != nil {
			return nil, invitee, err
		} else if taken {
			return nil, invitee, conflictf("key.taken", k.Fingerprint, owner.Name)
		}
		old, exists, err := tx.User(cur.Name)
		if err != nil {
			return nil, invitee, err
		}
		if exists && old.Active() {
			return nil, invitee, conflictf("user.exists", cur.Name)
		}
		u = User{Name: cur.Name, Role: cur.Role, Keys: []Key{k}, CreatedAt: now, CreatedBy: cur.CreatedBy}
		if exists {
			// As user add does after a revocation: the old keys are retired.
			u.Retired = append(u.Retired, old.Retired...)
			for _, ok2 := range old.Keys {
				u.Retired = append(u.Retired, RetiredKey{Key: ok2, RetiredAt: *old.RevokedAt})
			}
		}
		if err := tx.PutUser(u); err != nil {
			return nil, invitee, err
		}
		cur.SpentAt, cur.SpentKey = &now, k.Fingerprint
		if err := tx.PutInvite(cur); err != nil {
			return nil, invitee, err
		}
		return []AuditRecord{
			{Action: "invite.spent", Subject: "invite/" + sel,
				Detail: fmt.Sprintf("the invite of %s made by %s at %s enrolled key %s, from %s", cur.Name, cur.CreatedBy, cur.CreatedAt.Format(time.RFC3339), k.Fingerprint, SanitizeLine(from)),
				Digest: DigestOf(cur)},
			{Action: "user.add", Subject: "user/" + cur.Name,
				Detail: fmt.Sprintf("added %s as %s with %s, invited by %s", cur.Name, cur.Role, k.Fingerprint, cur.CreatedBy),
				Digest: DigestOf(u)},
		}, u.Actor(k.Fingerprint), nil
	})
	if err == nil && wrong {
		return User{}, ErrInviteInvalid
	}
	return u, err
}

// writeUnregistered is write for a change made by someone not (yet)
// registered: fn checks what allows it, and names the actor the audit
// records carry.
func (s *Service) writeUnregistered(fn func(tx WriteTx, now time.Time) ([]AuditRecord, Actor, error)) error {
	changed, usersChanged := false, false
	err := s.store.Update(func(tx WriteTx) error {
		now := s.Now()
		if err := refuseIfClosed(tx, ActManageUsers); err != nil {
			return err
		}
		recs, a, err := fn(tx, now)
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
			s.users.seq.Add(1)
		}
		s.hub.publish()
	}
	return notSaved(err)
}
