package report_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"cellule/crisis"
	"cellule/report"
)

// exportIn renders svc's record in format f and language lang.
func exportIn(t *testing.T, svc *crisis.Service, f report.Format, lang string) []byte {
	t.Helper()
	var b bytes.Buffer
	err := svc.Export(host, func(s *crisis.Snapshot) error { return report.Write(&b, s, f, report.Options{Lang: lang}) })
	if err != nil {
		t.Fatalf("export %s in %s: %v", f, lang, err)
	}
	return b.Bytes()
}

// The French exports of the closed demo crisis, as TestGoldenExports
// records the English ones (`go test ./report -update`). The JSON
// snapshot has no language: it is the same whatever the reader's.
func TestGoldenExportsFrench(t *testing.T) {
	svc := demo(t, true)
	for _, f := range []report.Format{report.Markdown, report.HTML, report.CSV, report.Print} {
		t.Run(string(f), func(t *testing.T) {
			golden.RequireEqual(t, exportIn(t, svc, f, crisis.LangFrench))
		})
	}
	if !bytes.Equal(exportIn(t, svc, report.JSON, crisis.LangFrench), export(t, svc, report.JSON)) {
		t.Error("the JSON snapshot changes with the language")
	}
}

// The French report reads like the seed: its sections carry the seed's
// titles, in the seed's order, and times and counts are French.
func TestFrenchReportFollowsTheSeed(t *testing.T) {
	svc := demo(t, true)
	md := string(exportIn(t, svc, report.Markdown, crisis.LangFrench))
	html := string(exportIn(t, svc, report.HTML, crisis.LangFrench))
	titles := []string{"Contexte d'intervention", "Chronologie des événements de la crise", "Mesures de confinement",
		"Plan de remédiation", "Bilan de l'accompagnement", "Résultats et éléments clés", "Points à retenir"}
	at := 0
	for _, title := range titles {
		i := strings.Index(md[at:], "\n## "+title+"\n")
		if i < 0 {
			t.Fatalf("the French Markdown lacks the section %q after byte %d", title, at)
		}
		at += i + 1
		if !strings.Contains(html, "<h2>"+strings.ReplaceAll(title, "'", "'")+"</h2>") {
			t.Errorf("the French HTML lacks the section %q", title)
		}
	}
	for _, want := range []string{
		"# Retour d'expérience : ",
		"- Ouverture : ",                // a weekday and a month in words
		"septembre 2022, ",              // "lundi 12 septembre 2022, 21:00"
		"| Confinement | ",              // a stage in French
		"/09/2022 ",                     // "12/09/2022 21:00"
		" entrées, dont 1 correction\n", // French plural rules: 1 takes the singular
		"Sortie de crise",               // the last stage
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the French Markdown lacks %q", want)
		}
	}
	for _, want := range []string{`<html lang="fr">`, "Chronologie des événements de la crise</text>", " sept.</text>"} {
		if !strings.Contains(html, want) {
			t.Errorf("the French HTML lacks %q", want)
		}
	}
}

// englishWords are common English words of the reports' own sentences;
// none is a French word ("participants", "service", "kit", "situation"
// are both). Code (<code>: hashes, commands, the audit chain's actions)
// is not read as words.
var englishWords = strings.Fields(`the and of by was is are not with from to at on for
	entry entries task tasks done open still owner created due late time stage stages recovery
	item items report generated times decision decisions logbook checklist checklists handover
	handovers shift run runs step steps printed crisis directory phone backup notes name
	integrity chain head record closed opened ended takeaways key results
	validated progress state change first last cancelled blocked isolated cleaned rebuilt
	verified compromised investigating nobody none nothing yet paper tick call
	initials role lead responder viewer escalation closure fact acknowledged`)

// typedTexts are the texts people typed (or the demo wrote as though
// people had), as every format may show them: every string of the JSON
// snapshot that is more than a code, whole, line by line, on one line,
// cut for the chronology's marks, and escaped for Markdown and HTML.
func typedTexts(t *testing.T, svc *crisis.Service) []string {
	t.Helper()
	var doc any
	if err := json.Unmarshal(export(t, svc, report.JSON), &doc); err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile(`^[a-z0-9_.:-]*$`)
	seen := map[string]bool{}
	add := func(s string) {
		if len(s) > 2 {
			seen[s] = true
			seen[report.MdText(s)] = true
			seen[report.Esc(s)] = true
		}
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case string:
			if code.MatchString(v) {
				// Codes (stages, kinds, states) are the report's to
				// translate; logins too short to matter.
				return
			}
			if strings.HasPrefix(v, "{") || strings.HasPrefix(v, "[") {
				var inner any
				if json.Unmarshal([]byte(v), &inner) == nil {
					walk(inner)
					return
				}
			}
			add(v)
			add(crisis.SanitizeLine(v))
			add(report.ShortText(v, 30))
			for _, line := range strings.Split(v, "\n") {
				add(line)
			}
		}
	}
	walk(doc)
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	// The longest first, so that a text goes before the lines it holds.
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// A French reader of the French exports reads no English outside what
// people typed: every typed text is taken out of the page, and what is
// left (the report's own words) holds none of the common English words.
func TestFrenchExportsHaveNoEnglish(t *testing.T) {
	svc := demo(t, true)
	typed := typedTexts(t, svc)
	tags := regexp.MustCompile(`(?s)<style>.*?</style>|<code>.*?</code>|<[^>]*>`)
	word := regexp.MustCompile(`[\p{L}]+(?:'[\p{L}]+)?`)
	english := map[string]bool{}
	for _, w := range englishWords {
		english[w] = true
	}
	for _, f := range []report.Format{report.Markdown, report.HTML, report.Print, report.CSV} {
		t.Run(string(f), func(t *testing.T) {
			page := string(exportIn(t, svc, f, crisis.LangFrench))
			if f == report.CSV {
				page = page[:strings.Index(page, "\n")] // the header; the rows are typed texts and times
			}
			page = tags.ReplaceAllString(page, " ")
			for _, s := range typed {
				page = strings.ReplaceAll(page, s, " ¤ ")
			}
			page = strings.NewReplacer("&#39;", "'", "&#34;", `"`, "&amp;", "&", "cellule verify", "").Replace(page)
			found := map[string]int{}
			for _, w := range word.FindAllString(page, -1) {
				if english[strings.ToLower(w)] {
					found[strings.ToLower(w)]++
				}
			}
			if len(found) > 0 {
				t.Errorf("English words in the French %s export: %v\n%s", f, found, page)
			}
		})
	}
}

// The console's preview in French: the lists cut, and saying so in French.
func TestFrenchPreview(t *testing.T) {
	svc := demo(t, true)
	var b bytes.Buffer
	if err := svc.Export(host, func(s *crisis.Snapshot) error { return report.PreviewIn(crisis.LangFrench)(&b, s, 5) }); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{"## Chronologie des événements de la crise\n\n_Seules les 5 plus récentes figurent ici ; l'export les contient toutes._",
		"_Seules les 5 tâches les plus récentes figurent ici ; l'export les contient toutes._"} {
		if !strings.Contains(md, want) {
			t.Errorf("the French preview lacks %q", want)
		}
	}
	if strings.Count(md, "\n- **") != 15 { // 5 entries of the chronology, 5 tasks, 5 decisions
		t.Errorf("the French preview lists %d items, want 15", strings.Count(md, "\n- **"))
	}
}
