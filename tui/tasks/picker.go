package tasks

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// pickKind is what a task picker chooses.
type pickKind int

const (
	pickAssignee pickKind = iota
	pickStatus
)

// taskPicker lists the people a task may be given to (nobody first, the
// list searched as typed), or the statuses it may take: a kit.Form of one
// picker, the current one marked and selected.
type taskPicker struct {
	*kit.Form
	kind  pickKind
	task  crisis.Task
	names []string // pickAssignee: "" (nobody), then the names
	list  *kit.Field
}

func newPicker(s *kit.Session, tx *Text, kind pickKind, t crisis.Task, labels []string, current, width, height int) *taskPicker {
	p := &taskPicker{Form: kit.NewForm(s, width, height), kind: kind, task: t}
	sty := s.St
	title := fmt.Sprintf(tx.AssignTitle, t.ID)
	if kind == pickStatus {
		title = fmt.Sprintf(tx.StatusTitle, t.ID)
	}
	p.Head = func(width int) []string {
		return []string{"", kit.Cut(" "+sty.FormTitle.Render(title)+"  "+sty.Hint.Render(crisis.SanitizeLine(t.Title)), width), ""}
	}
	p.Compact, p.EnterSaves = true, true
	p.list = p.Picker("", labels, max(current, 0), kind == pickAssignee)
	p.list.Current, p.list.CurrentText = current, tx.Current
	p.setSize(width, height)
	return p
}

func newAssigneePicker(s *kit.Session, tx *Text, t crisis.Task, assignees []string, width, height int) *taskPicker {
	names := append([]string{""}, assignees...)
	labels := make([]string, len(names))
	current := -1
	for i, n := range names {
		labels[i] = crisis.SanitizeLine(n)
		if n == "" {
			labels[i] = tx.Nobody
		}
		if n == t.Assignee {
			current = i
		}
	}
	p := newPicker(s, tx, pickAssignee, t, labels, current, width, height)
	p.names = names
	return p
}

func newStatusPicker(s *kit.Session, tx *Text, t crisis.Task, width, height int) *taskPicker {
	labels := make([]string, len(crisis.TaskStatuses))
	current := -1
	for i, st := range crisis.TaskStatuses {
		labels[i] = tx.status(st)
		if st == t.Status {
			current = i
		}
	}
	return newPicker(s, tx, pickStatus, t, labels, current, width, height)
}

// setSize gives the list the rows the title and the search leave.
func (p *taskPicker) setSize(width, height int) {
	rows := height - 3
	if p.list.Search {
		rows--
	}
	p.list.Rows = max(rows, 1)
	p.SetSize(width, height)
}

// chosen is the index of the choice in effect.
func (p *taskPicker) chosen() int { return p.list.Chosen }

// isCurrent reports whether the selection is what the task already has
// (a blocked task may be chosen again, to give a new reason).
func (p *taskPicker) isCurrent() bool {
	if p.kind == pickAssignee {
		return p.names[p.chosen()] == p.task.Assignee
	}
	st := crisis.TaskStatuses[p.chosen()]
	return st == p.task.Status && st != crisis.TaskBlocked
}

// promptKind is what a one-line task prompt asks for.
type promptKind int

const (
	promptDue promptKind = iota
	promptReason
)

// taskPrompt is a one-line form under the list: a task's due time (read
// by the service's time reader, its refusal shown under it), or why it is
// blocked.
type taskPrompt struct {
	*kit.Form
	kind   promptKind
	task   crisis.Task
	field  *kit.Field
	opened string // the value the prompt opened with
}

func newTaskPrompt(s *kit.Session, tx *Text, kind promptKind, t crisis.Task, width int) *taskPrompt {
	p := &taskPrompt{Form: kit.NewForm(s, width, 3), kind: kind, task: t}
	p.Compact = true
	if kind == promptReason {
		value := ""
		if t.Status == crisis.TaskBlocked {
			value = crisis.SanitizeLine(t.Reason)
		}
		p.field = p.Text("", value, tx.ReasonHint, crisis.MaxTaskReason+1) // longer is refused with its message
		p.field.Input.Prompt = tx.ReasonPrompt
		p.field.Codes = []string{"task."}
		p.Discard = tx.ConfirmDiscardReason
	} else {
		value := ""
		if t.Due != nil {
			value = t.Due.In(s.Svc.Location()).Format(dueInputLayout)
		}
		p.field = p.Time("", value, tx.DueHint, dueCheck(s))
		p.field.Input.Prompt = tx.DuePrompt
		p.field.Codes = []string{"due.", "task."}
	}
	p.opened = p.field.Value()
	// A reason is a sentence worth a question; a due time is a few
	// characters typed again in a second.
	p.Dirty = func() bool { return p.kind == promptReason && p.field.Value() != p.opened }
	p.setWidth(width)
	return p
}

func (p *taskPrompt) setWidth(width int) { p.SetSize(width, 3) }

func (p *taskPrompt) focus() tea.Cmd { return p.FocusCmd() }

// value is what the prompt holds.
func (p *taskPrompt) value() string { return p.field.Value() }

// unchanged: the value is what the prompt opened with.
func (p *taskPrompt) unchanged() bool { return p.field.Value() == p.opened }

func (p *taskPrompt) update(msg tea.Msg) tea.Cmd { return p.Update(msg) }

// view is the field, and under it the question, or the refusal.
func (p *taskPrompt) view() string { return joinLines(p.Lines()) }

func joinLines(lines []string) string { return strings.Join(lines, "\n") }
