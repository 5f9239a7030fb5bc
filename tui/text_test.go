package tui

import (
	"testing"

	"cellule/crisis"
)

// A translation of the service's refusals is a map of codes: the console
// shows it instead of the English sentence, and English where it has a gap.
func TestRefusalsCanBeTranslated(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Log(viewer, crisis.Draft{Text: "x"})
	_, err2 := f.svc.Log(responder, crisis.Draft{Text: " "})
	fr := *textFor("en")
	fr.Errors = map[string]string{"forbidden.write-log": "un %s ne peut pas écrire dans la main courante"}
	if got := fr.ErrText(err); got != "un viewer ne peut pas écrire dans la main courante" {
		t.Errorf("translated refusal = %q", got)
	}
	if got := fr.ErrText(err2); got != "the entry has no text" {
		t.Errorf("untranslated refusal = %q", got)
	}
}
