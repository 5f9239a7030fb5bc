package crisis_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/store"
)

func themeService(t *testing.T, name string) (*crisis.Service, *store.DB) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return crisis.NewService(db, crisis.WithClock(func() time.Time { return fixedNow }), crisis.WithLocation(time.UTC)), db
}

func userTheme(t *testing.T, svc *crisis.Service, a crisis.Actor) string {
	t.Helper()
	u, ok := svc.Identify(a.Fingerprint)
	if !ok {
		t.Fatalf("%s is not registered", a.Name)
	}
	return u.Theme
}

// TestSetThemeIsAuthorizedAuditedAndExported: a user chooses their own
// theme, a lead anyone's, a viewer nobody else's; each change is in the
// audit trail, and the theme survives an export and an import.
func TestSetThemeIsAuthorizedAuditedAndExported(t *testing.T) {
	svc, _ := themeService(t, "orig.db")
	host := crisis.LocalActor("test")
	if _, err := svc.Open(host, "Theme crisis"); err != nil {
		t.Fatal(err)
	}
	lead := crisistest.Register(t, svc, "lea", crisis.RoleLead)
	vera := crisistest.Register(t, svc, "vera", crisis.RoleViewer)
	bob := crisistest.Register(t, svc, "bob", crisis.RoleResponder)

	if _, err := svc.SetTheme(vera, "vera", "LIGHT"); err != nil {
		t.Fatalf("a viewer could not choose her own theme: %v", err)
	}
	if _, err := svc.SetTheme(vera, "bob", "light"); !errors.Is(err, crisis.ErrForbidden) {
		t.Fatalf("a viewer set another user's theme: %v", err)
	}
	if got := userTheme(t, svc, bob); got != "" {
		t.Fatalf("bob's theme is %q after a refused change", got)
	}
	if _, err := svc.SetTheme(lead, "bob", "dark"); err != nil {
		t.Fatalf("a lead could not set bob's theme: %v", err)
	}
	if _, err := svc.SetTheme(bob, "bob", "pink"); err == nil || !strings.Contains(crisis.Message(err), "dark, light or auto") {
		t.Fatalf("an unknown theme: %v", err)
	}
	if got := userTheme(t, svc, vera) + "/" + userTheme(t, svc, bob); got != "light/dark" {
		t.Fatalf("themes are %s, want light/dark", got)
	}

	var b bytes.Buffer
	if err := svc.Export(host, func(s *crisis.Snapshot) error { return s.WriteJSON(&b) }); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"changed vera's theme from auto to light", "changed bob's theme from auto to dark"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the audit trail does not say %q", want)
		}
	}

	copySvc, _ := themeService(t, "copy.db")
	if _, err := copySvc.Import(bytes.NewReader(b.Bytes())); err != nil {
		t.Fatal(err)
	}
	if got := userTheme(t, copySvc, vera) + "/" + userTheme(t, copySvc, bob); got != "light/dark" {
		t.Fatalf("after import the themes are %s, want light/dark", got)
	}
	if v, err := copySvc.Verify(host); err != nil || v.Records == 0 {
		t.Fatalf("the imported record does not verify: %v %+v", err, v)
	}
}
