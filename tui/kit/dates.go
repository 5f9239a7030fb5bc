package kit

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Calendar is a language's month and weekday names; Date writes them in
// place of Go's English ones.
type Calendar struct {
	Months, MonthsShort     [12]string
	Weekdays, WeekdaysShort [7]string // Sunday first, as time.Weekday
}

// Date formats t with a time.Format layout, month and weekday names in
// this language ("Jan" gives "sept.", "Monday" gives "lundi"). Layouts
// say the order and the clock (24-hour in both languages' tables).
func (t *Text) Date(tm time.Time, layout string) string {
	out := tm.Format(layout)
	c := &t.Calendar
	m, d := tm.Month()-1, tm.Weekday()
	// Long names first: "January" holds "Jan".
	for _, r := range [...]struct{ layout, en, local string }{
		{"January", tm.Month().String(), c.Months[m]},
		{"Jan", tm.Month().String()[:3], c.MonthsShort[m]},
		{"Monday", d.String(), c.Weekdays[d]},
		{"Mon", d.String()[:3], c.WeekdaysShort[d]},
	} {
		if strings.Contains(layout, r.layout) && r.local != "" {
			out = strings.Replace(out, r.en, r.local, 1)
			layout = strings.Replace(layout, r.layout, "", 1)
		}
	}
	return out
}

// Plural formats n with the form its count takes in this language, by
// the CLDR rules (in French 0 and 1 take the singular, in English only 1):
// one and other are fmt formats of n.
func (t *Text) Plural(n int, one, other string) string {
	f := other
	if plural.Cardinal.MatchPlural(t.tag(), n, 0, 0, 0, 0) == plural.One {
		f = one
	}
	return fmt.Sprintf(f, n)
}

func (t *Text) tag() language.Tag {
	if tag, err := language.Parse(t.Lang); err == nil {
		return tag
	}
	return language.English
}
