package e2e

import (
	"strings"
	"testing"

	"cellule/cli"
)

// export --lang over SSH: the French report, CSV and paper kit in French,
// the JSON snapshot the same in either language, English by default, and
// an unknown language refused with the languages to use; $CELLULE_LANG
// sets the default.
func TestExportLanguageOverSSH(t *testing.T) {
	t.Setenv("CELLULE_LANG", "")
	l := newLabWith(t, cli.ServeOptions{Demo: true})
	want := map[string][]string{
		"md":    {"# Retour d'expérience : CH Cahors", "## Chronologie des événements de la crise", "## Points à retenir"},
		"html":  {`<html lang="fr">`, "<h2>Plan de remédiation</h2>", "Chronologie des événements de la crise</text>"},
		"csv":   {"\ufeffnumero,survenue_le,saisie_le,auteur,nature,texte,corrige\r\n", ",décision,"},
		"print": {`content: "Crise : CH Cahors`, "<h2>Annuaire</h2>", "Phase 4 : Postes de travail"},
	}
	for format, texts := range want {
		out, errOut, code := run(t, l.responder, "", "export", "--format", format, "--lang", "fr")
		if code != 0 {
			t.Fatalf("export --format %s --lang fr: exit %d %q", format, code, errOut)
		}
		for _, s := range texts {
			if !strings.Contains(out, s) {
				t.Errorf("the French %s export lacks %q", format, s)
			}
		}
	}
	en, _, _ := run(t, l.responder, "", "export", "--format", "md")
	if !strings.HasPrefix(en, "# Lessons-learned report: ") {
		t.Errorf("the default export is not English: %.60q", en)
	}
	jsonFR, _, _ := run(t, l.responder, "", "export", "--format", "json", "--lang", "fr")
	jsonEN, _, _ := run(t, l.responder, "", "export", "--format", "json")
	if jsonFR == "" || jsonFR != jsonEN {
		t.Error("the JSON snapshot differs with --lang")
	}
	out, errOut, code := run(t, l.responder, "", "export", "--format", "md", "--lang", "de")
	if code != 2 || out != "" || !strings.Contains(errOut, `unknown language "de" (use en or fr)`) {
		t.Errorf("export --lang de: exit %d, %d bytes out, %q", code, len(out), errOut)
	}
	// The server's default language, until users have their own.
	t.Setenv("CELLULE_LANG", "fr")
	if fr, _, _ := run(t, l.responder, "", "export", "--format", "md"); !strings.HasPrefix(fr, "# Retour d'expérience : ") {
		t.Errorf("with CELLULE_LANG=fr the export is not French: %.60q", fr)
	}
	if en, _, _ := run(t, l.responder, "", "export", "--format", "md", "--lang", "en"); !strings.HasPrefix(en, "# Lessons-learned report: ") {
		t.Errorf("--lang en does not override CELLULE_LANG: %.60q", en)
	}
}
