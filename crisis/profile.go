package crisis

import (
	"fmt"
	"strings"
	"time"
)

// Profile is what a person is called and reads in; a nil field is left as
// it is.
type Profile struct {
	Lang, DisplayName, Org *string
}

// Bounds of a profile's texts: a header line, an export's column.
const (
	MaxDisplayName = 64
	MaxOrg         = 80
)

// clean checks and tidies p's fields.
func (p Profile) clean() (Profile, error) {
	if p.Lang != nil && *p.Lang != "" {
		l, err := ParseLang(*p.Lang)
		if err != nil {
			return p, err
		}
		p.Lang = &l
	}
	for _, f := range []struct {
		v    **string
		max  int
		code string
	}{{&p.DisplayName, MaxDisplayName, "profile.name-long"}, {&p.Org, MaxOrg, "profile.org-long"}} {
		if *f.v == nil {
			continue
		}
		s := strings.Join(strings.Fields(SanitizeLine(**f.v)), " ")
		if len([]rune(s)) > f.max {
			return p, invalidf(f.code, f.max)
		}
		*f.v = &s
	}
	return p, nil
}

func (p Profile) apply(u *User) {
	if p.Lang != nil {
		u.Lang = *p.Lang
	}
	if p.DisplayName != nil {
		u.DisplayName = *p.DisplayName
	}
	if p.Org != nil {
		u.Org = *p.Org
	}
}

// SetProfile changes a user's language, display name or organisation.
// Anyone may change their own; another's is a lead's.
func (s *Service) SetProfile(a Actor, name string, p Profile) (User, error) {
	if p.Lang == nil && p.DisplayName == nil && p.Org == nil {
		return User{}, invalidf("profile.nothing")
	}
	p, err := p.clean()
	if err != nil {
		return User{}, err
	}
	var u User
	err = s.write(a, ActProfile, func(tx WriteTx, _ time.Time) ([]AuditRecord, error) {
		if name != a.Name {
			cur, err := currentActor(tx, a)
			if err != nil {
				return nil, err
			}
			if err := cur.Check(ActManageUsers); err != nil {
				return nil, err
			}
		}
		var ok bool
		var err error
		if u, ok, err = tx.User(name); err != nil {
			return nil, err
		}
		if !ok {
			return nil, notFoundf("user.missing", SanitizeLine(name))
		}
		p.apply(&u)
		if err := tx.PutUser(u); err != nil {
			return nil, err
		}
		return []AuditRecord{{Action: "user.profile", Subject: "user/" + name,
			Detail: fmt.Sprintf("%s: lang %q, name %q, org %q", name, u.Lang, u.DisplayName, u.Org), Digest: DigestOf(u)}}, nil
	})
	return u, err
}

// AddUserWith is AddUser with the person's profile, in one write.
func (s *Service) AddUserWith(a Actor, name string, role Role, keyText string, p Profile) (User, error) {
	p, err := p.clean()
	if err != nil {
		return User{}, err
	}
	return s.addUser(a, name, role, keyText, p)
}
