package e2e

import (
	"regexp"
	"strings"
	"testing"

	"cellule/cli"
)

// englishWords are common words of Cellule's English sentences: a French
// reader's output must hold none of them (codes such as "alert" aside).
var englishWords = regexp.MustCompile(`(?i)\b(the|is|no|not|there|already|unknown|task|stage|changed|created|entry|entries|added|with|key|use|one of|done|recorded|contact|matches|directory|language|shown|error)\b`)

func noEnglish(t *testing.T, what, s string) {
	t.Helper()
	if m := englishWords.FindAllString(s, -1); len(m) > 0 {
		t.Errorf("%s: a French reader reads English %q in:\n%s", what, m, s)
	}
}

// A French user's commands and refusals are French; the French words are
// taken; the same record reads in English for an English reader; the
// stored codes stay English in JSON.
func TestAFrenchUserReadsFrench(t *testing.T) {
	l := newLab(t)
	key, pub := newKey(t)
	out, errOut, code := run(t, l.lead, pub+"\n", "user", "add", "heloise", "--role", "lead", "--lang", "fr",
		"--name", "Héloïse Durand", "--org", "CH Cahors — DSI")
	if code != 0 || !strings.Contains(out, "Héloïse Durand (CH Cahors — DSI) ajouté") {
		t.Fatalf("user add --lang fr: exit %d: %q %q", code, out, errOut)
	}
	fr := connect(t, l.srv.addr, key)

	steps := []struct {
		args []string
		want string // in the output (or the error)
		ok   bool
	}{
		{[]string{"stage", "confinement"}, "", true},
		{[]string{"stage"}, "confinement", true},
		{[]string{"stage", "remédiation"}, "", true},
		{[]string{"stage", "sortie-de-secours"}, "étape inconnue", false},
		{[]string{"log", "CERT SANTÉ : le SIH de Créteil est chiffré", "--kind", "décision", "--source", "CERT Santé, téléphone", "--verify", "à-vérifier"}, "", true},
		{[]string{"task", "add", "Isoler le serveur de fichiers"}, "", true},
		{[]string{"task", "set", "1", "--status", "en-cours"}, "", true},
		{[]string{"task", "set", "1", "--status", "faite"}, "", true},
		{[]string{"task", "set", "99", "--status", "annulée"}, "il n'y a pas de tâche 99", false},
		{[]string{"recovery", "set", "firewall", "--state", "en-investigation"}, "", true},
		{[]string{"handover", "Messagerie coupée", "--open", "mots de passe à changer"}, "", true},
		{[]string{"handover", "--list"}, "NON PRISE EN COMPTE", true},
		{[]string{"timeline", "--to-verify"}, "[à vérifier]  source : CERT Santé, téléphone", true},
		{[]string{"log", "--verify", "réfutée", "--of", "3", "vu sur la console"}, "", true},
		{[]string{"timeline"}, "Passage de l'étape alerte à l'étape confinement", true},
		{[]string{"whoami"}, "heloise", true},
		{[]string{"task", "list"}, "faite", true},
		{[]string{"recovery"}, "Infrastructure cœur", true},
	}
	var timeline string
	for _, s := range steps {
		out, errOut, code := run(t, fr, "", s.args...)
		if (code == 0) != s.ok {
			t.Fatalf("%v: exit %d: %s%s", s.args, code, out, errOut)
		}
		if !strings.Contains(out+errOut, s.want) {
			t.Errorf("%v: %q is not in:\n%s%s", s.args, s.want, out, errOut)
		}
		noEnglish(t, strings.Join(s.args, " "), out+errOut)
		if s.args[0] == "timeline" && len(s.args) == 1 {
			timeline = out
		}
	}
	for _, want := range []string{"DÉCISION", "[réfutée]", "source : CERT Santé, téléphone", "Tâche 1 « Isoler le serveur de fichiers » faite",
		"Remédiation, phase 1 : Firewall isolé → en investigation.", "Relève n°1 par heloise (à prendre en compte par l'équipe suivante)\n    Situation : Messagerie coupée"} {
		if !strings.Contains(timeline, want) {
			t.Errorf("the French timeline lacks %q:\n%s", want, timeline)
		}
	}
	// Exports name her by her display name beside her login.
	if out, errOut, _ := run(t, fr, "", "export", "--format", "md"); !strings.Contains(out, "Héloïse Durand (heloise)") {
		t.Errorf("the Markdown export does not show the display name: %s", errOut)
	}
	if out, _, _ := run(t, fr, "", "export", "--format", "html"); !strings.Contains(out, "Héloïse Durand (heloise)") {
		t.Error("the HTML export does not show the display name")
	}
	// The same entries read in English for an English reader, and --lang
	// switches one command.
	en, _, _ := run(t, l.responder, "", "timeline")
	for _, want := range []string{"Stage changed from alert to containment", "Task 1 'Isoler le serveur de fichiers' done", "[refuted]"} {
		if !strings.Contains(en, want) {
			t.Errorf("the English timeline lacks %q:\n%s", want, en)
		}
	}
	if out, _, _ := run(t, fr, "", "timeline", "--lang", "en"); !strings.Contains(out, "Stage changed from alert to containment") {
		t.Errorf("timeline --lang en is not English:\n%s", out)
	}
	// JSON keeps the stable English codes.
	if out, _, _ := run(t, fr, "", "timeline", "--json"); !strings.Contains(out, `"kind":"decision"`) || !strings.Contains(out, `"verify":"to-verify"`) {
		t.Errorf("timeline --json does not keep the codes:\n%s", out)
	}
	// user set NAME --lang en turns her English on her next connection.
	if _, errOut, code := run(t, fr, "", "user", "set", "heloise", "--lang", "en"); code != 0 {
		t.Fatalf("user set --lang: %s", errOut)
	}
	again := connect(t, l.srv.addr, key)
	if out, _, _ := run(t, again, "", "stage"); !strings.Contains(out, "remediation") {
		t.Errorf("after user set --lang en, stage says %q", out)
	}
}

