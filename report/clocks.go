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
		r := declRow{name: d.Title.In(f.l.code) + " (" + d.Name + ")", started: f.t("decl.notStarted"), deadline: f.t("decl.noDelay"), sent: f.t("decl.notSent")}
		if dl := d.Deadline; dl != "" {
			r.deadline = f.t("decl.fromAwareness", dl)
			if d.After != "" {
				r.deadline = f.t("decl.after", dl, d.After)
			}
		}
		if k.StartedAt != nil {
			r.started = f.t("decl.startedBy", f.at(*k.StartedAt), k.StartedBy)
		}
		if k.Due != nil {
			r.deadline = f.at(*k.Due)
		}
		switch {
		case k.SentAt != nil:
			r.sent = f.t("atBy", f.at(*k.SentAt), k.SentBy)
			if k.To != "" {
				r.sent = f.t("decl.sentTo", r.sent, k.To)
			}
			r.ref = k.Ref
			if m, ok := c.Margin(); ok && m < 0 {
				r.margin = f.t("decl.late", crisis.DurationText(m))
				if k.LateReason != "" {
					r.margin += f.t("colon") + k.LateReason
				}
			} else if ok {
				r.margin = f.t("decl.early", crisis.DurationText(m))
			} else {
				r.margin = f.t("decl.afterAwareness", crisis.DurationText(k.SentAt.Sub(*k.StartedAt)))
			}
		case k.SkippedAt != nil:
			r.sent = f.t("decl.skipped", f.at(*k.SkippedAt), k.SkippedBy)
			r.margin = k.SkipReason
		}
		rows = append(rows, r)
	}
	return rows, off, nil
}

func (r declRow) cells() []string {
	return []string{r.name, r.started, r.deadline, r.sent, r.margin, r.ref}
}

// declHeads are the declarations table's column names.
func (f *facts) declHeads() []string {
	return []string{f.t("decl.col.name"), f.t("decl.col.started"), f.t("decl.col.deadline"), f.t("decl.col.sent"), f.t("decl.col.margin"), f.t("decl.col.ref")}
}

func (f *facts) offNote(off []string) string {
	return f.t("decl.off", strings.Join(off, ", "))
}
