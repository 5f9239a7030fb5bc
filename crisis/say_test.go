package crisis

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Every sentence the system writes has its French text, with the same
// arguments, and every code the services write has its sentences.
func TestEveryLogCodeHasFrench(t *testing.T) {
	slot := regexp.MustCompile(`\{(\d+)`)
	args := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, x := range slot.FindAllStringSubmatch(s, -1) {
			m[x[1]] = true
		}
		return m
	}
	for code, en := range logEnglish {
		fr, ok := logFrench[code]
		if !ok {
			t.Errorf("code %q has no French sentence", code)
			continue
		}
		if strings.Contains(en, "{parts") != strings.Contains(fr, "{parts") {
			t.Errorf("%q: the French sentence leaves out the parts, or adds them", code)
		}
		for a := range args(en) {
			if !args(fr)[a] && !strings.HasPrefix(code, "checklist.") && !strings.HasPrefix(code, "log.clock.") && code != "recovery.validated" && code != "recovery.gate-lifted" && code != "register.log-gate" {
				t.Errorf("%q: the French sentence leaves out argument %s", code, a)
			}
		}
	}
	for code := range logFrench {
		if _, ok := logEnglish[code]; !ok {
			t.Errorf("French code %q has no English sentence", code)
		}
	}
	used := regexp.MustCompile(`(?:say|taskMsg|clockSay)\("([^"]+)"|Code: "([^"]+)"`)
	for _, f := range []string{"lifecycle.go", "checklist_service.go", "closing.go", "handover.go", "recovery_service.go", "task_service.go", "logbook.go", "clock_service.go", "register_service.go", "register_import.go", "register_gate.go"} {
		src := readSource(t, f)
		for _, m := range used.FindAllStringSubmatch(src, -1) {
			c := m[1] + m[2]
			if _, ok := logEnglish[c]; !ok {
				t.Errorf("%s writes code %q, which has no sentence", f, c)
			}
		}
	}
}

func TestSentencesReadInTheReadersLanguage(t *testing.T) {
	m := say("stage.changed", "containment", "remediation")
	if got := m.In(LangEnglish); got != "Stage changed from containment to remediation" {
		t.Errorf("English: %q", got)
	}
	if got := m.In(LangFrench); got != "Passage de l'étape confinement à l'étape remédiation" {
		t.Errorf("French: %q", got)
	}
	due := time.Date(2022, 9, 12, 21, 0, 0, 0, time.FixedZone("CEST", 2*3600)).Format(time.RFC3339)
	created := Msg{Code: "task.created", Args: []string{"3", "Couper le VPN"}, Parts: []Msg{say("task.p", "1"), say("task.due", due)}}
	if got := created.In(LangFrench); got != "Tâche 3 « Couper le VPN » créée (P1, échéance 12/09/2022 21:00)" {
		t.Errorf("French task: %q", got)
	}
	if got := created.In(LangEnglish); got != "Task 3 'Couper le VPN' created (P1, due 2022-09-12 21:00)" {
		t.Errorf("English task: %q", got)
	}
}

// Plurals follow each language's CLDR rules: French says 0 and 1 in the
// singular, English only 1.
func TestCountsFollowEachLanguagesPluralRules(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{LangFrench, 0, "0 étape"}, {LangFrench, 1, "1 étape"}, {LangFrench, 2, "2 étapes"},
		{LangEnglish, 0, "0 steps"}, {LangEnglish, 1, "1 step"}, {LangEnglish, 13, "13 steps"},
	} {
		if got := Count(c.lang, c.n, "step"); got != c.want {
			t.Errorf("Count(%s, %d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}

func TestFrenchDates(t *testing.T) {
	d := time.Date(2022, 9, 12, 21, 0, 0, 0, time.UTC)
	if got := FormatDateTime(LangFrench, d); got != "12/09/2022 21:00" {
		t.Errorf("date and time: %q", got)
	}
	if got := FormatDate(LangFrench, d); got != "12 sept. 2022" {
		t.Errorf("date: %q", got)
	}
	if got := FormatDay(LangFrench, d); got != "lundi 12 septembre 2022" {
		t.Errorf("day: %q", got)
	}
}

func readSource(t *testing.T, f string) string {
	t.Helper()
	src, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// serve --demo on a French server loads the scenario in French: every row
// has its French text.
func TestEveryDemoEntryHasFrench(t *testing.T) {
	for i, row := range demoScenario {
		if _, ok := demoFrench[row.text]; !ok {
			t.Errorf("demo row %d has no French text: %q", i+1, row.text)
		}
	}
}
