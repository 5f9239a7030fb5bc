package tasks

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
	"cellule/tui/kit"
)

// Columns of a task's line: bar, number, priority, status, assignee, due,
// then the title in what is left.
const (
	colID       = 4
	colPrio     = 3
	colStatus   = 12
	colAssignee = 11
	colDue      = 12
)

func (b *tasksTab) View() string {
	switch {
	case b.form != nil:
		return b.form.view()
	case b.picker != nil:
		return b.picker.View()
	}
	var body []string
	if t, ok := b.openTask(); ok {
		body = b.detailLines(t)
	} else {
		// The view's tasks are filtered, sorted and grouped once per draw.
		ts, headings := b.shown()
		body = []string{b.viewLine(ts)}
		if len(ts) > 0 {
			body = append(body, b.columnsLine())
		}
		body = append(body, b.listLines(b.height-len(body), ts, headings)...)
	}
	h := b.height
	prompt := ""
	if b.prompt != nil {
		prompt = b.prompt.view()
		h -= strings.Count(prompt, "\n") + 1
	}
	out := kit.FitHeight(strings.Join(body, "\n"), h)
	if b.prompt != nil {
		out += "\n" + prompt
	}
	return out
}

// viewLine says which view is shown and counts what matters: open, late
// and blocked tasks.
func (b *tasksTab) viewLine(ts []crisis.Task) string {
	sty, tx := b.s.St, b.tx
	names := [viewCount]string{tx.ViewAll, tx.ViewMine, tx.ViewByAssignee, tx.ViewByStatus}
	name := sty.Filter.Render(names[b.view])
	if b.view != viewAll {
		name = sty.FilterActive.Render(names[b.view])
	}
	now := b.s.Svc.Now()
	open, late, blocked := 0, 0, 0
	for _, t := range ts {
		if !t.Status.Closed() {
			open++
		}
		if t.Overdue(now) > 0 {
			late++
		}
		if t.Status == crisis.TaskBlocked {
			blocked++
		}
	}
	pl := b.s.Text.Plural
	count := pl(len(ts), tx.CountOne, tx.Count)
	parts := []string{name, sty.Filter.Render(count), sty.Filter.Render(pl(open, tx.OpenOne, tx.Open))}
	if late > 0 {
		parts = append(parts, b.st.late.Render(pl(late, tx.LateOne, tx.Late)))
	}
	if blocked > 0 {
		parts = append(parts, b.st.blocked.Render(pl(blocked, tx.BlockedOne, tx.Blocked)))
	}
	parts = append(parts, sty.Filter.Render(tx.ViewHint))
	return " " + strings.Join(parts, sty.Filter.Render(" · "))
}

// columnsLine names the list's columns, over them.
func (b *tasksTab) columnsLine() string {
	c := b.tx.Columns
	widths := []int{colID, colPrio, colStatus, colAssignee, colDue}
	line := strings.Repeat(" ", kit.BarWidth)
	for i, w := range widths {
		line += kit.Pad(c[i], w-1) + " "
	}
	return b.s.St.Header.Render(kit.Cut(line+c[5], b.width))
}

// listLines renders the view's tasks, scrolled so the selected one shows.
func (b *tasksTab) listLines(h int, ts []crisis.Task, headings []string) []string {
	sty, tx := b.s.St, b.tx
	if b.loadErr != nil && !b.loaded {
		return []string{"", "  " + sty.FormError.Render(fmt.Sprintf(tx.LoadFailed, b.s.Text.ErrText(b.loadErr)))}
	}
	if len(ts) == 0 {
		msg := tx.EmptyViewer
		switch {
		case b.view == viewMine && len(b.tasks) > 0:
			msg = tx.EmptyMine
		case b.s.Allowed(crisis.ActWriteTask):
			msg = tx.EmptyWriter
		}
		return []string{"", "  " + sty.Empty.Render(msg)}
	}
	cur := b.cursor(ts)
	now := b.s.Svc.Now()
	var lines []string
	selFirst, selLast := 0, 0
	for i, t := range ts {
		if headings[i] != "" {
			if len(lines) > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, " "+b.st.heading.Render(headings[i]))
		}
		if i == cur {
			selFirst = len(lines)
		}
		lines = append(lines, b.taskLines(t, i == cur, now)...)
		if i == cur {
			selLast = len(lines) - 1
		}
	}
	// Scroll the least needed to show the selected task whole.
	b.top = kit.Scroll(b.top, selFirst, selLast, h, len(lines))
	end := min(b.top+h, len(lines))
	return lines[b.top:end]
}

