package report

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"cellule/crisis"
)

// Every code has its text in every language: the two tables hold the
// same codes, every code the report's source names is in them, and every
// code of the domain (kinds, stages, statuses, states, roles) has its
// label. A section added with its English strings only fails here.
func TestTextTablesComplete(t *testing.T) {
	for code := range textEN {
		if _, ok := textFR[code]; !ok {
			t.Errorf("code %q has no French text (text_fr.go)", code)
		}
	}
	for code := range textFR {
		if _, ok := textEN[code]; !ok {
			t.Errorf("code %q has no English text (text_en.go)", code)
		}
	}
	for code := range pluralsEN {
		if _, ok := pluralsFR[code]; !ok {
			t.Errorf("counted noun %q has no French forms (pluralsFR)", code)
		}
	}
	for code := range pluralsFR {
		if _, ok := pluralsEN[code]; !ok {
			t.Errorf("counted noun %q has no English forms (pluralsEN)", code)
		}
	}
	// The codes the source names: string literals shaped like
	// "section.name".
	literal := regexp.MustCompile(`"([a-z][a-zA-Z0-9]*\.[a-zA-Z0-9.-]+)"`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fileName := regexp.MustCompile(`\.(html|pdf|json|csv|md)$`)
	used := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, "text_") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			code := m[1]
			if fileName.MatchString(code) {
				continue
			}
			_, text := textEN[code]
			_, counted := pluralsEN[code]
			if !text && !counted {
				t.Errorf("%s names the code %q, which no table holds", name, code)
			}
			used++
		}
	}
	if used < 100 {
		t.Fatalf("found only %d codes in the source: the pattern no longer matches how codes are named", used)
	}
	var domain []string
	for _, k := range crisis.Kinds {
		domain = append(domain, "kind."+string(k))
	}
	for _, s := range crisis.Stages {
		domain = append(domain, "stage."+string(s))
	}
	for _, s := range crisis.TaskStatuses {
		domain = append(domain, "status."+string(s))
	}
	for _, s := range crisis.ItemStates {
		domain = append(domain, "state."+string(s))
	}
	for _, s := range []crisis.PhaseState{crisis.PhaseNotStarted, crisis.PhaseInProgress, crisis.PhaseReady, crisis.PhaseValidated} {
		domain = append(domain, "phaseState."+string(s))
	}
	for _, r := range crisis.Roles {
		domain = append(domain, "role."+string(r))
	}
	for _, k := range crisis.AssetKinds {
		domain = append(domain, "registerKind."+string(k))
	}
	for _, st := range crisis.AssetStates {
		domain = append(domain, "registerState."+string(st))
	}
	for n := 1; n <= crisis.PhaseCount; n++ {
		domain = append(domain, "phase."+itoa(n))
	}
	for _, code := range domain {
		for lang, table := range map[string]map[string]string{"English": textEN, "French": textFR} {
			if table[code] == "" {
				t.Errorf("%s has no %s label", code, lang)
			}
		}
	}
}

// French times read as in France, counts follow each language's plural
// rules (French: 0 and 1 take the singular).
func TestFrenchDatesAndPlurals(t *testing.T) {
	paris := time.FixedZone("CEST", 2*60*60)
	at := time.Date(2022, 9, 12, 19, 0, 0, 0, time.UTC)
	fr, en := tongueOf(crisis.LangFrench), tongueOf(crisis.LangEnglish)
	for _, c := range []struct{ got, want string }{
		{fr.at(at, paris), "12/09/2022 21:00"},
		{en.at(at, paris), "2022-09-12 21:00"},
		{fr.day(at, paris), "12 sept."},
		{fr.day(at.AddDate(0, -1, 0), paris), "12 août"},
		{en.day(at, paris), "12 Sep"},
		{fr.long(at, paris), "lundi 12 septembre 2022, 21:00"},
		{fr.long(time.Date(2022, 10, 1, 8, 5, 0, 0, paris), paris), "samedi 1er octobre 2022, 08:05"},
		{fr.n("n.entry", 0), "0 entrée"},
		{fr.n("n.entry", 1), "1 entrée"},
		{fr.n("n.entry", 2), "2 entrées"},
		{fr.n("n.entry", 1500), "1500 entrées"},
		{en.n("n.entry", 0), "0 entries"},
		{en.n("n.entry", 1), "1 entry"},
		{en.n("n.entry", 1500), "1500 entries"},
		{fr.duration(24*time.Hour + 90*time.Minute), "1 jour 1 h 30 min"},
		{fr.duration(28*24*time.Hour + 30*time.Minute), "28 jours 0 h 30 min"},
		{en.duration(28*24*time.Hour + 30*time.Minute), "28 days 0 h 30 min"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	for in, want := range map[string]string{"": "en", "EN": "en", "fr": "fr", "Français": "fr", "francais": "fr"} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseLang("de"); err == nil || !strings.Contains(err.Error(), "en or fr") {
		t.Errorf("ParseLang(de): %v", err)
	}
}
