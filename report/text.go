package report

import (
	"fmt"
	"time"

	"cellule/crisis"
)

// The reports' words come from the tables of lang.go; these are the
// facts' shortcuts to them, in the report's language.

func (f *facts) t(code string, args ...any) string { return f.l.t(code, args...) }

func (f *facts) n(code string, n int) string { return f.l.n(code, n) }

func (f *facts) kindLabel(k crisis.Kind) string { return f.l.label("kind", string(k)) }

func (f *facts) stageLabel(s crisis.Stage) string { return f.l.label("stage", string(s)) }

// Time layouts of the reports (English; see dateStyle for the others).
const (
	dayTime = "2006-01-02 15:04"
	clock   = "15:04"
)

// zoneName names the time zone the report's times are in.
func zoneName(loc *time.Location, at time.Time) string {
	if loc == nil {
		return "UTC"
	}
	if n := loc.String(); n != "Local" {
		return n
	}
	return at.In(loc).Format("MST (UTC-07:00)")
}

// duration reads like "28 days 0 h 30 min".
func (f *facts) duration(d time.Duration) string { return f.l.duration(d) }

// ref is how an entry's number reads, with its corrections.
func (f *facts) ref(e crisis.Entry) string {
	s := fmt.Sprintf("#%d", e.ID)
	if e.Amends != 0 {
		s += f.t("ref.corrects", e.Amends)
	}
	for i, id := range e.AmendedBy {
		if i == 0 {
			s += f.t("ref.correctedBy")
		} else {
			s += ","
		}
		s += fmt.Sprintf(" #%d", id)
	}
	return s
}

// shortText is the first line of an entry's text, cut to n characters.
func shortText(s string, n int) string {
	s = crisis.SanitizeLine(s)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// percent is a progress: "40%", "40 %" (French puts a space before it).
func (f *facts) percent(n int) string { return f.t("percent", n) }
