package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"cellule/crisis"
)

// Every string a reader reads in the reports (Markdown, HTML, the CSV's
// header, the paper kit) comes from a table per language, by code:
// text_en.go and text_fr.go. A section adds its strings to both tables
// under its own prefix (register.title ...); TestTextTablesComplete
// fails on a code one table lacks or that the code uses and no table has.
// Counted nouns ("3 entries", "1 entrée") are in pluralsEN/pluralsFR and
// go through golang.org/x/text's message catalog, which picks the form by
// the language's CLDR plural rules (in French, 0 and 1 take the singular).

// tongue is one language of the reports: its texts, its plural catalog
// and how it writes dates.
type tongue struct {
	code    string // crisis.LangEnglish, crisis.LangFrench
	texts   map[string]string
	printer *message.Printer
	dates   dateStyle
}

// dateStyle is how a language writes times.
type dateStyle struct {
	at     string     // a time to the minute, as time.Format's layout
	months [12]string // abbreviated month names; nil: time's own
	long   func(t time.Time) string
}

var tongues = buildTongues()

func buildTongues() map[string]*tongue {
	cat := catalog.NewBuilder(catalog.Fallback(language.English))
	set := func(tag language.Tag, forms map[string][2]string) {
		for code, f := range forms {
			// The count is passed twice: as a number for the plural rule
			// to read, and already written, so that numbers read as in
			// the rest of the report (no digit grouping).
			if err := cat.Set(tag, code, plural.Selectf(1, "%d", plural.One, f[0], plural.Other, f[1])); err != nil {
				panic(err)
			}
		}
	}
	set(language.English, pluralsEN)
	set(language.French, pluralsFR)
	return map[string]*tongue{
		crisis.LangEnglish: {code: crisis.LangEnglish, texts: textEN, printer: message.NewPrinter(language.English, message.Catalog(cat)),
			dates: dateStyle{at: dayTime, long: func(t time.Time) string { return t.Format(dayTime) }}},
		crisis.LangFrench: {code: crisis.LangFrench, texts: textFR, printer: message.NewPrinter(language.French, message.Catalog(cat)),
			dates: dateStyle{at: "02/01/2006 15:04", months: frenchMonthsShort, long: frenchLong}},
	}
}

// Langs are the report's languages, in the order the help lists them.
var Langs = []string{crisis.LangEnglish, crisis.LangFrench}

// ParseLang accepts a language's code or name, any case: "fr",
// "français", "francais", "french"; "" is English.
func ParseLang(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "en", "english", "anglais":
		return crisis.LangEnglish, nil
	case "fr", "french", "français", "francais":
		return crisis.LangFrench, nil
	}
	return "", fmt.Errorf("unknown language %q (use en or fr)", crisis.SanitizeLine(s))
}

// tongueOf is the language lang names, English for "" or an unknown one.
func tongueOf(lang string) *tongue {
	if l, ok := tongues[lang]; ok {
		return l
	}
	return tongues[crisis.LangEnglish]
}

// t is the text of code, formatted with args as fmt does.
func (l *tongue) t(code string, args ...any) string {
	s, ok := l.texts[code]
	if !ok {
		s = textEN[code] // the completeness test keeps this from happening
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// n is n counted in code's noun: "1 item", "3 items", "0 élément".
func (l *tongue) n(code string, n int) string {
	return l.printer.Sprintf(code, n, strconv.Itoa(n))
}

// label is a code's label: prefix.code from the table, or the code itself,
// sanitised, when this version does not know it (from a newer record).
func (l *tongue) label(prefix, code string) string {
	if s, ok := l.texts[prefix+"."+code]; ok {
		return s
	}
	return crisis.SanitizeLine(code)
}

// at writes a time to the minute: "2022-09-12 21:00", "12/09/2022 21:00".
func (l *tongue) at(t time.Time, loc *time.Location) string { return t.In(loc).Format(l.dates.at) }

// day writes a day short, for the chronology's axis and marks: "12 Sep",
// "06 Sep"; "12 sept.", "6 sept.".
func (l *tongue) day(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	if l.dates.months[0] == "" {
		return t.Format("02 Jan")
	}
	return fmt.Sprintf("%d %s", t.Day(), l.dates.months[t.Month()-1])
}

// long writes a time with its weekday and month in words where the
// language's report does: "lundi 12 septembre 2022, 21:00".
func (l *tongue) long(t time.Time, loc *time.Location) string { return l.dates.long(t.In(loc)) }

// duration reads like "28 days 0 h 30 min", "28 jours 0 h 30 min".
func (l *tongue) duration(d time.Duration) string {
	d = d.Round(time.Minute)
	days := int(d / (24 * time.Hour))
	h := int(d % (24 * time.Hour) / time.Hour)
	m := int(d % time.Hour / time.Minute)
	switch {
	case days > 0:
		return fmt.Sprintf("%s %d h %02d min", l.n("n.day", days), h, m)
	case h > 0:
		return fmt.Sprintf("%d h %02d min", h, m)
	}
	return fmt.Sprintf("%d min", m)
}

var (
	frenchMonthsShort = [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}
	frenchMonths      = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	frenchWeekdays    = [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
)

// frenchLong is "lundi 12 septembre 2022, 21:00" (the first of the month
// is "1er").
func frenchLong(t time.Time) string {
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return fmt.Sprintf("%s %s %s %d, %s", frenchWeekdays[t.Weekday()], day, frenchMonths[t.Month()-1], t.Year(), t.Format(clock))
}

// entryText is an entry's text as the reader reads it. Today that is the
// text as stored; once the system's sentences are stored as a code and
// its arguments, this is where they are rendered in lang.
func entryText(e crisis.Entry, l *tongue) string { return e.TextIn(l.code) }
