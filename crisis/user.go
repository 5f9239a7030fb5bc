package crisis

import (
	"bufio"
	"crypto/rsa"
	"regexp"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// User is a registered person. Identity never comes from the hospital's
// directory (it may be the attacker's): it is an SSH public key registered
// here, with a role.
type User struct {
	Name      string    `json:"name"`
	Role      Role      `json:"role"`
	Keys      []Key     `json:"keys"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by"`
	// RevokedAt is set when the user was revoked; a revoked user's keys no
	// longer open a session. The record stays, for the history.
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
	// Retired keeps the keys of earlier enrolments of this name (a user
	// revoked, then added again with a new key), so entries signed with
	// them still name their author, and the keys never open a session again.
	Retired []RetiredKey `json:"retired,omitempty"`
	// Theme is the console's palette the user chose: "dark", "light", or
	// "" for auto (the terminal's background decides, dark without an
	// answer).
	Theme string `json:"theme,omitempty"`
	// Lang is the language the person reads ("fr", "en"; "" for the
	// server's).
	Lang string `json:"lang,omitempty"`
	// DisplayName and Org are how screens and exports name the person
	// ("Héloïse Durand", "CH Cahors — DSI"); the login name stays plain
	// ASCII and the key fingerprint stays the evidence.
	DisplayName string `json:"display_name,omitempty"`
	Org         string `json:"org,omitempty"`
}

// Shown is how screens name u: the display name, or the login.
func (u User) Shown() string {
	if u.DisplayName != "" {
		return u.DisplayName
	}
	return u.Name
}

// RetiredKey is a key that no longer logs in, and since when.
type RetiredKey struct {
	Key
	RetiredAt time.Time `json:"retired_at"`
}

// Active reports whether the user may still log in.
func (u User) Active() bool { return u.RevokedAt == nil }

// LogsInWith reports whether the key with fingerprint fp opens a session
// for u now: u is active and fp is one of its current keys.
func (u User) LogsInWith(fp string) bool {
	if !u.Active() {
		return false
	}
	for _, k := range u.Keys {
		if k.Fingerprint == fp {
			return true
		}
	}
	return false
}

// RevokedKey reports whether the key with fingerprint fp was u's and was
// revoked (u revoked while it was current, or retired since), and when.
func (u User) RevokedKey(fp string) (time.Time, bool) {
	for _, r := range u.Retired {
		if r.Fingerprint == fp {
			return r.RetiredAt, true
		}
	}
	if u.RevokedAt != nil {
		for _, k := range u.Keys {
			if k.Fingerprint == fp {
				return *u.RevokedAt, true
			}
		}
	}
	return time.Time{}, false
}

// Actor is the user acting through the key with fingerprint fp.
func (u User) Actor(fp string) Actor {
	return Actor{Name: u.Name, Role: u.Role, Fingerprint: fp, Lang: u.Lang}
}

// Key is one registered public key.
type Key struct {
	// Fingerprint is the SHA256 fingerprint, as OpenSSH prints it.
	Fingerprint string `json:"fingerprint"`
	Type        string `json:"type"`
	// AuthorizedKey is the key in authorized_keys form, without comment.
	AuthorizedKey string `json:"authorized_key"`
	Comment       string `json:"comment,omitempty"`
}

var userNamePattern = regexp.MustCompile(`^[a-z][a-z0-9._-]{0,31}$`)

// ValidUserName checks a user name: lower case letters, digits, '.', '_'
// and '-', starting with a letter, at most 32 characters, so that a name
// can never carry anything a terminal would interpret.
func ValidUserName(name string) error {
	if !userNamePattern.MatchString(name) {
		return invalidf("user.bad-name", SanitizeLine(name))
	}
	return nil
}

// UserNameFrom turns an account name (from the OS) into a valid user name,
// or "" when nothing usable is left.
func UserNameFrom(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
			b.WriteRune(r)
		}
	}
	name := strings.TrimLeft(b.String(), "0123456789._-")
	if len(name) > 32 {
		name = name[:32]
	}
	if ValidUserName(name) != nil {
		return ""
	}
	return name
}

// maxKeyText bounds what ParseKeys reads: a few keys, not a file dump.
const maxKeyText = 64 * 1024

