package kit

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/tui/internal/tuitest"
)

// The French table translates every string of the English one, with the
// same verbs, and the session's language picks it.
func TestFrenchTextIsComplete(t *testing.T) {
	if !reflect.DeepEqual(*TextFor("fr"), french) {
		t.Fatal(`TextFor("fr") is not the French table`)
	}
	tuitest.Complete(t, *TextFor("en"), *TextFor("fr"))
}

// A French field left empty, a map entry missing, or a verb lost is
// reported: the completeness check itself works.
func TestCompletenessCatchesGaps(t *testing.T) {
	fr := french
	fr.Saving = ""
	fr.StageSet = "Phase : %s"
	fr.Help.Quit = ""
	fr.Kinds = nil
	got := strings.Join(tuitest.Missing(english, fr), "\n")
	for _, want := range []string{"Text.Saving: empty", "Text.StageSet:", "Text.Help.Quit: empty", "Text.Kinds[fact]: missing"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

// Dates read the French way: day first, 24-hour clock, French month and
// weekday names.
func TestFrenchDates(t *testing.T) {
	fr, en := TextFor("fr"), TextFor("en")
	at := time.Date(2022, 9, 12, 21, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		tx           *Text
		layout, want string
	}{
		{fr, fr.DateTime, "12/09/2022 21:00"},
		{fr, "2 Jan", "12 sept."},
		{fr, "Monday 2 January 2006", "lundi 12 septembre 2022"},
		{fr, "Mon 2 Jan 15:04", "lun. 12 sept. 21:00"},
		{en, "Mon 2 Jan 15:04", "Mon 12 Sep 21:00"},
		{en, en.DateTime, "2022-09-12 21:00"},
	} {
		if got := c.tx.Date(at, c.layout); got != c.want {
			t.Errorf("%s: Date(%q) = %q, want %q", c.tx.Lang, c.layout, got, c.want)
		}
	}
}

// Plurals follow CLDR: in French 0 and 1 take the singular, in English
// only 1 does.
func TestPlurals(t *testing.T) {
	fr, en := TextFor("fr"), TextFor("en")
	for _, c := range []struct {
		tx   *Text
		n    int
		want string
	}{
		{fr, 0, "0 entrée"}, {fr, 1, "1 entrée"}, {fr, 2, "2 entrées"},
		{en, 0, "0 entries"}, {en, 1, "1 entry"}, {en, 2, "2 entries"},
	} {
		one, other := "%d entrée", "%d entrées"
		if c.tx.Lang == "en" {
			one, other = "%d entry", "%d entries"
		}
		if got := c.tx.Plural(c.n, one, other); got != c.want {
			t.Errorf("%s: Plural(%d) = %q, want %q", c.tx.Lang, c.n, got, c.want)
		}
	}
}

// A French session reads the service's refusals in French: the domain's
// sentences, with the console's own wording where it has one.
func TestFrenchRefusals(t *testing.T) {
	fr := TextFor("fr")
	if got := fr.ErrText(&crisis.Error{Kind: crisis.ErrInvalid, Code: "entry.empty"}); got != crisis.French["entry.empty"] {
		t.Errorf("entry.empty reads %q", got)
	}
	if fr.Errors["kind.closure-reserved"] == crisis.French["kind.closure-reserved"] || !strings.Contains(fr.Errors["kind.closure-reserved"], "onglet Rapport") {
		t.Errorf("the console's wording: %q", fr.Errors["kind.closure-reserved"])
	}
}
