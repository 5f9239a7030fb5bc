package crisis

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Msg is a sentence the system wrote into the record, kept as its code and
// arguments so that each reader sees it in their own language. Entry.Text
// keeps its English rendering, for older readers and as the fallback.
//
// A sentence's template (messages_log_*.go) takes {N} for Args[N] as it is
// (names, typed text), {N:term} for Args[N] translated as a term (stage,
// status, state, phase, date, steps), and {parts} for Parts rendered and
// put end to end ({parts, } joins them with ", ").
type Msg struct {
	Code  string   `json:"code"`
	Args  []string `json:"args,omitempty"`
	Parts []Msg    `json:"parts,omitempty"`
}

// Languages Cellule speaks.
const (
	LangEnglish = "en"
	LangFrench  = "fr"
)

// sentences are the record's sentences, by language then code.
var sentences = map[string]map[string]string{LangEnglish: logEnglish, LangFrench: logFrench}

func say(code string, args ...string) Msg { return Msg{Code: code, Args: args} }

// In renders m in lang (English for a language or code it lacks).
func (m Msg) In(lang string) string {
	tpl, ok := sentences[lang][m.Code]
	if !ok {
		lang = LangEnglish
		if tpl, ok = logEnglish[m.Code]; !ok {
			return m.Code + " " + strings.Join(m.Args, " ")
		}
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		j := strings.IndexByte(tpl[i:], '}')
		if j < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		b.WriteString(tpl[:i])
		b.WriteString(m.fill(tpl[i+1:i+j], lang))
		tpl = tpl[i+j+1:]
	}
}

// fill renders one {slot} of a template.
func (m Msg) fill(slot, lang string) string {
	if sep, ok := strings.CutPrefix(slot, "parts"); ok {
		out := make([]string, len(m.Parts))
		for i, p := range m.Parts {
			out[i] = p.In(lang)
		}
		return strings.Join(out, sep)
	}
	idx, term, _ := strings.Cut(slot, ":")
	n, err := strconv.Atoi(idx)
	if err != nil || n < 0 || n >= len(m.Args) {
		return ""
	}
	return Term(lang, term, m.Args[n])
}

// Term renders value, a stored code, as a reader of lang reads it: a
// stage, a task status, an item state, a phase's name, a date, a count.
// A value it does not know shows as stored.
func Term(lang, term, v string) string {
	switch term {
	case "":
		return v
	case "date":
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return v
		}
		return FormatDateTime(lang, t)
	case "steps":
		n, _ := strconv.Atoi(v)
		return Count(lang, n, "step")
	case "span":
		return spanIn(lang, v)
	case "clocktime":
		return clockTimeIn(lang, v)
	case "phase":
		n, _ := strconv.Atoi(v)
		return PhaseName(lang, n)
	}
	if w, ok := termWords[lang][term+":"+v]; ok {
		return w
	}
	if w, ok := termWords[LangEnglish][term+":"+v]; ok && lang != LangFrench {
		return w
	}
	return v
}

// FormatDateTime is a date and time as lang writes it, in t's own zone:
// 2022-09-12 21:00 in English, 12/09/2022 21:00 in French (24-hour clock
// in both).
func FormatDateTime(lang string, t time.Time) string {
	if lang == LangFrench {
		return t.Format("02/01/2006 15:04")
	}
	return t.Format(dueLayout)
}

// FormatDate is a day as lang writes it in prose: 12 Sep 2022, or
// 12 sept. 2022 in French.
func FormatDate(lang string, t time.Time) string {
	if lang == LangFrench {
		return strconv.Itoa(t.Day()) + " " + frenchMonthsShort[t.Month()-1] + " " + strconv.Itoa(t.Year())
	}
	return t.Format("2 Jan 2006")
}

// FormatDay is a weekday and day: Monday 12 September 2022, or
// lundi 12 septembre 2022.
func FormatDay(lang string, t time.Time) string {
	if lang == LangFrench {
		return frenchWeekdays[t.Weekday()] + " " + strconv.Itoa(t.Day()) + " " + frenchMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
	}
	return t.Format("Monday 2 January 2006")
}

var (
	frenchMonths      = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	frenchMonthsShort = [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}
	frenchWeekdays    = [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
)

// Count is "n noun" with the noun's plural form chosen by lang's CLDR
// rules (x/text's tables): French takes the singular for 0 and 1, English
// for 1 only.
func Count(lang string, n int, noun string) string {
	forms := nouns[lang][noun]
	if forms == [2]string{} {
		forms = nouns[LangEnglish][noun]
	}
	tag := language.English
	if lang == LangFrench {
		tag = language.French
	}
	word := forms[1]
	if plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0) == plural.One {
		word = forms[0]
	}
	return strconv.Itoa(n) + " " + word
}

// nouns are the counted nouns: singular, plural.
var nouns = map[string]map[string][2]string{
	LangEnglish: {"step": {"step", "steps"}, "entry": {"entry", "entries"}, "contact": {"contact", "contacts"}},
	LangFrench:  {"step": {"étape", "étapes"}, "entry": {"entrée", "entrées"}, "contact": {"contact", "contacts"}},
}

// PhaseName is recovery phase n's name in lang.
func PhaseName(lang string, n int) string {
	if n < 1 || n > PhaseCount {
		return strconv.Itoa(n)
	}
	if lang == LangFrench {
		return phaseNamesFrench[n-1]
	}
	return PhaseNames[n-1]
}

var phaseNamesFrench = [PhaseCount]string{
	"Infrastructure cœur",
	"Services métier et messagerie",
	"Autres services et serveurs",
	"Postes de travail",
}

// TextIn is the entry's text for a reader of lang: the system's sentence
// in that language, or the text as it was typed (or as an older Cellule
// wrote it).
func (e Entry) TextIn(lang string) string {
	if e.Msg == nil || lang == "" || lang == LangEnglish {
		return e.Text
	}
	return e.Msg.In(lang)
}

// NormLang is lang as Cellule knows it ("fr", "en"), or "" for another:
// fr_FR.UTF-8, fr-CA, French all give fr.
func NormLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "fr" || strings.HasPrefix(s, "fr_") || strings.HasPrefix(s, "fr-") || strings.HasPrefix(s, "fr.") || s == "french" || s == "français" || s == "francais":
		return LangFrench
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en.") || s == "english" || s == "anglais":
		return LangEnglish
	}
	return ""
}

// ParseLang accepts fr or en (and their locale forms).
func ParseLang(s string) (string, error) {
	if l := NormLang(s); l != "" {
		return l, nil
	}
	return "", invalidf("lang.unknown", SanitizeLine(s))
}
