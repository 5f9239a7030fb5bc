package crisis_test

import (
	"errors"
	"strings"
	"testing"

	"cellule/crisis"
	"cellule/crisis/crisistest"
)

// Once closed, the record refuses every change, whoever asks and however,
// saying that the crisis is closed; reading still works.
func TestClosedCrisisIsReadOnly(t *testing.T) {
	svc, db := newService(t)
	if _, err := svc.Log(responder, crisis.Draft{Text: "Firewall rules reloaded"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Close(responder, "done"); !errors.Is(err, crisis.ErrForbidden) {
		t.Fatalf("a responder closed the crisis: %v", err)
	}
	if _, err := svc.Close(lead, "  "); !errors.Is(err, crisis.ErrInvalid) {
		t.Fatalf("closed without a note: %v", err)
	}
	v, err := svc.Verify(lead)
	if err != nil {
		t.Fatal(err)
	}
	e, err := svc.Close(lead, "Sortie de crise")
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != crisis.KindClosure || e.Stage != crisis.StageEnd || !strings.Contains(e.Text, "sha256:"+v.Head.Hash) {
		t.Fatalf("the closing entry does not record the chain's head %s: %+v", v.Head.Hash, e)
	}
	st, _ := svc.Status()
	if c := st.Crisis; c.Closed == nil || c.Stage != crisis.StageEnd || c.EndedAt == nil || c.Closed.AuditHash != v.Head.Hash || c.Closed.Entry != e.ID {
		t.Fatalf("crisis after closing: %+v", st.Crisis)
	}
	before := auditCount(t, db)

	host := crisis.LocalActor("test")
	_, pub := crisistest.Key("zoe")
	writes := map[string]func() error{
		"log":      func() error { _, err := svc.Log(responder, crisis.Draft{Text: "late"}); return err },
		"correct":  func() error { _, err := svc.Correct(lead, 1, crisis.Draft{Text: "late"}); return err },
		"stage":    func() error { _, err := svc.SetStage(lead, crisis.StageRemediation, ""); return err },
		"rename":   func() error { _, err := svc.Rename(lead, "Another name"); return err },
		"user add": func() error { _, err := svc.AddUser(host, "zoe", crisis.RoleViewer, pub); return err },
		"raise":    func() error { _, err := svc.SetRole(lead, "vera", crisis.RoleResponder); return err },
		"takeaway": func() error { _, err := svc.AddTakeaway(lead, "late"); return err },
		"close":    func() error { _, err := svc.Close(lead, "again"); return err },
		"demo":     func() error { return svc.LoadDemo(host) },
	}
	for name, write := range writes {
		err := write()
		if !errors.Is(err, crisis.ErrConflict) || !strings.Contains(crisis.Message(err), "closed") {
			t.Errorf("%s after closing: %v", name, err)
		}
	}
	if got := auditCount(t, db); got != before {
		t.Fatalf("refused writes added %d audit records", got-before)
	}
	// Opening the service again (serve does, at every start) is no change.
	if created, err := svc.Open(host, ""); err != nil || created {
		t.Fatalf("open on a closed crisis: %v %v", created, err)
	}
	if _, err := svc.Verify(lead); err != nil {
		t.Fatalf("verify after closing: %v", err)
	}
}

// Taking powers away stays possible on a closed crisis: its record still
// holds every phone number and key. Each change is audited after the
// closing's head, and the chain still verifies through it.
func TestClosedCrisisStillTakesPowersAway(t *testing.T) {
	svc, db := newService(t)
	if _, err := svc.Close(lead, "Sortie de crise"); err != nil {
		t.Fatal(err)
	}
	before := auditCount(t, db)
	if _, err := svc.RevokeUser(responder, "vera"); !errors.Is(err, crisis.ErrForbidden) {
		t.Fatalf("a responder revoked a user of a closed crisis: %v", err)
	}
	if u, err := svc.RevokeUser(lead, "vera"); err != nil || u.Active() {
		t.Fatalf("revoke on a closed crisis: %+v %v", u, err)
	}
	if _, ok := svc.Identify(viewer.Fingerprint); ok {
		t.Fatal("the revoked key still identifies its user")
	}
	if u, err := svc.SetRole(lead, "bob", crisis.RoleViewer); err != nil || u.Role != crisis.RoleViewer {
		t.Fatalf("lowering a role on a closed crisis: %+v %v", u, err)
	}
	if err := svc.Export(responder, func(*crisis.Snapshot) error { return nil }); !errors.Is(err, crisis.ErrForbidden) {
		t.Fatalf("the lowered responder still exports: %v", err)
	}
	if _, err := svc.SetRole(lead, "bob", crisis.RoleLead); !errors.Is(err, crisis.ErrConflict) {
		t.Fatalf("raising a role on a closed crisis: %v", err)
	}
	if got := auditCount(t, db); got != before+2 {
		t.Fatalf("the two changes added %d audit records", got-before)
	}
	if _, err := svc.Verify(lead); err != nil {
		t.Fatalf("verify after the changes: %v", err)
	}
}

// A role change applies to the sessions already open, and nobody changes
// their own.
func TestSetRole(t *testing.T) {
	svc, _ := newService(t)
	if _, err := svc.SetRole(responder, "vera", crisis.RoleLead); !errors.Is(err, crisis.ErrForbidden) {
		t.Fatalf("a responder changed a role: %v", err)
	}
	if _, err := svc.SetRole(lead, "alice", crisis.RoleViewer); !errors.Is(err, crisis.ErrInvalid) {
		t.Fatalf("a lead changed their own role: %v", err)
	}
	if _, err := svc.SetRole(lead, "vera", crisis.RoleViewer); !errors.Is(err, crisis.ErrConflict) {
		t.Fatalf("a role set to what it was: %v", err)
	}
	if _, err := svc.SetRole(lead, "nobody", crisis.RoleViewer); !errors.Is(err, crisis.ErrNotFound) {
		t.Fatalf("a role given to nobody: %v", err)
	}
	if _, err := svc.SetRole(lead, "vera", crisis.RoleResponder); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Log(viewer, crisis.Draft{Text: "now a responder"}); err != nil {
		t.Fatalf("the raised viewer's open session cannot write: %v", err)
	}
}

func TestTakeawaysAreLeadsOnly(t *testing.T) {
	svc, _ := newService(t)
	if _, err := svc.AddTakeaway(responder, "x"); !errors.Is(err, crisis.ErrForbidden) {
		t.Fatalf("a responder wrote a takeaway: %v", err)
	}
	if _, err := svc.AddTakeaway(lead, "\x1b[31m  "); !errors.Is(err, crisis.ErrInvalid) {
		t.Fatalf("an empty takeaway: %v", err)
	}
	tk, err := svc.AddTakeaway(lead, "Keep \x1b[2Joffline copies\x1b]0;x\x07 of the directory")
	if err != nil {
		t.Fatal(err)
	}
	list, _ := svc.Takeaways()
	if len(list) != 1 || list[0].ID != tk.ID || list[0].Text != "Keep offline copies of the directory" || list[0].Author != "alice" {
		t.Fatalf("takeaways: %+v", list)
	}
}

func TestExportIsForLeadsAndResponders(t *testing.T) {
	svc, _ := newService(t)
	for _, a := range []crisis.Actor{lead, responder} {
		if err := svc.Export(a, func(*crisis.Snapshot) error { return nil }); err != nil {
			t.Errorf("%s export: %v", a.Name, err)
		}
	}
	if err := svc.Export(viewer, func(*crisis.Snapshot) error { return nil }); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("a viewer exported: %v", err)
	}
	if err := svc.Read(viewer, func(*crisis.Snapshot) error { return nil }); err != nil {
		t.Errorf("a viewer cannot read the report: %v", err)
	}
}

// A record whose newest audit record carries no digest (a removal: nothing
// is stored any more) is not taken for a missing record.
func TestVerifyAcceptsRemovals(t *testing.T) {
	svc, db := newService(t)
	err := db.Update(func(tx crisis.WriteTx) error {
		head, _, err := tx.AuditHead()
		if err != nil {
			return err
		}
		// As if bob had been removed and his name's record reused by a
		// feature that keeps no digest: the old digest is not the test.
		if _, err = tx.AppendAudit(crisis.AuditRecord{At: head.At, Actor: "alice", Action: "user.remove", Subject: "user/bob", Detail: "removed"}); err != nil {
			return err
		}
		return tx.RawPut("users", "text", "bob", false, []byte(`{"name":"bob"}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Verify(lead); err != nil {
		t.Fatalf("verify: %v", err)
	}
}

// Only closing writes a closure: a person who gives an entry that kind
// (however spelt), lead or responder, is refused and nothing is stored, so
// no entry can pass for the one that seals the record.
func TestOnlyClosingWritesAClosure(t *testing.T) {
	svc, db := newService(t)
	before := auditCount(t, db)
	fake := "Crisis closed: stand down\nThe record is read-only from now on. Audit chain head at closing: #1 sha256:00"
	for _, a := range []crisis.Actor{responder, lead} {
		for _, kind := range []crisis.Kind{"closure", "CLOSURE", " Closure "} {
			_, err := svc.Log(a, crisis.Draft{Kind: kind, Text: fake})
			if !errors.Is(err, crisis.ErrInvalid) || !strings.Contains(crisis.Message(err), "only closing") {
				t.Errorf("%s wrote a %q entry: %v", a.Name, kind, err)
			}
		}
	}
	e, err := svc.SetStage(lead, crisis.StageEnd, "sortie de crise")
	if err != nil || e.Kind == crisis.KindClosure {
		t.Fatalf("the end-of-crisis stage wrote %+v, %v", e, err)
	}
	if _, err := svc.Correct(lead, e.ID, crisis.Draft{Kind: crisis.KindClosure, Text: fake}); !errors.Is(err, crisis.ErrInvalid) {
		t.Errorf("a correction of kind closure: %v", err)
	}
	if got := auditCount(t, db); got != before+2 {
		t.Fatalf("the refused entries added %d audit records", got-before-2)
	}
	for _, k := range crisis.WritableKinds {
		if k == crisis.KindClosure {
			t.Fatal("forms offer the closure kind")
		}
	}
	closing, err := svc.Close(lead, "Sortie de crise")
	if err != nil || closing.Kind != crisis.KindClosure {
		t.Fatalf("closing: %+v %v", closing, err)
	}
}