// ParseKeys reads public keys in authorized_keys form, one a line; blank
// lines and # comments are skipped. Every other line must be a key.
func ParseKeys(text string) ([]Key, error) {
	if len(text) > maxKeyText {
		return nil, invalidf("key.too-long", len(text))
	}
	var keys []Key
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 4096), maxKeyText+1)
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		pub, comment, _, _, err := gossh.ParseAuthorizedKey([]byte(l))
		if err != nil {
			if isDSALine(l) {
				// x/crypto no longer reads DSA keys: say why, not "not a key".
				return nil, invalidf("key.weak-line", line, Message(invalidf("key.dsa")))
			}
			return nil, invalidf("key.bad-line", line)
		}
		if err := WeakKey(pub); err != nil {
			return nil, invalidf("key.weak-line", line, Message(err))
		}
		keys = append(keys, KeyFrom(pub, SanitizeLine(comment)))
	}
	if len(keys) == 0 {
		return nil, invalidf("key.none")
	}
	return keys, nil
}

// KeyFrom describes a parsed public key.
func KeyFrom(pub gossh.PublicKey, comment string) Key {
	return Key{
		Fingerprint:   gossh.FingerprintSHA256(pub),
		Type:          pub.Type(),
		AuthorizedKey: strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub))),
		Comment:       comment,
	}
}

// MinRSABits is the smallest RSA key that identifies anyone here, at
// enrolment and at login: shorter ones can be factored by a well-funded
// attacker (NIST retired them in 2013; OpenSSH refuses them too).
const MinRSABits = 2048

// WeakKey says why a public key is too weak to stand for a person (a DSA
// key, an RSA key under MinRSABits), or returns nil. A certificate is
// judged by the key it certifies.
func WeakKey(pub gossh.PublicKey) error {
	if cert, ok := pub.(*gossh.Certificate); ok {
		pub = cert.Key
	}
	switch pub.Type() {
	case keyAlgoDSA:
		return invalidf("key.dsa")
	case gossh.KeyAlgoRSA:
		cpk, ok := pub.(gossh.CryptoPublicKey)
		if !ok {
			return invalidf("key.rsa-short", 0, MinRSABits)
		}
		rk, ok := cpk.CryptoPublicKey().(*rsa.PublicKey)
		if !ok || rk.N.BitLen() < MinRSABits {
			bits := 0
			if ok {
				bits = rk.N.BitLen()
			}
			return invalidf("key.rsa-short", bits, MinRSABits)
		}
	}
	return nil
}

// Weakness says why a registered key is too weak to log in (see WeakKey),
// or returns nil: a database from before that rule may hold one.
func (k Key) Weakness() error {
	if k.Type == keyAlgoDSA {
		return invalidf("key.dsa")
	}
	pub, _, _, _, err := gossh.ParseAuthorizedKey([]byte(k.AuthorizedKey))
	if err != nil {
		return nil // not a key this server can read: it cannot log in anyway
	}
	return WeakKey(pub)
}

// isDSALine tells an authorized_keys line whose key is DSA ("ssh-dss",
// after options if any).
func isDSALine(l string) bool {
	for _, f := range strings.Fields(l) {
		if f == keyAlgoDSA {
			return true
		}
		if strings.HasPrefix(f, "ssh-") || strings.HasPrefix(f, "ecdsa-") || strings.HasPrefix(f, "sk-") {
			return false
		}
	}
	return false
}

// keyAlgoDSA is the type of DSA keys, which are refused.
const keyAlgoDSA = "ssh-dss"

// Themes a user may choose for their console: ThemeAuto (the default,
// kept as "") follows the terminal's background when it tells it.
const (
	ThemeAuto  = "auto"
	ThemeDark  = "dark"
	ThemeLight = "light"
)

// ParseTheme accepts a theme's name in any case; "auto" is kept as "".
func ParseTheme(s string) (string, error) {
	switch t := strings.ToLower(strings.TrimSpace(s)); t {
	case ThemeAuto:
		return "", nil
	case ThemeDark, ThemeLight:
		return t, nil
	}
	return "", invalidf("user.theme-unknown", SanitizeLine(s))
}
