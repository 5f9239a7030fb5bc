package oncall

import (
	"strings"
	"testing"

	"cellule/crisis"
	"cellule/tui/internal/tuitest"
	"cellule/tui/kit"
)

// The built-in checklists show in the console's language.
func TestChecklistsInTheSessionLanguage(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedOnCall(t)
	o := newOnCall(kit.NewSession(f.Svc, tuitest.Viewer, "en", nil))
	o.t.Lang = crisis.LangFrench
	o.SetSize(100, 20)
	o.Update(o.Reload()())
	v := o.View()
	if !strings.Contains(v, "Astreinte HNO — suspicion de compromission") || !strings.Contains(v, "Appeler l'administrateur d'astreinte") {
		t.Errorf("French view:\n%s", v)
	}
}
