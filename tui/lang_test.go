package tui

import (
	"strings"
	"testing"

	"cellule/crisis"
	"cellule/report"
	"cellule/tui/internal/tuitest"
)

// L switches the whole console to the other language and back, on the tab
// it was on; the full help names the key; in a text field L is a letter.
func TestLangKeySwitchesTheConsole(t *testing.T) {
	f := newFixture(t)
	f.seedTasks(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "?")
	scr.WaitFor(t, tm, "français")
	press(tm, "?")
	press(tm, "2")
	scr.WaitFor(t, tm, "All tasks")

	press(tm, "L")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "[2 Tâches]") && strings.Contains(s, "Toutes les tâches") &&
			strings.Contains(s, "Phase : Alerte") && strings.Contains(s, "en cours") && !strings.Contains(s, "All tasks")
	}, "the Tasks tab in French")
	press(tm, "1")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "[1 Main courante]") && strings.Contains(s, "DÉCISION") && strings.Contains(s, "12/09/2022 04:12")
	}, "the main courante in French")

	// In the search field, L is text, not the language key.
	press(tm, "/")
	scr.WaitFor(t, tm, "Chercher :")
	tm.Type("VPL")
	scr.WaitFor(t, tm, "Chercher : VPL")
	press(tm, "esc")

	press(tm, "L")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "[1 Timeline]") && strings.Contains(s, "DECISION") && strings.Contains(s, "Stage: Alert")
	}, "English again")
}

// Searches ignore case and accents: "sante" finds "SANTÉ", "creteil"
// finds "Créteil", in the logbook and the directory; a search that finds
// nothing says so, naming the search, rather than calling the list empty.
func TestSearchIgnoresCaseAndAccents(t *testing.T) {
	f := newFixture(t)
	f.SeedOnCall(t)
	f.log(t, lead, crisis.KindInfo, "Appel de la permanence CERT SANTÉ : ticket ouvert.", "")
	f.log(t, responder, crisis.KindAction, "Renfort demandé au CHU de Créteil.", "")
	f.log(t, responder, crisis.KindAction, "Ransom note photographed.", "")
	if _, err := f.svc.ImportContacts(lead, []byte("name,role,organisation,phone,backup_phone,notes,on_duty\n"+
		"Élodie Durand,Renfort,CHU de Créteil,01 45 00 00 00,,,no\n"), true); err != nil {
		t.Fatal(err)
	}
	tm := tuitest.Start(t, New(f.svc, lead, Options{Width: 80, Height: 24, Lang: "fr", Preview: report.Preview}))
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Ransom note")

	search := func(q string) {
		press(tm, "/")
		scr.WaitFor(t, tm, "Chercher :")
		for range 10 {
			press(tm, "backspace")
		}
		tm.Type(q)
		press(tm, "enter")
	}
	search("sante")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "CERT SANTÉ") && !strings.Contains(s, "Ransom note") && strings.Contains(s, "1 entrée")
	}, "sante finds SANTÉ")
	search("creteil")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "CHU de Créteil") && !strings.Contains(s, "CERT SANTÉ")
	}, "creteil finds Créteil")
	search("zzz")
	scr.WaitFor(t, tm, "Aucune entrée ne correspond à « zzz »")

	press(tm, "4")
	scr.WaitFor(t, tm, "Fiches réflexes")
	press(tm, "d")
	scr.WaitFor(t, tm, "5 sur 5 contacts")
	tm.Type("creteil")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "1 sur 5 contacts") && strings.Contains(s, "Élodie Durand")
	}, "creteil finds the CHU de Créteil")
	for range 7 {
		press(tm, "backspace")
	}
	tm.Type("sante")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "1 sur 5 contacts") && strings.Contains(s, "Permanence CERT")
	}, "sante finds CERT Santé")
	tm.Type("zz")
	scr.WaitFor(t, tm, "Aucun contact ne correspond à « santezz ».")
}

// A French question reads o/n and takes o (oui) for yes.
func TestFrenchQuestionTakesO(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := tuitest.Start(t, New(f.svc, lead, Options{Width: 80, Height: 24, Lang: "fr"}))
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "n")
	scr.WaitFor(t, tm, "Nouvelle entrée")
	tm.Type("brouillon à jeter")
	press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Abandonner cette entrée ? o/n") && strings.Contains(s, "o oui") && strings.Contains(s, "n non")
	}, "the French question")
	press(tm, "o")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "Nouvelle entrée") && strings.Contains(s, "VPN closed")
	}, "the form gone")
	if p, _ := f.svc.Timeline(crisis.TimelineQuery{Search: "brouillon"}); len(p.Entries) != 0 {
		t.Errorf("the discarded entry was saved: %+v", p.Entries)
	}
}

// The Report tab's preview follows the session's language through L.
func TestLangKeySwitchesTheReportPreview(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := tuitest.Start(t, New(f.svc, lead, Options{Width: 80, Height: 24, Preview: report.Preview, PreviewIn: report.PreviewIn}))
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "5")
	scr.WaitFor(t, tm, "Lessons-learned report")
	press(tm, "L")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "[5 Rapport]") && strings.Contains(s, "Retour d'expérience") && !strings.Contains(s, "Lessons-learned")
	}, "the French preview")
}
