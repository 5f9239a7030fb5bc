package tasks

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// dueInputLayout is how the form writes a task's due time back.
const dueInputLayout = "2006-01-02 15:04"

// taskForm adds a task, or edits one: a kit.Form. The assignee is only in
// the new-task form (an edit reassigns with its own key), a picker that
// shows the choice in effect and is searched as typed.
type taskForm struct {
	*kit.Form
	s    *kit.Session
	tx   *Text
	orig *crisis.Task // the task edited; nil for a new one

	title, details, prio, phase, who, due *kit.Field
	names                                 []string // assignee choices: "" (nobody), then names
	origDue                               string   // the due field as the edit opened it
}

// dueCheck reads a due time with the service's reader, as the save will.
func dueCheck(s *kit.Session) func(string) string {
	svc := s.Svc
	return func(v string) string {
		if _, err := crisis.ParseDue(v, svc.Now(), svc.Location()); err != nil {
			return s.Text.ErrText(err)
		}
		return ""
	}
}

func newTaskForm(s *kit.Session, tx *Text, orig *crisis.Task, assignees []string, width, height int) *taskForm {
	f := &taskForm{Form: kit.NewForm(s, width, height), s: s, tx: tx, orig: orig, names: append([]string{""}, assignees...)}
	sty := s.St
	f.Head = func(int) []string {
		title := tx.NewTitle
		if f.orig != nil {
			title = fmt.Sprintf(tx.EditTitle, f.orig.ID)
		}
		return []string{" " + sty.FormTitle.Render(title), ""}
	}
	f.Foot = func(int) []string { return []string{""} }
	f.Discard = tx.ConfirmDiscard

	title, details, prio, phase := "", "", crisis.TaskPriorityDefault, 0
	if orig != nil {
		title, details, prio, phase = orig.Title, orig.Details, orig.Priority, orig.Phase
		if orig.Due != nil {
			f.origDue = orig.Due.In(s.Svc.Location()).Format(dueInputLayout)
		}
	}
	f.title = f.Text(tx.TitleField, title, tx.TitlePlaceholder, crisis.MaxTaskTitle+1)
	f.title.Codes = []string{"task.title"}
	f.details = f.AreaField(tx.DetailsField, details, tx.DetailsPlaceholder, crisis.MaxTaskDetails+1) // longer is refused with its message
	f.details.Codes = []string{"task.details"}
	choose := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", tx.HelpChoose))
	f.prio = f.Choice(tx.PriorityField, []string{"P1", "P2", "P3"}, prio-1)
	f.prio.Help = []key.Binding{choose}
	f.phase = f.Choice(tx.PhaseField, []string{tx.NoPhase, "1", "2", "3", "4"}, phase)
	f.phase.Help = []key.Binding{choose}
	if orig == nil {
		labels := make([]string, len(f.names))
		for i, n := range f.names {
			labels[i] = crisis.SanitizeLine(n)
			if n == "" {
				labels[i] = tx.Nobody
			}
		}
		f.who = f.Picker(tx.AssigneeField, labels, 0, true)
		f.who.Inline, f.who.Rows = true, 3
		f.who.Codes = []string{"task.assignee", "user."}
	}
	zone := s.Svc.Now().In(s.Svc.Location()).Format("MST")
	f.due = f.Time(tx.DueField, f.origDue, tx.DueEmpty, dueCheck(s))
	f.due.Below = fmt.Sprintf(tx.DueFormHint, zone)
	f.due.Codes = []string{"due."}
	f.Dirty = f.dirty
	f.SetSize(width, height)
	return f
}

func (f *taskForm) focusCmd() tea.Cmd { return f.FocusCmd() }

func (f *taskForm) setSize(width, height int) { f.SetSize(width, height) }

func (f *taskForm) dirty() bool {
	if f.orig != nil {
		return !f.change().Empty()
	}
	for _, fl := range []*kit.Field{f.title, f.details, f.due} {
		if strings.TrimSpace(fl.Value()) != "" {
			return true
		}
	}
	return false
}

// assignee is the name chosen, "" for nobody.
func (f *taskForm) assignee() string {
	if f.who == nil {
		return ""
	}
	return f.names[f.who.Chosen]
}

func (f *taskForm) draft() crisis.TaskDraft {
	return crisis.TaskDraft{Title: f.title.Value(), Details: f.details.Value(), Priority: f.prio.Chosen + 1, Phase: f.phase.Chosen,
		Assignee: f.assignee(), Due: f.due.Value()}
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
	if p := f.prio.Chosen + 1; p != o.Priority {
		c.Priority = &p
	}
	if p := f.phase.Chosen; p != o.Phase {
		c.Phase = &p
	}
	if v := strings.TrimSpace(f.due.Value()); v != f.origDue {
		c.Due = &v
	}
	return c
}

// key handles a key press; a priority or a phase also takes its digit.
func (f *taskForm) key(msg tea.KeyPressMsg) (kit.FormAction, tea.Cmd) {
	if f.Confirm == kit.ConfirmNone && !f.Saving && msg.Text >= "1" && msg.Text <= "4" {
		n := int(msg.Text[0] - '0')
		switch f.Focused() {
		case f.prio:
			if n <= crisis.TaskPriorityLow {
				f.prio.Chosen = n - 1
			}
			return kit.FormNone, nil
		case f.phase:
			f.phase.Chosen = n
			return kit.FormNone, nil
		}
	}
	if f.who != nil && f.Focused() == f.who && msg.Code == tea.KeyEnter && f.who.NoMatch() {
		return kit.FormNone, nil // nothing shown to choose
	}
	return f.Key(msg)
}

func (f *taskForm) update(msg tea.Msg) tea.Cmd { return f.Update(msg) }

func (f *taskForm) view() string { return f.View() }

func (f *taskForm) help() kit.HelpKeys { return f.Help() }

func (f *taskForm) startSaving() { f.StartSaving() }
