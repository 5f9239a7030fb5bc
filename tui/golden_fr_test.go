package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"cellule/crisis"
	"cellule/report"
	"cellule/tui/internal/tuitest"
)

// Golden screens of every tab in French, at 80x24 and 120x40, through the
// shell as a French user opens them: French labels, dates and plurals
// around text people typed in English. Regenerate with
// `go test ./tui -run TestGoldenFrench -update`.
func TestGoldenFrench(t *testing.T) {
	tabs := []struct {
		key, shows string
	}{
		{"1", "VPN closed"},
		// What each tab shows once its read is in, not its title.
		{"2", "RETARD 1h12"},
		{"3", "en-investigation"},
		{"4", "suivante : 2"},
		{"5", "Contexte d'intervention"},
		{"6", "compromis (2)"},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, tab := range tabs {
			t.Run(fmt.Sprintf("%dx%d/tab%s", size[0], size[1], tab.key), func(t *testing.T) {
				f := newFixture(t)
				seedEverything(t, f)
				tm := tuitest.StartSized(t, New(f.svc, lead, Options{Width: size[0], Height: size[1], Lang: "fr", Preview: report.Preview, PreviewIn: report.PreviewIn}), size[0], size[1])
				scr := tuitest.NewScreenSized(t, size[0], size[1])
				scr.WaitFor(t, tm, "VPN closed")
				press(tm, tab.key)
				scr.WaitFor(t, tm, tab.shows)
				golden.RequireEqual(t, []byte(finalView(t, tm)))
			})
		}
	}
}

// seedEverything fills every tab: entries, tasks, checklists and the
// directory, and a recovery plan under way.
func seedEverything(t *testing.T, f *fixture) {
	t.Helper()
	f.seedTasks(t)
	f.SeedOnCall(t)
	for _, ref := range []string{"firewall", "core-switches"} {
		if _, _, err := f.svc.SetRecoveryItem(responder, ref, crisis.ItemChange{State: crisis.StateInService}); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := f.svc.SetRecoveryItem(responder, "dc", crisis.ItemChange{State: crisis.StateInvestigating}); err != nil {
		t.Fatal(err)
	}
	for _, d := range []crisis.AssetDraft{
		{Kind: "domain-admin", Identifier: "adm-jdupont", State: "compromised", Item: "dc", Evidence: "4624 à 03:12"},
		{Kind: "server", Identifier: "srv-sauvegarde", State: "compromised", Item: "dc"},
		{Kind: "workstation", Identifier: "PC-URG-04"},
	} {
		if _, err := f.svc.AddAsset(responder, d); err != nil {
			t.Fatal(err)
		}
	}
	f.seed(t)
}

// A French session shows no English of the console's own: the tabs line,
// the header and the footer read in French.
func TestFrenchSessionReadsFrench(t *testing.T) {
	f := newFixture(t)
	seedEverything(t, f)
	tm := tuitest.Start(t, New(f.svc, lead, Options{Width: 80, Height: 24, Lang: "fr", Preview: report.Preview, PreviewIn: report.PreviewIn}))
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	for _, want := range []string{"1 Main courante", "2 Tâches", "3 Reprise", "4 Astreinte", "5 Rapport", "6 Registre", "2 compromis, 1 suspect", "Phase : Alerte", "en ligne", "? aide • q quitter", "entrées"} {
		if !strings.Contains(scr.Text(), want) {
			t.Errorf("no %q on the French screen:\n%s", want, scr.Text())
		}
	}
	for _, english := range []string{"Timeline", "Stage:", "help", "entries"} {
		if strings.Contains(scr.Text(), english) {
			t.Errorf("English %q on the French screen:\n%s", english, scr.Text())
		}
	}
}

// The stage picker and the new entry form, in French.
func TestGoldenFrenchForms(t *testing.T) {
	for _, c := range []struct {
		name, key, shows string
	}{
		{"stagepicker", "s", "Faire passer la crise en phase"},
		{"entryform", "n", "Nouvelle entrée"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			f.seed(t)
			tm := tuitest.Start(t, New(f.svc, lead, Options{Width: 80, Height: 24, Lang: "fr"}))
			scr := newScreen(t)
			scr.WaitFor(t, tm, "VPN closed")
			press(tm, c.key)
			scr.WaitFor(t, tm, c.shows)
			golden.RequireEqual(t, []byte(finalView(t, tm)))
		})
	}
}
