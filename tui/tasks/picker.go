package tasks

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
	"cellule/tui/kit"
)

// pickKind is what a task picker chooses.
type pickKind int

const (
	pickAssignee pickKind = iota
	pickStatus
)

// taskPicker lists the people a task may be given to (nobody first), or
// the statuses it may take; the current one is marked and selected.
type taskPicker struct {
	kind   pickKind
	task   crisis.Task
	names  []string // pickAssignee: "" (nobody), then the names
	cursor int
}

func newAssigneePicker(t crisis.Task, assignees []string) *taskPicker {
	p := &taskPicker{kind: pickAssignee, task: t, names: append([]string{""}, assignees...)}
	for i, n := range p.names {
		if n == t.Assignee {
			p.cursor = i
		}
	}
	return p
}

func newStatusPicker(t crisis.Task) *taskPicker {
	p := &taskPicker{kind: pickStatus, task: t}
	for i, st := range crisis.TaskStatuses {
		if st == t.Status {
			p.cursor = i
		}
	}
	return p
}

func (p *taskPicker) size() int {
	if p.kind == pickAssignee {
		return len(p.names)
	}
	return len(crisis.TaskStatuses)
}

func (p *taskPicker) move(delta int) { p.cursor = kit.MoveCursor(p.cursor, delta, p.size()) }

// isCurrent reports whether the selection is what the task already has
// (a blocked task may be chosen again, to give a new reason).
func (p *taskPicker) isCurrent() bool {
	if p.kind == pickAssignee {
		return p.names[p.cursor] == p.task.Assignee
	}
	st := crisis.TaskStatuses[p.cursor]
	return st == p.task.Status && st != crisis.TaskBlocked
}

func (p *taskPicker) view(s *kit.Session, tx *Text, width, height int) string {
	sty := s.St
	title := fmt.Sprintf(tx.AssignTitle, p.task.ID)
	if p.kind == pickStatus {
		title = fmt.Sprintf(tx.StatusTitle, p.task.ID)
	}
	lines := []string{"", " " + sty.FormTitle.Render(title) + "  " + sty.Hint.Render(crisis.SanitizeLine(p.task.Title)), ""}
	var labels []string
	current := -1
	if p.kind == pickAssignee {
		for i, n := range p.names {
			if n == "" {
				labels = append(labels, tx.Nobody)
			} else {
				labels = append(labels, crisis.SanitizeLine(n))
			}
			if n == p.task.Assignee {
				current = i
			}
		}
	} else {
		for i, st := range crisis.TaskStatuses {
			labels = append(labels, tx.status(st))
			if st == p.task.Status {
				current = i
			}
		}
	}
	// A long list of people scrolls with the cursor.
	room := max(height-len(lines), 1)
	first := max(0, min(p.cursor-room/2, len(labels)-room))
	for i := first; i < len(labels) && i < first+room; i++ {
		line := "    " + labels[i] + " "
		if i == p.cursor {
			line = sty.PickerCursor.Render(" › ") + sty.Chosen.Render(" "+labels[i]+" ")
		}
		if i == current {
			line += " " + sty.PickerCurrent.Render(tx.Current)
		}
		if i == p.cursor {
			line = sty.SelectRow(kit.Cut(line, width), width)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// promptKind is what a one-line task prompt asks for.
type promptKind int

const (
	promptDue promptKind = iota
	promptReason
)

// taskPrompt is a one-line field under the list: a task's due time, or
// why it is blocked.
type taskPrompt struct {
	s      *kit.Session
	tx     *Text
	kind   promptKind
	task   crisis.Task
	input  kit.Input
	opened string // the value the prompt opened with
	// confirm is the question asked before a typed reason is dropped.
	confirm kit.Confirm
}

func newTaskPrompt(s *kit.Session, tx *Text, kind promptKind, t crisis.Task, width int) *taskPrompt {
	in := kit.NewTextInput(s, tx.DuePrompt, tx.DueHint, 40)
	if kind == promptReason {
		in.Prompt, in.Placeholder = tx.ReasonPrompt, tx.ReasonHint
		in.CharLimit = crisis.MaxTaskReason + 1 // longer is refused with its message
		if t.Status == crisis.TaskBlocked {
			in.SetValue(crisis.SanitizeLine(t.Reason))
		}
	} else if t.Due != nil {
		in.SetValue(t.Due.In(s.Svc.Location()).Format("2006-01-02 15:04"))
	}
	in.CursorEnd()
	p := &taskPrompt{s: s, tx: tx, kind: kind, task: t, input: in, opened: in.Value()}
	p.setWidth(width)
	return p
}

func (p *taskPrompt) setWidth(width int) {
	p.input.SetWidth(max(width-len(p.input.Prompt)-3, 10))
}

func (p *taskPrompt) focus() tea.Cmd { return p.input.Focus() }

// dirty: the value was typed or changed since the prompt opened.
func (p *taskPrompt) dirty() bool { return p.input.Value() != p.opened }

// asks says whether leaving asks first: a reason is a sentence worth a
// question; a due time is a few characters typed again in a second.
func (p *taskPrompt) asks() bool { return p.kind == promptReason && p.dirty() }

func (p *taskPrompt) update(msg tea.Msg) tea.Cmd {
	if p.confirm != kit.ConfirmNone {
		return nil // not while the question is asked
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return cmd
}

// view is the field, and under it the question when one is asked.
func (p *taskPrompt) view() string {
	lines := []string{" " + ansi.Truncate(p.input.View(), 200, "")}
	lines = append(lines, p.s.FormStatus(p.confirm, p.tx.ConfirmDiscardReason, false, nil)...)
	return strings.Join(lines, "\n")
}
