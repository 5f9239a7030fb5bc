package tasks

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
	"cellule/tui/kit"
)

// taskField is a field of the task form, in Tab order. The assignee is
// only in the new-task form: an edit reassigns with its own key.
type taskField int

const (
	tfTitle taskField = iota
	tfDetails
	tfPriority
	tfPhase
	tfAssignee
	tfDue
	tfCount
)

// dueInputLayout is how the form writes a task's due time back.
const dueInputLayout = "2006-01-02 15:04"

// taskForm adds a task, or edits one.
type taskForm struct {
	s    *kit.Session
	tx   *Text
	orig *crisis.Task // the task edited; nil for a new one

	title   kit.Input
	details kit.Area
	due     kit.Input
	prio    int      // 1-3
	phase   int      // 0-4
	names   []string // assignee choices: "" (nobody), then names
	who     int      // index in names
	focus   taskField
	origDue string // the due field as the edit opened it

	err     string
	confirm kit.Confirm
	saving  bool

	width, height int
}

func newTaskForm(s *kit.Session, tx *Text, orig *crisis.Task, assignees []string, width, height int) *taskForm {
	f := &taskForm{s: s, tx: tx, orig: orig, prio: crisis.TaskPriorityDefault, names: append([]string{""}, assignees...)}
	f.title = kit.NewTextInput(s, "", tx.TitlePlaceholder, crisis.MaxTaskTitle+1)
	f.due = kit.NewTextInput(s, "", tx.DueEmpty, 40)
	f.details = kit.NewFormArea(s, tx.DetailsPlaceholder, crisis.MaxTaskDetails+1) // longer is refused with its message

	if orig != nil {
		f.title.SetValue(orig.Title)
		f.details.SetValue(orig.Details)
		f.prio, f.phase = orig.Priority, orig.Phase
		if orig.Due != nil {
			f.origDue = orig.Due.In(s.Svc.Location()).Format(dueInputLayout)
			f.due.SetValue(f.origDue)
		}
	}
	f.title.CursorEnd()
	f.setSize(width, height)
	return f
}

// fields lists the form's fields in Tab order.
func (f *taskForm) fields() []taskField {
	if f.orig != nil {
		return []taskField{tfTitle, tfDetails, tfPriority, tfPhase, tfDue}
	}
	return []taskField{tfTitle, tfDetails, tfPriority, tfPhase, tfAssignee, tfDue}
}

func (f *taskForm) step(delta int) tea.Cmd {
	fs := f.fields()
	for i, fl := range fs {
		if fl == f.focus {
			f.focus = fs[kit.StepField(i, delta, len(fs))]
			break
		}
	}
	return f.focusCmd()
}

func (f *taskForm) focusCmd() tea.Cmd {
	f.title.Blur()
	f.details.Blur()
	f.due.Blur()
	switch f.focus {
	case tfTitle:
		return f.title.Focus()
	case tfDetails:
		return f.details.Focus()
	case tfDue:
		return f.due.Focus()
	}
	return nil
}

func (f *taskForm) setSize(width, height int) {
	f.width, f.height = width, height
	f.title.SetWidth(max(width-kit.LabelWidth-3, 10))
	f.due.SetWidth(max(min(width-kit.LabelWidth-3, 40), 10))
	f.details.SetWidth(max(width-3, 10))
	f.layout()
}

// layout gives the details field the lines the others leave.
func (f *taskForm) layout() {
	fixed := 10 + len(f.errLines()) // title, blank, title, details label, prio, phase, assignee, due, hint, blank
	if f.orig != nil {
		fixed--
	}
	f.details.SetHeight(max(f.height-fixed-1, 2))
}

func (f *taskForm) errLines() []string { return kit.ErrorLines(f.err, f.width) }

func (f *taskForm) setError(msg string) {
	f.saving, f.err = false, msg
	f.layout()
}

func (f *taskForm) startSaving() {
	f.err, f.saving = "", true
	f.layout()
}

func (f *taskForm) dirty() bool {
	if f.orig != nil {
		return !f.change().Empty()
	}
	return strings.TrimSpace(f.title.Value()) != "" || strings.TrimSpace(f.details.Value()) != "" || strings.TrimSpace(f.due.Value()) != ""
}

func (f *taskForm) draft() crisis.TaskDraft {
	return crisis.TaskDraft{Title: f.title.Value(), Details: f.details.Value(), Priority: f.prio, Phase: f.phase,
		Assignee: f.names[f.who], Due: f.due.Value()}
}

// change is what an edit changed; fields left as they were are nil.
func (f *taskForm) change() crisis.TaskChange {
	var c crisis.TaskChange
	o := f.orig
	if v := f.title.Value(); strings.TrimSpace(v) != o.Title {
		c.Title = &v
	}
	if v := f.details.Value(); strings.TrimSpace(v) != o.Details {
		c.Details = &v
	}
	if f.prio != o.Priority {
		p := f.prio
		c.Priority = &p
	}
	if f.phase != o.Phase {
		p := f.phase
		c.Phase = &p
	}
	if v := strings.TrimSpace(f.due.Value()); v != f.origDue {
		c.Due = &v
	}
	return c
}

