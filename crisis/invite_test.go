package crisis_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/store"
)

// clock is a test clock that moves when told.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func newInviteService(t *testing.T) (*crisis.Service, *store.DB, *clock, crisis.Actor) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	c := &clock{now: fixedNow}
	svc := crisis.NewService(db, crisis.WithClock(c.Now))
	if _, err := svc.Open(crisis.LocalActor("test"), "Test crisis"); err != nil {
		t.Fatal(err)
	}
	return svc, db, c, crisistest.Register(t, svc, "alice", crisis.RoleLead)
}

func freshKey(t *testing.T) gossh.PublicKey {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// wrongSecret keeps the code's first 2 characters (the invite it names)
// and changes the rest.
func wrongSecret(code string) string {
	b := []byte(code)
	for i := 2; i < len(b); i++ {
		if b[i] == '2' {
			b[i] = '3'
		} else {
			b[i] = '2'
		}
	}
	return string(b)
}

func audit(t *testing.T, db *store.DB) []crisis.AuditRecord {
	t.Helper()
	var recs []crisis.AuditRecord
	err := db.View(func(tx crisis.ReadTx) error {
		return tx.ScanAudit(func(r crisis.AuditRecord) (bool, error) { recs = append(recs, r); return true, nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func mustInvite(t *testing.T, svc *crisis.Service, lead crisis.Actor, name string, role crisis.Role, ttl time.Duration) string {
	t.Helper()
	_, code, err := svc.CreateInvite(lead, name, role, ttl)
	if err != nil {
		t.Fatalf("invite %s: %v", name, err)
	}
	return code
}

func notValid(t *testing.T, err error, what string) {
	t.Helper()
	if !errors.Is(err, crisis.ErrInviteInvalid) || crisis.Message(err) != "This code is not valid." {
		t.Fatalf("%s: got %v, want exactly \"This code is not valid.\"", what, err)
	}
}

func TestInviteEnrolsTheKeyAndAuditsWhoInvitedWhenAndWhichKey(t *testing.T) {
	svc, db, _, lead := newInviteService(t)
	inv, code, err := svc.CreateInvite(lead, "bob", crisis.RoleResponder, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(code) != 8 || strings.Trim(code, crisis.InviteAlphabet) != "" || strings.ContainsAny(code, "0O1IL") {
		t.Fatalf("code %q: want 8 characters from %s", code, crisis.InviteAlphabet)
	}
	if got := crisis.FormatInviteCode(code); got != code[:4]+"-"+code[4:] {
		t.Errorf("formatted %q", got)
	}
	if !inv.ExpiresAt.Equal(fixedNow.Add(15 * time.Minute)) {
		t.Errorf("expires %s, want 15 minutes from now by default", inv.ExpiresAt)
	}
	key := freshKey(t)
	fp := gossh.FingerprintSHA256(key)
	// Typed as a person reads it: lower case, with the dash and spaces.
	u, err := svc.RedeemInvite(" "+strings.ToLower(crisis.FormatInviteCode(code))+" ", key, "192.0.2.7:5000")
	if err != nil {
		t.Fatal(err)
	}
	if u.Name != "bob" || u.Role != crisis.RoleResponder || u.CreatedBy != "alice" {
		t.Errorf("enrolled %+v", u)
	}
	if got, ok := svc.Identify(fp); !ok || got.Name != "bob" {
		t.Fatalf("the enrolled key does not log in: %+v %v", got, ok)
	}
	var made, spent, added *crisis.AuditRecord
	for _, r := range audit(t, db) {
		switch r.Action {
		case "user.invite":
			made = &r
		case "invite.spent":
			spent = &r
		case "user.add":
			if r.Subject == "user/bob" {
				added = &r
			}
		}
	}
	if made == nil || made.Actor != "alice" || made.Fingerprint != lead.Fingerprint || !strings.Contains(made.Detail, "bob as responder") {
		t.Errorf("invite record: %+v", made)
	}
	if spent == nil || !strings.Contains(spent.Detail, "made by alice at "+fixedNow.Format(time.RFC3339)) || !strings.Contains(spent.Detail, fp) || spent.Fingerprint != fp {
		t.Errorf("spent record: %+v", spent)
	}
	if added == nil || added.Actor != "bob" || !strings.Contains(added.Detail, "invited by alice") {
		t.Errorf("user.add record: %+v", added)
	}
	if _, err := svc.Verify(lead); err != nil {
		t.Errorf("verify after an enrolment: %v", err)
	}
}

func TestInviteCodeIsStoredHashedNotInClear(t *testing.T) {
	svc, db, _, lead := newInviteService(t)
	code := mustInvite(t, svc, lead, "bob", crisis.RoleViewer, 0)
	var raw strings.Builder
	err := db.View(func(tx crisis.ReadTx) error {
		buckets, err := tx.RawBuckets()
		if err != nil {
			return err
		}
		for _, b := range buckets {
			if err := tx.RawRecords(b.Name, func(k string, _ bool, v []byte) error {
				raw.WriteString(k)
				raw.Write(v)
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(raw.String(), `"selector":"`+code[:2]+`"`) {
		t.Fatal("the invite is not in the database at all")
	}
	if strings.Contains(raw.String(), code) || strings.Contains(raw.String(), code[2:]) {
		t.Fatal("the database holds the code in clear")
	}
}

func TestInviteCodeIsSingleUse(t *testing.T) {
	svc, _, _, lead := newInviteService(t)
	code := mustInvite(t, svc, lead, "bob", crisis.RoleResponder, 0)
	if _, err := svc.RedeemInvite(code, freshKey(t), "a"); err != nil {
		t.Fatal(err)
	}
	_, err := svc.RedeemInvite(code, freshKey(t), "a")
	notValid(t, err, "a spent code")
}

func TestInviteCodeExpires(t *testing.T) {
	svc, _, c, lead := newInviteService(t)
	code := mustInvite(t, svc, lead, "bob", crisis.RoleResponder, 20*time.Minute)
	c.advance(20 * time.Minute)
	_, err := svc.RedeemInvite(code, freshKey(t), "a")
	notValid(t, err, "an expired code")
	for _, ttl := range []time.Duration{30 * time.Second, 25 * time.Hour} {
		if _, _, err := svc.CreateInvite(lead, "carol", crisis.RoleViewer, ttl); !errors.Is(err, crisis.ErrInvalid) {
			t.Errorf("--for %s: %v, want refused (1m to 24h)", ttl, err)
		}
	}
}

func TestInviteDiesAfterFiveWrongTries(t *testing.T) {
	svc, db, _, lead := newInviteService(t)
	code := mustInvite(t, svc, lead, "bob", crisis.RoleResponder, 0)
	for i := range crisis.MaxInviteTries {
		_, err := svc.RedeemInvite(wrongSecret(code), freshKey(t), "a")
		notValid(t, err, "wrong code "+string(rune('1'+i)))
	}
	_, err := svc.RedeemInvite(code, freshKey(t), "a")
	notValid(t, err, "the right code after 5 wrong ones")
	n := 0
	for _, r := range audit(t, db) {
		if r.Action == "invite.wrong-code" {
			n++
		}
	}
	if n != crisis.MaxInviteTries {
		t.Errorf("%d wrong codes audited, want %d", n, crisis.MaxInviteTries)
	}
}

func TestInviteWrongExpiredSpentAndUnknownCodesSayTheSame(t *testing.T) {
	svc, _, _, lead := newInviteService(t)
	for _, typed := range []string{"", "hello", "2222-2222", "0O1I-LLLL", strings.Repeat("A", 100)} {
		_, err := svc.RedeemInvite(typed, freshKey(t), "a")
		notValid(t, err, typed)
	}
	code := mustInvite(t, svc, lead, "bob", crisis.RoleResponder, 0)
	_, err := svc.RedeemInvite(wrongSecret(code), freshKey(t), "a")
	notValid(t, err, "a wrong code")
}

func TestInviteRefusesKeysRegisteredRevokedOrWeak(t *testing.T) {
	svc, _, _, lead := newInviteService(t)
	code := mustInvite(t, svc, lead, "bob", crisis.RoleResponder, 0)
	aliceKey, _ := crisistest.Key("alice")
	_, err := svc.RedeemInvite(code, aliceKey.PublicKey(), "a")
	if !errors.Is(err, crisis.ErrConflict) || crisis.Message(err) != "key "+lead.Fingerprint+" already belongs to alice" {
		t.Fatalf("a registered key: %v", err)
	}
	// A revoked user's key.
	crisistest.Register(t, svc, "dave", crisis.RoleViewer)
	if _, err := svc.RevokeUser(lead, "dave"); err != nil {
		t.Fatal(err)
	}
	daveKey, _ := crisistest.Key("dave")
	if _, err := svc.RedeemInvite(code, daveKey.PublicKey(), "a"); !errors.Is(err, crisis.ErrConflict) || !strings.Contains(crisis.Message(err), "already belongs to dave") {
		t.Fatalf("a revoked key: %v", err)
	}
	weak, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	wk, err := gossh.NewPublicKey(&weak.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RedeemInvite(code, wk, "a"); !errors.Is(err, crisis.ErrInvalid) || !strings.Contains(crisis.Message(err), "under 2048 bits") {
		t.Fatalf("an RSA 1024 key: %v", err)
	}
	// None of these spent the code.
	if _, err := svc.RedeemInvite(code, freshKey(t), "a"); err != nil {
		t.Fatalf("the code after refused keys: %v", err)
	}
}

func TestOnlyALeadInvites(t *testing.T) {
	svc, _, _, _ := newInviteService(t)
	r := crisistest.Register(t, svc, "rita", crisis.RoleResponder)
	if _, _, err := svc.CreateInvite(r, "bob", crisis.RoleLead, 0); !errors.Is(err, crisis.ErrForbidden) {
		t.Fatalf("a responder invites: %v", err)
	}
	if _, _, err := svc.CreateInvite(crisis.LocalActor("root"), "rita", crisis.RoleLead, 0); !errors.Is(err, crisis.ErrConflict) {
		t.Fatalf("invite for an active user's name: %v", err)
	}
}
