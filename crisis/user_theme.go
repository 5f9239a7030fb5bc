package crisis

import (
	"fmt"
	"time"
)

// SetTheme keeps the console palette a user chose ("dark", "light" or
// "auto"): everyone may choose their own, a lead anyone's. It is audited
// like every change to a user; choosing the theme already kept writes
// nothing.
func (s *Service) SetTheme(a Actor, name, theme string) (User, error) {
	theme, err := ParseTheme(theme)
	if err != nil {
		return User{}, err
	}
	var u User
	err = s.write(a, ActSetTheme, func(tx WriteTx, _ time.Time) ([]AuditRecord, error) {
		cur, err := currentActor(tx, a)
		if err != nil {
			return nil, err
		}
		if cur.Name != name && !cur.Role.Allowed(ActManageUsers) {
			return nil, forbiddenf("forbidden.theme-other", cur.Role)
		}
		var ok bool
		if u, ok, err = tx.User(name); err != nil {
			return nil, err
		}
		if !ok {
			return nil, notFoundf("user.missing", SanitizeLine(name))
		}
		if u.Theme == theme {
			return nil, nil
		}
		old := u.Theme
		u.Theme = theme
		if err := tx.PutUser(u); err != nil {
			return nil, err
		}
		return []AuditRecord{{Action: "user.theme", Subject: "user/" + name,
			Detail: fmt.Sprintf("changed %s's theme from %s to %s", name, ThemeName(old), ThemeName(theme)), Digest: DigestOf(u)}}, nil
	})
	return u, err
}

// ThemeName is a kept theme as a person reads it: "" is "auto".
func ThemeName(theme string) string {
	if theme == "" {
		return ThemeAuto
	}
	return theme
}

// englishTheme is the sentences of theme changes, merged into English at
// start.
var englishTheme = map[string]string{
	"user.theme-unknown":    "unknown theme %q: dark, light or auto",
	"forbidden.theme-other": "a %s may choose only their own theme",
	"forbidden.set-theme":   "a %s may not choose a theme",
}

func init() {
	for code, sentence := range englishTheme {
		English[code] = sentence
	}
}