// key handles a key press like the entry form: ctrl+s saves, esc asks
// before dropping what was typed, ←/→ pick a choice.
func (f *taskForm) key(msg tea.KeyPressMsg) (kit.FormAction, tea.Cmd) {
	k := f.s.Keys
	if f.saving {
		return kit.FormNone, nil
	}
	if f.confirm != kit.ConfirmNone {
		return f.confirm.Answer(msg, k.Yes, k.No), nil
	}
	switch {
	case key.Matches(msg, k.Save):
		return kit.FormSave, nil
	case key.Matches(msg, k.Cancel):
		return f.confirm.Leave(kit.FormCancel, f.dirty()), nil
	case key.Matches(msg, k.ForceQuit):
		return f.confirm.Leave(kit.FormQuit, f.dirty()), nil
	case key.Matches(msg, k.NextField):
		return kit.FormNone, f.step(1)
	case key.Matches(msg, k.PrevField):
		return kit.FormNone, f.step(-1)
	}
	switch f.focus {
	case tfPriority, tfPhase, tfAssignee:
		return kit.FormNone, f.choiceKey(msg)
	case tfTitle:
		if msg.Code == tea.KeyEnter {
			return kit.FormNone, f.step(1)
		}
	case tfDue:
		if msg.Code == tea.KeyEnter {
			return kit.FormSave, nil
		}
	}
	return kit.FormNone, f.update(msg)
}

func (f *taskForm) choiceKey(msg tea.KeyPressMsg) tea.Cmd {
	k := f.s.Keys
	delta := 0
	switch {
	case key.Matches(msg, k.KindPrev):
		delta = -1
	case key.Matches(msg, k.KindNext):
		delta = 1
	case msg.Code == tea.KeyEnter:
		return f.step(1)
	case msg.Text >= "1" && msg.Text <= "4" && f.focus != tfAssignee:
		n := int(msg.Text[0] - '0')
		if f.focus == tfPriority && n <= crisis.TaskPriorityLow {
			f.prio = n
		}
		if f.focus == tfPhase {
			f.phase = n
		}
		return nil
	}
	switch f.focus {
	case tfPriority:
		f.prio = min(max(f.prio+delta, crisis.TaskPriorityHigh), crisis.TaskPriorityLow)
	case tfPhase:
		f.phase = min(max(f.phase+delta, 0), crisis.PhaseCount)
	case tfAssignee:
		f.who = kit.StepField(f.who, delta, len(f.names))
	}
	return nil
}

func (f *taskForm) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch f.focus {
	case tfTitle:
		f.title, cmd = f.title.Update(msg)
	case tfDetails:
		f.details, cmd = f.details.Update(msg)
	case tfDue:
		f.due, cmd = f.due.Update(msg)
	}
	return cmd
}

func (f *taskForm) label(field taskField, name string) string {
	return f.s.FieldLabel(f.focus == field && f.confirm == kit.ConfirmNone, name)
}

// choices renders options in a row, the chosen one in brackets.
func (f *taskForm) choices(field taskField, labels []string, chosen int) string {
	row := strings.Join(f.s.ChoiceWords(labels, chosen, f.focus == field), "")
	return ansi.Truncate(row, max(f.width-kit.LabelWidth-1, 10), "…")
}

func (f *taskForm) view() string {
	sty, tx := f.s.St, f.tx
	title := tx.NewTitle
	if f.orig != nil {
		title = fmt.Sprintf(tx.EditTitle, f.orig.ID)
	}
	lines := []string{" " + sty.FormTitle.Render(title), ""}
	lines = append(lines, kit.PadLabel(f.label(tfTitle, tx.TitleField))+f.title.View())
	lines = append(lines, f.label(tfDetails, tx.DetailsField))
	for _, l := range strings.Split(f.details.View(), "\n") {
		lines = append(lines, "  "+l)
	}
	lines = append(lines, kit.PadLabel(f.label(tfPriority, tx.PriorityField))+f.choices(tfPriority, []string{"P1", "P2", "P3"}, f.prio-1))
	phases := []string{tx.NoPhase, "1", "2", "3", "4"}
	lines = append(lines, kit.PadLabel(f.label(tfPhase, tx.PhaseField))+f.choices(tfPhase, phases, f.phase))
	if f.orig == nil {
		names := make([]string, len(f.names))
		for i, n := range f.names {
			names[i] = crisis.SanitizeLine(n)
			if n == "" {
				names[i] = tx.Nobody
			}
		}
		lines = append(lines, kit.PadLabel(f.label(tfAssignee, tx.AssigneeField))+f.choices(tfAssignee, names, f.who))
	}
	zone := f.s.Svc.Now().In(f.s.Svc.Location()).Format("MST")
	lines = append(lines,
		kit.PadLabel(f.label(tfDue, tx.DueField))+f.due.View(),
		strings.Repeat(" ", kit.LabelWidth)+sty.Hint.Render(fmt.Sprintf(tx.DueFormHint, zone)),
		"")
	lines = append(lines, f.s.FormStatus(f.confirm, tx.ConfirmDiscard, f.saving, f.errLines())...)
	return kit.FitHeight(strings.Join(lines, "\n"), f.height)
}

func (f *taskForm) help() kit.HelpKeys {
	k := f.s.Keys
	if f.focus == tfPriority || f.focus == tfPhase || f.focus == tfAssignee {
		return k.FormHelp(f.confirm, key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", f.tx.HelpChoose)))
	}
	return k.FormHelp(f.confirm)
}