// taskLines renders one task: a line of columns, and a second line with
// the reason when it is blocked. Overdue tasks say how late they are.
func (b *tasksTab) taskLines(t crisis.Task, selected bool, now time.Time) []string {
	sty, tx, ts := b.s.St, b.tx, b.st
	loc := b.s.Svc.Location()
	cell := func(s string, w int) string {
		s = ansi.Truncate(s, w-1, "…")
		return s + strings.Repeat(" ", max(w-lipgloss.Width(s), 0))
	}
	closed := t.Status.Closed()
	style := func(st lipgloss.Style) lipgloss.Style {
		if closed {
			return ts.closed
		}
		return st
	}
	id := sty.ID.Render(cell(fmt.Sprintf("#%d", t.ID), colID))
	if selected {
		id = sty.IDSelected.Render(cell(fmt.Sprintf("#%d", t.ID), colID))
	}
	prioStyle, ok := ts.prio[t.Priority]
	if !ok {
		prioStyle = lipgloss.NewStyle()
	}
	prio := style(prioStyle).Render(cell(fmt.Sprintf("P%d", t.Priority), colPrio))
	statusStyle := lipgloss.NewStyle()
	if t.Status == crisis.TaskBlocked {
		statusStyle = ts.blocked
	}
	status := style(statusStyle).Render(cell(tx.status(t.Status), colStatus))
	who := tx.Nobody
	if t.Assignee != "" {
		who = crisis.SanitizeLine(t.Assignee)
	}
	assignee := style(sty.Author).Render(cell(who, colAssignee))
	due := cell("", colDue)
	if t.Due != nil {
		if late := t.LateBy(now); late != "" {
			due = ts.late.Render(cell(fmt.Sprintf(tx.LateBy, late), colDue))
		} else {
			due = style(lipgloss.NewStyle()).Render(cell(b.s.Text.Date(t.Due.In(loc), tx.DueLayout), colDue))
		}
	}
	head := id + prio + status + assignee + due
	room := max(b.width-kit.BarWidth-lipgloss.Width(head), 8)
	title := crisis.SanitizeLine(t.Title)
	mark := ""
	if t.NewFor(b.s.Me.Name) {
		mark = ts.fresh.Render(strings.TrimSpace(tx.NewMark)) + " "
		room -= lipgloss.Width(tx.NewMark)
	}
	lines := []string{head + mark + style(sty.Text).Render(kit.Cut(title, room))}
	if t.Status == crisis.TaskBlocked {
		indent := strings.Repeat(" ", colID+colPrio)
		reason := fmt.Sprintf(tx.BlockedBy, crisis.SanitizeLine(t.Reason))
		lines = append(lines, indent+ts.blocked.Render(kit.Cut(reason, b.width-kit.BarWidth-len(indent))))
	}
	bar := sty.SelBar(selected)
	for i, l := range lines {
		lines[i] = bar + l
		if selected {
			lines[i] = sty.SelectRow(lines[i], b.width)
		}
	}
	return lines
}

// detailLines shows one task in full.
func (b *tasksTab) detailLines(t crisis.Task) []string {
	sty, tx, ts := b.s.St, b.tx, b.st
	loc := b.s.Svc.Location()
	now := b.s.Svc.Now()
	field := func(label, value string) string {
		return "  " + ts.label.Render(fmt.Sprintf("%-10s", label)) + "  " + value
	}
	status := tx.status(t.Status)
	if t.Status == crisis.TaskBlocked {
		status = ts.blocked.Render(fmt.Sprintf(tx.BlockedBy, crisis.SanitizeLine(t.Reason)))
	}
	who := tx.Nobody
	if t.Assignee != "" {
		who = crisis.SanitizeLine(t.Assignee)
	}
	due := tx.NoDue
	if t.Due != nil {
		due = b.s.Text.Date(t.Due.In(loc), tx.LongLayout)
		if late := t.LateBy(now); late != "" {
			due += "  " + ts.late.Render(fmt.Sprintf(tx.LateBy, late))
		}
	}
	phase := tx.NoPhase
	if t.Phase > 0 && t.Phase < len(tx.PhaseNames) {
		phase = tx.PhaseNames[t.Phase]
	}
	title := fmt.Sprintf(tx.TaskTitle, t.ID) + "  " + crisis.SanitizeLine(t.Title)
	lines := []string{" " + sty.FormTitle.Render(kit.Cut(title, b.width-2)), "",
		field(tx.Status, status),
		field(tx.Priority, fmt.Sprintf("P%d", t.Priority)),
		field(tx.Assignee, who),
		field(tx.Due, due),
		field(tx.Phase, phase),
		field(tx.Created, fmt.Sprintf(tx.CreatedBy, b.s.Text.Date(t.CreatedAt.In(loc), tx.LongLayout), crisis.SanitizeLine(t.CreatedBy))),
		field(tx.Updated, b.s.Text.Date(t.UpdatedAt.In(loc), tx.LongLayout)),
		"",
		"  " + ts.label.Render(tx.Details),
	}
	details := crisis.Sanitize(t.Details)
	if details == "" {
		lines = append(lines, "  "+sty.Empty.Render(tx.NoDetails))
	}
	if details != "" {
		for _, l := range strings.Split(ansi.Wrap(details, max(b.width-4, 10), ""), "\n") {
			lines = append(lines, "  "+l)
		}
	}
	return lines
}
