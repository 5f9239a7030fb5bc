package crisis_test

import (
	"errors"
	"path/filepath"
	"testing"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/store"
)

func newLedService(t *testing.T) (*crisis.Service, crisis.Actor) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	svc := crisis.NewService(db)
	if _, err := svc.Open(crisis.LocalActor("test"), ""); err != nil {
		t.Fatal(err)
	}
	return svc, crisistest.Register(t, svc, "alice", crisis.RoleLead)
}

// A status changes by a new entry pointing at the original, which stays
// as it was written.
func TestVerificationChangesByANewEntry(t *testing.T) {
	svc, lead := newLedService(t)
	e, err := svc.Log(lead, crisis.Draft{Text: "Le PACS serait touché", Source: "  prestataire,   par téléphone ", Verify: "à-vérifier"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != crisis.KindInfo || e.Verify != crisis.ToVerify || e.Source != "prestataire, par téléphone" {
		t.Fatalf("entry = %+v", e)
	}
	checks, _ := svc.VerificationOf()
	if checks[e.ID] != crisis.ToVerify {
		t.Fatalf("status = %q", checks[e.ID])
	}
	v, err := svc.SetVerification(lead, e.ID, "vérifiée", "vu sur la console", "")
	if err != nil {
		t.Fatal(err)
	}
	if v.Verifies != e.ID || v.Text != "Entry #1 verified: vu sur la console" || v.TextIn(crisis.LangFrench) != "Entrée n°1 vérifiée : vu sur la console" {
		t.Errorf("verification entry = %+v", v)
	}
	orig, _ := svc.Entry(e.ID)
	if orig.Verify != crisis.ToVerify || orig.Text != e.Text {
		t.Errorf("the original was changed: %+v", orig)
	}
	checks, _ = svc.VerificationOf()
	if checks[e.ID] != crisis.Verified {
		t.Errorf("status after = %q", checks[e.ID])
	}
	plain, _ := svc.Log(lead, crisis.Draft{Text: "Firewall reloaded"})
	if _, err := svc.SetVerification(lead, plain.ID, crisis.Refuted, "", ""); !errors.Is(err, crisis.ErrInvalid) {
		t.Errorf("a status was given to an entry without one: %v", err)
	}
	if _, err := svc.Log(lead, crisis.Draft{Text: "x", Verify: "peut-être"}); !errors.Is(err, crisis.ErrInvalid) {
		t.Errorf("an unknown status was accepted: %v", err)
	}
}

// Anyone sets their own language; another's profile is a lead's.
func TestProfiles(t *testing.T) {
	svc, lead := newLedService(t)
	bob := crisistest.Register(t, svc, "bob", crisis.RoleViewer)
	fr, name := "fr", "Héloïse Durand"
	if _, err := svc.SetProfile(bob, "bob", crisis.Profile{Lang: &fr}); err != nil {
		t.Fatalf("a viewer could not set their own language: %v", err)
	}
	if _, err := svc.SetProfile(bob, "alice", crisis.Profile{Lang: &fr}); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("a viewer changed a lead's profile: %v", err)
	}
	u, err := svc.SetProfile(lead, "bob", crisis.Profile{DisplayName: &name})
	if err != nil || u.Shown() != name || u.Lang != "fr" || u.Name != "bob" {
		t.Errorf("profile = %+v, %v", u, err)
	}
	bad := "klingon"
	if _, err := svc.SetProfile(lead, "bob", crisis.Profile{Lang: &bad}); !errors.Is(err, crisis.ErrInvalid) {
		t.Errorf("an unknown language was accepted: %v", err)
	}
}
