package recovery

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

func (r *recoveryTab) View() string {
	if r.form != nil {
		return r.form.view(r.height)
	}
	sty, t := r.s.St, r.tx
	if !r.loaded {
		if r.loadErr != nil {
			return kit.FitHeight("\n  "+sty.FormError.Render(fmt.Sprintf(t.LoadFailed, r.s.Text.ErrText(r.loadErr))), r.height)
		}
		return kit.FitHeight("", r.height)
	}
	// The list, then a line about the selected item (or the question).
	lines, at := r.listLines()
	// The column names stay over the list as it scrolls.
	columns := r.columnsLine()
	h := max(r.height-2, 1)
	if at >= 0 {
		r.top = kit.Scroll(r.top, at, at, h, len(lines))
	} else {
		r.top = kit.ClampTop(r.top, h, len(lines))
	}
	lines = lines[r.top:]
	if len(lines) > h {
		lines = lines[:h]
	}
	body := kit.FitHeight(strings.Join(lines, "\n"), h)
	return columns + "\n" + body + "\n" + r.detailLine()
}

// columnsLine names the items' columns.
func (r *recoveryTab) columnsLine() string {
	c := r.tx.Columns
	line := "   " + kit.Pad(c[0], rcName) + " " + kit.PadRight(c[1], rcState) + " " + kit.PadLeft(c[2], rcCount) + "  " + c[3]
	return r.s.St.Header.Render(kit.Cut(line, r.width))
}

// listLines renders every phase and item; at is the selected item's line.
func (r *recoveryTab) listLines() ([]string, int) {
	sty, rs, t := r.s.St, r.st, r.tx
	var lines []string
	at := -1
	for _, ph := range r.plan.Phases {
		lines = append(lines, r.phaseLine(ph))
		if len(ph.Items) == 0 {
			lines = append(lines, "   "+sty.Empty.Render(t.NoItems))
		}
		for _, it := range ph.Items {
			selected := it.ID == r.cursor
			if selected {
				at = len(lines)
			}
			marker := "   "
			name := kit.Pad(crisis.SanitizeLine(it.Name), rcName)
			if selected {
				marker = sty.PickerCursor.Render(" › ")
				name = sty.IDSelected.Render(name)
			}
			stateStyle, ok := rs.State[it.State]
			if !ok {
				stateStyle = lipgloss.NewStyle()
			}
			state := stateStyle.Render(kit.PadRight(t.state(it.State), rcState))
			count := ""
			if it.IsGroup() {
				count = fmt.Sprintf("%d/%d", it.Count, it.Total)
			}
			line := marker + name + " " + state + " " + rs.Count.Render(kit.PadLeft(count, rcCount))
			var extra []string
			if it.Compromised > 0 {
				extra = append(extra, rs.State[crisis.StateCompromised].Render(fmt.Sprintf(t.Compromised, it.Compromised)))
			}
			if it.Override != nil {
				extra = append(extra, rs.Override.Render(t.Override))
			}
			if it.Owner != "" {
				extra = append(extra, rs.Owner.Render(crisis.SanitizeLine(it.Owner)))
			}
			if it.Note != "" {
				extra = append(extra, rs.Note.Render(crisis.SanitizeLine(it.Note)))
			}
			if len(extra) > 0 {
				line += "  " + strings.Join(extra, " ")
			}
			if selected {
				line = sty.SelectRow(kit.Cut(line, r.width), r.width)
			}
			lines = append(lines, line)
		}
	}
	return lines, at
}

// phaseLine is a phase's heading: number and name, bar, percent, state.
func (r *recoveryTab) phaseLine(ph crisis.PhaseView) string {
	rs, t := r.st, r.tx
	title := kit.Pad(fmt.Sprintf(t.Phase, ph.Number, t.phaseName(ph)), rcName+2)
	done := ph.State == crisis.PhaseValidated && !ph.Suspended
	state := rs.PhaseState.Render(t.phaseState(ph.State))
	switch {
	case ph.Suspended:
		// Its validation stands again once the phases before it are
		// validated; until then its items are gated.
		state = rs.Suspended.Render(fmt.Sprintf(t.Suspended, r.gateOf(ph.Number)))
	case done:
		by := fmt.Sprintf(t.Validated, crisis.SanitizeLine(ph.ValidatedBy), r.s.Text.Date(ph.ValidatedAt.In(r.s.Svc.Location()), t.TimeLayout))
		state = rs.Validated.Render(by)
	}
	return " " + rs.PhaseName.Render(title) + " " + kit.ProgressBar(rs, ph.Progress, rcBar, done) + " " +
		fmt.Sprintf(t.Percent, ph.Progress) + "  " + state
}

// gateOf is the first phase before n that is not validated.
func (r *recoveryTab) gateOf(n int) int {
	for _, ph := range r.plan.Phases {
		if ph.Number < n && !ph.Validated() {
			return ph.Number
		}
	}
	return 0
}

// detailLine says more about the selected item, or asks the open question.
func (r *recoveryTab) detailLine() string {
	sty, rs, t := r.s.St, r.st, r.tx
	if r.confirm != nil {
		return " " + sty.Confirm.Render(r.confirm.question)
	}
	it, _, ok := r.selected()
	if !ok {
		return ""
	}
	var parts []string
	if it.Note != "" {
		parts = append(parts, crisis.SanitizeLine(it.Note))
	}
	if it.Owner != "" {
		parts = append(parts, fmt.Sprintf(t.Owner, crisis.SanitizeLine(it.Owner)))
	}
	if !it.UpdatedAt.IsZero() {
		parts = append(parts, fmt.Sprintf(t.Updated, crisis.SanitizeLine(it.UpdatedBy), r.s.Text.Date(it.UpdatedAt.In(r.s.Svc.Location()), t.TimeLayout)))
	}
	if o := it.Override; o != nil {
		parts = append(parts, fmt.Sprintf(t.OverrideBy, crisis.SanitizeLine(o.By), crisis.SanitizeLine(o.Reason)))
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + rs.Detail.Render(kit.Cut(it.ID+": "+strings.Join(parts, " · "), r.width-2))
}
