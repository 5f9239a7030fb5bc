package crisis_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/store"
)

// The people of these tests; newService registers them.
var (
	lead      = crisistest.Actor("alice", crisis.RoleLead)
	responder = crisistest.Actor("bob", crisis.RoleResponder)
	viewer    = crisistest.Actor("vera", crisis.RoleViewer)
)

// fixedNow is 2022-09-12 04:00 in Paris (summer time).
var fixedNow = time.Date(2022, 9, 12, 2, 0, 0, 0, time.UTC)

func newService(t *testing.T) (*crisis.Service, *store.DB) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	svc := crisis.NewService(db, crisis.WithClock(func() time.Time { return fixedNow }), crisis.WithLocation(time.FixedZone("CEST", 2*3600)))
	if _, err := svc.Open(crisis.LocalActor("test"), "Test crisis"); err != nil {
		t.Fatal(err)
	}
	for _, a := range []crisis.Actor{lead, responder, viewer} {
		crisistest.Register(t, svc, a.Name, a.Role)
	}
	return svc, db
}

func auditCount(t *testing.T, db *store.DB) int {
	t.Helper()
	n := 0
	var prev *crisis.AuditRecord
	err := db.View(func(tx crisis.ReadTx) error {
		return tx.ScanAudit(func(r crisis.AuditRecord) (bool, error) {
			if err := r.Check(prev); err != nil {
				t.Errorf("audit chain broken: %v", err)
			}
			prev = &r
			n++
			return true, nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestLogAppendsWithAuditAndTimes(t *testing.T) {
	svc, db := newService(t)
	before := auditCount(t, db)
	e, err := svc.Log(responder, crisis.Draft{Kind: crisis.KindAction, Text: "  Firewall rules reloaded\n", When: "03:40"})
	if err != nil {
		t.Fatal(err)
	}
	if e.ID != 1 || e.Text != "Firewall rules reloaded" || e.Author != "bob" || e.AuthorKey != responder.Fingerprint || e.Kind != crisis.KindAction {
		t.Errorf("entry = %+v", e)
	}
	if want := time.Date(2022, 9, 12, 1, 40, 0, 0, time.UTC); !e.OccurredAt.Equal(want) || !e.RecordedAt.Equal(fixedNow) || !e.Backdated() {
		t.Errorf("occurred %v recorded %v; want %v and %v", e.OccurredAt, e.RecordedAt, want, fixedNow)
	}
	if got := auditCount(t, db); got != before+1 {
		t.Errorf("audit records %d -> %d; want one more", before, got)
	}
	var head crisis.AuditRecord
	_ = db.View(func(tx crisis.ReadTx) error { head, _, _ = tx.AuditHead(); return nil })
	if head.Actor != "bob" || head.Fingerprint != responder.Fingerprint || head.Subject != "entry/1" || head.Digest != crisis.DigestOf(e) {
		t.Errorf("audit head = %+v", head)
	}
	// No kind given: a fact, stamped now.
	e2, err := svc.Log(responder, crisis.Draft{Text: "Still up"})
	if err != nil || e2.Kind != crisis.KindFact || !e2.OccurredAt.Equal(fixedNow) {
		t.Errorf("default entry = %+v, %v", e2, err)
	}
}

func TestLogRefusesAndChangesNothing(t *testing.T) {
	svc, db := newService(t)
	before := auditCount(t, db)
	cases := []struct {
		who   crisis.Actor
		draft crisis.Draft
		want  error
	}{
		{viewer, crisis.Draft{Text: "I only watch"}, crisis.ErrForbidden},
		{responder, crisis.Draft{Text: "   \n\t "}, crisis.ErrInvalid},
		{responder, crisis.Draft{Text: "\x1b[2J\x07"}, crisis.ErrInvalid},
		{responder, crisis.Draft{Text: strings.Repeat("x", crisis.MaxEntryBytes+1)}, crisis.ErrInvalid},
		{responder, crisis.Draft{Text: "ok", Kind: "gossip"}, crisis.ErrInvalid},
		{responder, crisis.Draft{Text: "ok", When: "41:05"}, crisis.ErrInvalid},
		{responder, crisis.Draft{Text: "ok", When: "2030-01-01 00:00"}, crisis.ErrInvalid},
	}
	for _, c := range cases {
		if _, err := svc.Log(c.who, c.draft); !errors.Is(err, c.want) {
			t.Errorf("Log(%s, %.20q) err = %v; want %v", c.who.Name, c.draft.Text, err, c.want)
		}
	}
	if _, err := svc.Correct(responder, 99, crisis.Draft{Text: "fix"}); !errors.Is(err, crisis.ErrNotFound) {
		t.Errorf("correcting a missing entry: %v", err)
	}
	page, _ := svc.Timeline(crisis.TimelineQuery{})
	if len(page.Entries) != 0 || page.Total != 0 {
		t.Errorf("refused writes left entries: %+v", page)
	}
	if got := auditCount(t, db); got != before {
		t.Errorf("refused writes left %d audit records", got-before)
	}
	// The entry limit is exactly 8 KiB.
	if _, err := svc.Log(responder, crisis.Draft{Text: strings.Repeat("x", crisis.MaxEntryBytes)}); err != nil {
		t.Errorf("an 8 KiB entry is refused: %v", err)
	}
}

func TestTextIsSanitisedOnInput(t *testing.T) {
	svc, _ := newService(t)
	e, err := svc.Log(responder, crisis.Draft{Text: "ok\x1b]52;c;SGVsbG8=\x07\u202e done"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Text != "ok done" {
		t.Errorf("stored text %q", e.Text)
	}
}

func TestCorrectionKeepsOriginal(t *testing.T) {
	svc, _ := newService(t)
	orig, _ := svc.Log(responder, crisis.Draft{Kind: crisis.KindDecision, Text: "Disconnect 25 servers", When: "03:40"})
	fix, err := svc.Correct(lead, orig.ID, crisis.Draft{Text: "It was 26 servers"})
	if err != nil {
		t.Fatal(err)
	}
	if fix.Amends != orig.ID || fix.Kind != crisis.KindDecision || !fix.OccurredAt.Equal(orig.OccurredAt) {
		t.Errorf("correction = %+v; want amends #%d and the original's kind and time", fix, orig.ID)
	}
	again, err := svc.Entry(orig.ID)
	if err != nil || again.Text != "Disconnect 25 servers" || !again.Amended() || again.AmendedBy[0] != fix.ID {
		t.Errorf("original after correction = %+v, %v", again, err)
	}
}

func TestStageChangesAreLeadOnlyAndLogged(t *testing.T) {
	svc, _ := newService(t)
	if _, err := svc.SetStage(responder, crisis.StageContainment, ""); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("responder changing stage: %v", err)
	}
	if _, err := svc.SetStage(lead, "panic", ""); !errors.Is(err, crisis.ErrInvalid) {
		t.Errorf("unknown stage: %v", err)
	}
	e, err := svc.SetStage(lead, crisis.StageContainment, "server disconnected")
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != crisis.KindDecision || !strings.Contains(e.Text, "alert to containment") || !strings.Contains(e.Text, "server disconnected") {
		t.Errorf("stage entry = %+v", e)
	}
	st, _ := svc.Status()
	if st.Crisis.Stage != crisis.StageContainment || st.Crisis.Name != "Test crisis" {
		t.Errorf("crisis = %+v", st.Crisis)
	}
	if _, err := svc.SetStage(lead, crisis.StageContainment, ""); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("same stage again: %v", err)
	}

	// Reaching the end stops the crisis's clock; reopening starts it again.
	end, err := svc.SetStage(lead, crisis.StageEnd, "sortie de crise")
	if err != nil || end.Kind != crisis.KindDecision || end.Stage != crisis.StageEnd {
		t.Fatalf("end of crisis: %+v %v", end, err)
	}
	st, _ = svc.Status()
	if st.Crisis.EndedAt == nil || !st.Crisis.EndedAt.Equal(fixedNow) || st.Crisis.Duration(fixedNow.Add(48*time.Hour)) != fixedNow.Sub(st.Crisis.OpenedAt) {
		t.Errorf("ended crisis = %+v", st.Crisis)
	}
	if _, err := svc.SetStage(lead, crisis.StageInvestigation, "new indicator found"); err != nil {
		t.Fatal(err)
	}
	if st, _ = svc.Status(); st.Crisis.EndedAt != nil {
		t.Errorf("a reopened crisis still has an end: %+v", st.Crisis)
	}
}

func TestTimelinePagesFiltersAndSearches(t *testing.T) {
	svc, _ := newService(t)
	for i := 0; i < 30; i++ {
		kind := crisis.KindFact
		if i%3 == 0 {
			kind = crisis.KindAction
		}
		text := "routine check"
		if i == 7 {
			text = "Zimbra server disconnected"
		}
		if _, err := svc.Log(responder, crisis.Draft{Kind: kind, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	page, err := svc.Timeline(crisis.TimelineQuery{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entries) != 10 || page.Entries[0].ID != 21 || page.Entries[9].ID != 30 || !page.More || page.Total != 30 {
		t.Errorf("newest page: %d entries, first #%d, more=%v, total=%d", len(page.Entries), page.Entries[0].ID, page.More, page.Total)
	}
	older, _ := svc.Timeline(crisis.TimelineQuery{Limit: 10, Before: 21})
	if older.Entries[9].ID != 20 || older.Entries[0].ID != 11 {
		t.Errorf("older page: #%d..#%d", older.Entries[0].ID, older.Entries[9].ID)
	}
	actions, _ := svc.Timeline(crisis.TimelineQuery{Kind: crisis.KindAction})
	if len(actions.Entries) != 10 || actions.More {
		t.Errorf("action filter: %d entries", len(actions.Entries))
	}
	found, _ := svc.Timeline(crisis.TimelineQuery{Search: "ZIMBRA"})
	if len(found.Entries) != 1 || found.Entries[0].ID != 8 {
		t.Errorf("search: %+v", found.Entries)
	}
}

func TestUsersAddIdentifyRevoke(t *testing.T) {
	svc, db := newService(t)
	const key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx4XKtKuBnCHjUq5cdFxYoVaYNn0lgeyZ+IPTkqnWVw dave@laptop"
	if _, err := svc.AddUser(responder, "carol", crisis.RoleViewer, key); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("a responder adding users: %v", err)
	}
	for _, bad := range []struct{ name, role, key string }{
		{"Dave Smith", "viewer", key},
		{"dave\x1b[2J", "viewer", key},
		{"dave", "admin", key},
		{"dave", "viewer", "not a key"},
	} {
		if _, err := svc.AddUser(lead, bad.name, crisis.Role(bad.role), bad.key); !errors.Is(err, crisis.ErrInvalid) {
			t.Errorf("AddUser(%q, %q): %v", bad.name, bad.role, err)
		}
	}
	before := auditCount(t, db)
	u, err := svc.AddUser(lead, "dave", crisis.RoleResponder, key)
	if err != nil {
		t.Fatal(err)
	}
	fp := u.Keys[0].Fingerprint
	if !strings.HasPrefix(fp, "SHA256:") || u.Keys[0].Comment != "dave@laptop" {
		t.Errorf("key = %+v", u.Keys[0])
	}
	if got, ok := svc.Identify(fp); !ok || got.Name != "dave" || got.Role != crisis.RoleResponder {
		t.Errorf("Identify = %+v %v", got, ok)
	}
	if _, err := svc.AddUser(lead, "dave", crisis.RoleViewer, key); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("adding dave twice: %v", err)
	}
	if _, err := svc.AddUser(lead, "robert", crisis.RoleViewer, key); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("dave's key under another name: %v", err)
	}
	if _, err := svc.RevokeUser(lead, "dave"); err != nil {
		t.Fatal(err)
	}
	if _, ok := svc.Identify(fp); ok {
		t.Error("a revoked key still identifies")
	}
	if _, err := svc.RevokeUser(lead, "nobody"); !errors.Is(err, crisis.ErrNotFound) {
		t.Errorf("revoking a stranger: %v", err)
	}
	if _, err := svc.RevokeUser(lead, "alice"); !errors.Is(err, crisis.ErrInvalid) {
		t.Errorf("revoking oneself: %v", err)
	}
	// A revoked key is refused for ever, under its own name or any other:
	// it is the evidence of a lost laptop. The refusal says when it was
	// revoked, and whose it was.
	for _, name := range []string{"dave", "robert"} {
		_, err := svc.AddUser(lead, name, crisis.RoleResponder, key)
		if !errors.Is(err, crisis.ErrConflict) {
			t.Fatalf("dave's revoked key enrolled again as %s: %v", name, err)
		}
		if msg := crisis.Message(err); !strings.Contains(msg, fp) || !strings.Contains(msg, "was revoked on 20") || !strings.Contains(msg, "as dave's") {
			t.Errorf("refusal of a revoked key as %s: %q", name, msg)
		}
	}
	if _, err := svc.Users(responder); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("a responder listed users and keys: %v", err)
	}

	// Given a new key (a lost laptop): the old key is retired — it still
	// names dave, never logs in, and no one may take it, dave included.
	_, newKey := crisistest.Key("dave's new laptop")
	d, err := svc.AddUser(lead, "dave", crisis.RoleResponder, newKey)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Retired) != 1 || d.Retired[0].Fingerprint != fp {
		t.Errorf("retired keys = %+v; want the lost one", d.Retired)
	}
	if us, err := svc.Users(lead); err != nil || len(us) != 4 {
		t.Errorf("users = %d, %v; want alice, bob, dave, vera", len(us), err)
	}
	if got := auditCount(t, db); got != before+3 {
		t.Errorf("audit records: %d new; want 3 (add, revoke, add)", got-before)
	}
	if _, ok := svc.Identify(fp); ok {
		t.Error("a retired key still logs in")
	}
	if _, ok := svc.Identify(d.Keys[0].Fingerprint); !ok {
		t.Error("the new key does not log in")
	}
	if _, err := svc.RevokeUser(lead, "dave"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"dave", "mallory"} {
		_, fresh := crisistest.Key("fresh " + name)
		_, err := svc.AddUser(lead, name, crisis.RoleViewer, key+"\n"+fresh)
		if !errors.Is(err, crisis.ErrConflict) || !strings.Contains(crisis.Message(err), "was revoked on") {
			t.Errorf("a retired key enrolled again as %s (next to a fresh one): %v", name, err)
		}
	}
}

func TestSubscribersAreSignalledAfterCommitOnly(t *testing.T) {
	svc, _ := newService(t)
	ch, cancel := svc.Subscribe()
	defer cancel()
	if _, err := svc.Log(viewer, crisis.Draft{Text: "refused"}); err == nil {
		t.Fatal("viewer wrote")
	}
	select {
	case <-ch:
		t.Fatal("a refused write signalled subscribers")
	default:
	}
	// Several commits before the subscriber looks merge into one signal,
	// and the writer never blocks on it.
	for i := 0; i < 3; i++ {
		if _, err := svc.Log(responder, crisis.Draft{Text: "burst"}); err != nil {
			t.Fatal(err)
		}
	}
	<-ch
	select {
	case <-ch:
		t.Fatal("a burst was signalled more than once")
	default:
	}
	leave := svc.Join(viewer)
	<-ch
	if on := svc.Online(); len(on) != 1 || on[0].Name != "vera" {
		t.Errorf("online = %+v", on)
	}
	leave()
	<-ch
	if on := svc.Online(); len(on) != 0 {
		t.Errorf("online after leaving = %+v", on)
	}
}

func TestRename(t *testing.T) {
	svc, _ := newService(t)
	if _, err := svc.Rename(responder, "Mine now"); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("a responder renamed the crisis: %v", err)
	}
	for _, bad := range []string{"", " \x1b[2J ", strings.Repeat("n", crisis.MaxCrisisName+1)} {
		if _, err := svc.Rename(lead, bad); !errors.Is(err, crisis.ErrInvalid) {
			t.Errorf("Rename(%q): %v", bad, err)
		}
	}
	e, err := svc.Rename(lead, "Cyberattack\x1b]0;x\x07 CH Cahors")
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := svc.Status(); st.Crisis.Name != "Cyberattack CH Cahors" {
		t.Errorf("name = %q", st.Crisis.Name)
	}
	if !strings.Contains(e.Text, `from "Test crisis" to "Cyberattack CH Cahors"`) {
		t.Errorf("rename entry = %q", e.Text)
	}
	if _, err := svc.Rename(lead, "Cyberattack CH Cahors"); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("same name again: %v", err)
	}
}

// A session keeps the actor it logged in with; the service must judge each
// write by what the record says now.
func TestWritesFollowTheRecordNotTheLogin(t *testing.T) {
	svc, _ := newService(t)
	if _, err := svc.RevokeUser(lead, "bob"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Log(responder, crisis.Draft{Text: "written after my revocation"}); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("a revoked user's open session wrote: %v", err)
	}
	// Re-enrolled as a viewer (with a new key: the revoked one is refused
	// for ever): the old responder session may not write either.
	_, pub := crisistest.Key("bob's new laptop")
	if _, err := svc.AddUser(lead, "bob", crisis.RoleViewer, pub); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Log(responder, crisis.Draft{Text: "still a responder?"}); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("a demoted user's session wrote: %v", err)
	}
	// A key nobody registered never writes, whatever role it claims.
	stranger := crisis.Actor{Name: "eve", Role: crisis.RoleLead, Fingerprint: "SHA256:eve"}
	if _, err := svc.SetStage(stranger, crisis.StageContainment, ""); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("an unregistered actor changed the stage: %v", err)
	}
	if page, _ := svc.Timeline(crisis.TimelineQuery{}); page.Total != 0 {
		t.Errorf("refused writes left %d entries", page.Total)
	}
}

func TestTabsCannotStretchAnEntryPastTheLimit(t *testing.T) {
	svc, _ := newService(t)
	// 8,000 bytes of input, 20,000 once each tab is four spaces.
	if _, err := svc.Log(responder, crisis.Draft{Text: strings.Repeat("a\t", 4000)}); !errors.Is(err, crisis.ErrInvalid) {
		t.Errorf("an entry that sanitises past 8 KiB was accepted: %v", err)
	}
}

func TestEachEntryReadsPastOnePage(t *testing.T) {
	svc, _ := newService(t)
	const n = 1100 // more than two of EachEntry's pages
	for i := 0; i < n; i++ {
		if _, err := svc.Log(responder, crisis.Draft{Text: "tick"}); err != nil {
			t.Fatal(err)
		}
	}
	var ids []uint64
	if err := svc.EachEntry(func(e crisis.Entry) error { ids = append(ids, e.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(ids) != n {
		t.Fatalf("visited %d entries; want %d", len(ids), n)
	}
	for i, id := range ids {
		if id != uint64(i+1) {
			t.Fatalf("entry %d visited as #%d: out of order or skipped", i+1, id)
		}
	}
}
