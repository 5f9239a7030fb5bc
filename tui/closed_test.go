package tui

import (
	"regexp"
	"strings"
	"testing"

	"cellule/crisis"
)

// A closed record offers no write: the header says closed and read-only,
// no write key is on the footer or in the help of any tab, and no write
// key opens a form (a form would take the next key, the tab's number).
func TestClosedRecordOffersNoWrite(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	f.seedTasks(t)
	f.SeedOnCall(t)
	if _, _, err := f.svc.WriteHandover(responder, crisis.HandoverNote{Situation: "Quiet night."}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Close(lead, "Back to normal operations."); err != nil {
		t.Fatal(err)
	}
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "CLOSED · read-only")

	// Each tab: its number, a text it shows, its write keys (pressed) and
	// the help labels of writes (never shown).
	tabs := []struct {
		number, shows string
		keys          []string
	}{
		{"1", "All kinds", []string{"n", "c", "s"}},
		{"2", "Isolate the IS", []string{"n", "e", "a", "t", "c", "d", "enter", "e", "a", "t", "c", "d"}}, // the list, then the detail
		{"3", "Core infrastructure", []string{"enter", "e", "v", "o", "a", "r", "m", "x"}},
		{"4", "c Checklists", []string{"n", "x", "u", "h", "w", "a", "c"}}, // d opens the search, a read
		{"5", "Lessons-learned report", []string{"a", "C"}},
	}
	writes := regexp.MustCompile(`\b(new|correct|stage|tick|un-tick|start|on duty|write|acknowledge|update|validate|override|add|add item|rename|move to phase|remove|close crisis|takeaway|status|assign|due|edit|priority)\b`)
	for i, tab := range tabs {
		press(tm, tab.number)
		scr.WaitFor(t, tm, tab.shows)
		press(tm, "?")
		scr.WaitFor(t, tm, "less")
		full := scr.Text()
		help := full[strings.LastIndex(full, "\n\n"):] // the help, under the body
		press(tm, "?")
		if w := writes.FindString(help); w != "" {
			t.Errorf("tab %s offers %q on a closed record:\n%s", tab.number, w, lastLines(full))
		}
		for _, k := range tab.keys {
			press(tm, k)
		}
		press(tm, "esc")
		next := tabs[(i+1)%len(tabs)]
		press(tm, next.number)
		scr.WaitFor(t, tm, next.shows) // no form took the key
		press(tm, tab.number)
		scr.WaitFor(t, tm, tab.shows)
	}
}
