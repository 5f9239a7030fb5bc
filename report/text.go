package report

import (
	"fmt"
	"time"

	"cellule/crisis"
)

// Labels of the domain's codes in the reports (English).
var (
	kindLabels = map[crisis.Kind]string{
		crisis.KindFact:          "fact",
		crisis.KindInfo:          "information",
		crisis.KindDecision:      "decision",
		crisis.KindAction:        "action",
		crisis.KindCommunication: "communication",
		crisis.KindEscalation:    "escalation",
		crisis.KindClosure:       "closure",
	}
	stageLabels = map[crisis.Stage]string{
		crisis.StageAlert:         "Alert",
		crisis.StageQualification: "Qualification",
		crisis.StageContainment:   "Containment",
		crisis.StageInvestigation: "Investigation",
		crisis.StageRemediation:   "Remediation",
		crisis.StageEnd:           "End of crisis",
	}
)

func kindLabel(k crisis.Kind) string { return label(kindLabels, k) }

func stageLabel(s crisis.Stage) string { return label(stageLabels, s) }

// Time layouts of the reports.
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
func duration(d time.Duration) string {
	d = d.Round(time.Minute)
	days := int(d / (24 * time.Hour))
	h := int(d % (24 * time.Hour) / time.Hour)
	m := int(d % time.Hour / time.Minute)
	switch {
	case days > 0:
		return fmt.Sprintf("%d days %d h %02d min", days, h, m)
	case h > 0:
		return fmt.Sprintf("%d h %02d min", h, m)
	}
	return fmt.Sprintf("%d min", m)
}

// ref is how an entry's number reads, with its corrections.
func ref(e crisis.Entry) string {
	s := fmt.Sprintf("#%d", e.ID)
	if e.Amends != 0 {
		s += fmt.Sprintf(", corrects #%d", e.Amends)
	}
	for i, id := range e.AmendedBy {
		if i == 0 {
			s += ", corrected by"
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