// Searches ignore case and accents, and one that finds nothing says so.
func TestSearchIgnoresCaseAndAccents(t *testing.T) {
	l := newLab(t)
	csv := "name,role,organisation,phone,backup_phone,notes\n" +
		"CERT SANTÉ,Réponse à incident,ANS,01 00 00 00 01,,\n" +
		"Astreinte DSI,Administrateur,CH Créteil,01 00 00 00 02,,\n"
	if _, errOut, code := run(t, l.lead, csv, "contacts", "import"); code != 0 {
		t.Fatalf("contacts import: %s", errOut)
	}
	for q, want := range map[string]string{"sante": "CERT SANTÉ", "creteil": "Astreinte DSI", "REPONSE": "CERT SANTÉ"} {
		if out, _, _ := run(t, l.viewer, "", "contacts", q); !strings.Contains(out, want) {
			t.Errorf("contacts %s: %q not found:\n%s", q, want, out)
		}
	}
	out, _, _ := run(t, l.viewer, "", "contacts", "zzz")
	if !strings.Contains(out, "no contact matches zzz (2 contacts in the directory") {
		t.Errorf("contacts zzz says %q", out)
	}
	if out, _, _ := run(t, l.viewer, "", "contacts", "zzz", "--lang", "fr"); !strings.Contains(out, "aucun contact ne correspond à zzz") {
		t.Errorf("contacts zzz --lang fr says %q", out)
	}
	// A recovery item named without its accents.
	if _, errOut, code := run(t, l.lead, "", "recovery", "add", "Serveur Pharmacie Créteil", "--phase", "2"); code != 0 {
		t.Fatalf("recovery add: %s", errOut)
	}
	if _, errOut, code := run(t, l.lead, "", "recovery", "set", "pharmacie creteil", "--state", "nettoye"); code != 0 {
		t.Errorf("recovery set by an unaccented name: %s", errOut)
	}
}

// serve --demo --lang fr loads the scenario in French, and those without a
// language of their own read the server's.
func TestDemoInTheServersLanguage(t *testing.T) {
	l := newLabWith(t, cli.ServeOptions{Demo: true, Lang: "fr"})
	out, errOut, code := run(t, l.viewer, "", "timeline")
	if code != 0 {
		t.Fatalf("timeline: %s", errOut)
	}
	for _, want := range []string{"Alerte Cyberveille : des failles de Zimbra", "Passage de l'étape alerte à l'étape qualification", "23/08/2022"} {
		if !strings.Contains(out, want) {
			t.Errorf("the French demo lacks %q", want)
		}
	}
	if _, errOut, _ := run(t, l.viewer, "", "stage", "alert"); !strings.Contains(errOut, "ne peut pas changer l'étape") {
		t.Errorf("a viewer's refusal on a French server: %q", errOut)
	}
}
