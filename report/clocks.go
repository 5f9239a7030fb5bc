package report

import (
	"strings"

	"cellule/crisis"
)

// declRow is one declaration as the report's table shows it, in plain
// text (each format escapes it): when its clock started, its deadline,
// when it was sent, how early or late, and its reference.
type declRow struct {
	name, started, deadline, sent, margin, ref string
}

// declarations reads the declarations for the report: the rows of those
// that apply, and the names of those turned off. Times are the record's,
// not the export's: a report written twice reads the same.
func (f *facts) declarations() (rows []declRow, off []string, err error) {
	cs, err := f.snap.Clocks()
	if err != nil {
		return nil, nil, err
	}
	for _, c := range cs {
		d, k := c.Declaration, c.Clock
		if c.State() == crisis.ClockOff {
			off = append(off, d.Name)
			continue
		}
		r := declRow{name: d.Title.In(reportLang) + " (" + d.Name + ")", started: "not started", deadline: "without delay", sent: "not sent", margin: "", ref: ""}
		if dl := d.Deadline; dl != "" {
			r.deadline = dl + " from awareness"
			if d.After != "" {
				r.deadline = dl + " after " + d.After
			}
		}
		if k.StartedAt != nil {
			r.started = f.at(*k.StartedAt) + " (" + k.StartedBy + ")"
		}
		if k.Due != nil {
			r.deadline = f.at(*k.Due)
		}
		switch {
		case k.SentAt != nil:
			r.sent = f.at(*k.SentAt) + " by " + k.SentBy
			if k.To != "" {
				r.sent += " to " + k.To
			}
			r.ref = k.Ref
			if m, ok := c.Margin(); ok && m < 0 {
				r.margin = "late by " + crisis.DurationText(m)
				if k.LateReason != "" {
					r.margin += ": " + k.LateReason
				}
			} else if ok {
				r.margin = crisis.DurationText(m) + " early"
			} else {
				r.margin = crisis.DurationText(k.SentAt.Sub(*k.StartedAt)) + " after awareness"
			}
		case k.SkippedAt != nil:
			r.sent = "does not apply (" + f.at(*k.SkippedAt) + ", " + k.SkippedBy + ")"
			r.margin = k.SkipReason
		}
		rows = append(rows, r)
	}
	return rows, off, nil
}

func (r declRow) cells() []string {
	return []string{r.name, r.started, r.deadline, r.sent, r.margin, r.ref}
}

var declHeads = []string{"Declaration", "Clock started", "Deadline", "Sent", "Early or late", "Reference"}

func offNote(off []string) string {
	return "Turned off (do not apply here): " + strings.Join(off, ", ") + "."
}
