// Package tasks is the console's Tasks tab: the task board, a task in
// full, and the forms and pickers that change tasks.
package tasks

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// taskView is how the board groups what it shows, cycled with v.
type taskView int

const (
	viewAll taskView = iota
	viewMine
	viewByAssignee
	viewByStatus
	viewCount
)

// tasksTab is tab 2: the task board.
type tasksTab struct {
	s    *kit.Session
	tx   *Text
	keys *taskKeys
	st   *taskStyles

	width, height int

	tasks     []crisis.Task // in the service's order: open first, priority, due
	assignees []string
	loaded    bool
	loadErr   error
	load      kit.Loader[tasksLoadedMsg]

	view     taskView
	cursorID uint64 // the selected task, kept across reloads
	top      int    // first line of the list shown

	openID uint64 // the task shown in full, 0 for the list

	form   *taskForm
	picker *taskPicker
	prompt *taskPrompt
}

// New is the Tasks tab of a session.
func New(s *kit.Session) kit.Tab { return newTasksTab(s) }

func newTasksTab(s *kit.Session) *tasksTab {
	tx := kit.ForLang(s, "tasks.text", func() *Text { return textFor(s.Lang) })
	return &tasksTab{s: s, tx: tx, keys: kit.ForLang(s, "tasks.keys", func() *taskKeys { k := newTaskKeys(*tx); return &k }), st: kit.ForTheme(s, "tasks.styles", newTaskStyles)}
}

func (b *tasksTab) SetSize(width, height int) {
	b.width, b.height = width, height
	if b.form != nil {
		b.form.setSize(width, height)
	}
	if b.prompt != nil {
		b.prompt.setWidth(width)
	}
	if b.picker != nil {
		b.picker.setSize(width, height)
	}
}

// Title is the tab's name.
func (b *tasksTab) Title() string { return b.tx.Tab }

func (b *tasksTab) Capturing() bool { return b.form != nil || b.picker != nil || b.prompt != nil }

// Reload reads the tasks and who may be given one.
func (b *tasksTab) Reload() tea.Cmd {
	svc := b.s.Svc
	return b.load.Load(func() tasksLoadedMsg {
		ts, err := svc.Tasks()
		if err != nil {
			return tasksLoadedMsg{err: err}
		}
		names, err := svc.Assignees()
		return tasksLoadedMsg{tasks: ts, assignees: names, err: err}
	})
}

func (b *tasksTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case kit.Loaded[tasksLoadedMsg]:
		if !b.load.Fresh(msg) {
			return nil
		}
		b.applyLoaded(msg.Value)
		return nil
	case taskSavedMsg:
		return b.saved(msg)
	case taskOpenedMsg:
		if msg.err != nil {
			b.s.Notify(b.s.Action(), b.s.Text.ErrText(msg.err), true, 0)
		}
		return nil
	case tea.KeyPressMsg:
		return b.key(msg)
	}
	switch {
	case b.form != nil:
		return b.form.update(msg)
	case b.picker != nil:
		return b.picker.Update(msg) // a paste into the search
	case b.prompt != nil:
		return b.prompt.update(msg)
	}
	return nil
}

// saved shows the outcome of a change; a refused form stays open with the
// reason, so nothing typed is lost.
func (b *tasksTab) saved(msg taskSavedMsg) tea.Cmd {
	if msg.err != nil {
		if b.form != nil && b.form.Saving {
			b.form.Fail(msg.err)
			return nil
		}
		if b.prompt != nil && b.prompt.Saving {
			// A refused value keeps the prompt open, with the text and
			// the reason.
			b.prompt.Fail(msg.err)
			return nil
		}
		b.s.Notify(msg.action, b.s.Text.ErrText(msg.err), true, 0)
		return nil
	}
	if b.form != nil && b.form.Saving {
		b.form = nil
	}
	if b.prompt != nil && b.prompt.Saving {
		b.prompt = nil
	}
	b.cursorID = msg.task.ID
	b.s.Notify(msg.action, msg.note, false, msg.upTo)
	return b.Reload()
}

// shown is the tasks the current view lists, in the order it lists them,
// with the heading each one starts (empty when it continues a group).
func (b *tasksTab) shown() (ts []crisis.Task, headings []string) {
	me := b.s.Me.Name
	switch b.view {
	case viewMine:
		for _, t := range b.tasks {
			if t.Assignee == me {
				ts = append(ts, t)
			}
		}
		return ts, make([]string, len(ts))
	case viewByAssignee:
		// Groups by name, nobody's last; the service's order inside each.
		names := map[string]bool{}
		var order []string
		for _, t := range b.tasks {
			if t.Assignee != "" && !names[t.Assignee] {
				names[t.Assignee] = true
				order = append(order, t.Assignee)
			}
		}
		slices.Sort(order)
		order = append(order, "")
		return grouped(b.tasks, order, func(t crisis.Task) string { return t.Assignee }, func(name string) string {
			if name == "" {
				return b.tx.Nobody
			}
			return crisis.SanitizeLine(name)
		})
	case viewByStatus:
		return grouped(b.tasks, crisis.TaskStatuses, func(t crisis.Task) crisis.TaskStatus { return t.Status }, b.tx.status)
	}
	return b.tasks, make([]string, len(b.tasks))
}

// grouped lists the tasks group by group, in the order of keys and the
// service's order inside each; a group's first task carries its heading.
func grouped[K comparable](tasks []crisis.Task, keys []K, keyOf func(crisis.Task) K, heading func(K) string) (ts []crisis.Task, headings []string) {
	for _, k := range keys {
		first := true
		for _, t := range tasks {
			if keyOf(t) != k {
				continue
			}
			h := ""
			if first {
				h = heading(k)
			}
			ts, headings, first = append(ts, t), append(headings, h), false
		}
	}
	return ts, headings
}

// cursor is the index of the selected task in ts (the first when the
// selected one is not listed).
func (b *tasksTab) cursor(ts []crisis.Task) int {
	for i, t := range ts {
		if t.ID == b.cursorID {
			return i
		}
	}
	return 0
}

// openTask is the task shown in full, if one is open.
func (b *tasksTab) openTask() (crisis.Task, bool) {
	if b.openID != 0 {
		for _, t := range b.tasks {
			if t.ID == b.openID {
				return t, true
			}
		}
	}
	return crisis.Task{}, false
}

// selected is the task keys act on: the open one, or the one under the
// cursor.
func (b *tasksTab) selected() (crisis.Task, bool) {
	if b.openID != 0 {
		return b.openTask()
	}
	ts, _ := b.shown()
	if len(ts) == 0 {
		return crisis.Task{}, false
	}
	return ts[b.cursor(ts)], true
}

func (b *tasksTab) move(delta int) {
	ts, _ := b.shown()
	if len(ts) == 0 {
		return
	}
	i := min(max(b.cursor(ts)+delta, 0), len(ts)-1)
	b.cursorID = ts[i].ID
}

func (b *tasksTab) key(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case b.form != nil:
		return b.formKey(msg)
	case b.picker != nil:
		return b.pickerKey(msg)
	case b.prompt != nil:
		return b.promptKey(msg)
	}
	k, tk := b.s.Keys, b.keys
	writer := b.s.Allowed(crisis.ActWriteTask)
	switch {
	case key.Matches(msg, k.Up) && b.openID == 0:
		b.move(-1)
	case key.Matches(msg, k.Down) && b.openID == 0:
		b.move(1)
	case key.Matches(msg, k.PageUp) && b.openID == 0:
		b.move(-max(b.height-2, 1))
	case key.Matches(msg, k.PageDown) && b.openID == 0:
		b.move(max(b.height-2, 1))
	case key.Matches(msg, k.Home) && b.openID == 0:
		b.move(-len(b.tasks))
	case key.Matches(msg, k.End) && b.openID == 0:
		b.move(len(b.tasks))
	case key.Matches(msg, tk.Back):
		b.openID = 0
	case key.Matches(msg, tk.Open):
		return b.open()
	case key.Matches(msg, tk.View) && b.openID == 0:
		b.view = (b.view + 1) % viewCount
		b.top = 0
	case key.Matches(msg, tk.ViewBack) && b.openID == 0:
		b.view = (b.view + viewCount - 1) % viewCount
		b.top = 0
	case key.Matches(msg, tk.New):
		if !writer {
			return kit.Refuse(b.s, crisis.ActWriteTask)
		}
		b.form = newTaskForm(b.s, b.tx, nil, b.assigneeChoices(), b.width, b.height)
		return b.form.focusCmd()
	case key.Matches(msg, tk.Edit), key.Matches(msg, tk.Assign), key.Matches(msg, tk.Take),
		key.Matches(msg, tk.Status), key.Matches(msg, tk.Due):
		if !writer {
			return kit.Refuse(b.s, crisis.ActWriteTask)
		}
		t, ok := b.selected()
		if !ok {
			return nil
		}
		return b.act(msg, t)
	}
	return nil
}

// act starts the change a key asks for on task t.
func (b *tasksTab) act(msg tea.KeyPressMsg, t crisis.Task) tea.Cmd {
	tk := b.keys
	switch {
	case key.Matches(msg, tk.Edit):
		b.form = newTaskForm(b.s, b.tx, &t, nil, b.width, b.height)
		return b.form.focusCmd()
	case key.Matches(msg, tk.Assign):
		if !b.s.Allowed(crisis.ActAssignTask) {
			return kit.Refuse(b.s, crisis.ActAssignTask)
		}
		b.picker = newAssigneePicker(b.s, b.tx, t, b.assignees, b.width, b.height)
		return b.picker.FocusCmd()
	case key.Matches(msg, tk.Take):
		if t.Assignee == b.s.Me.Name {
			b.s.Notify(b.s.Action(), fmt.Sprintf(b.tx.TakenAlready, t.ID), false, 0)
			return nil
		}
		return b.assign(t.ID, b.s.Me.Name)
	case key.Matches(msg, tk.Status):
		b.picker = newStatusPicker(b.s, b.tx, t, b.width, b.height)
	case key.Matches(msg, tk.Due):
		b.prompt = newTaskPrompt(b.s, b.tx, promptDue, t, b.width)
		return b.prompt.focus()
	}
	return nil
}

// assigneeChoices are the names the new-task form offers: everyone a lead
// may give a task to; for a responder, only themselves.
func (b *tasksTab) assigneeChoices() []string {
	if b.s.Allowed(crisis.ActAssignTask) {
		return b.assignees
	}
	if b.s.Allowed(crisis.ActWriteTask) {
		return []string{b.s.Me.Name}
	}
	return nil
}

// open shows the selected task in full; for its assignee that is what
// clears the header's flag.
func (b *tasksTab) open() tea.Cmd {
	t, ok := b.selected()
	if !ok {
		return nil
	}
	b.openID = t.ID
	if !t.NewFor(b.s.Me.Name) {
		return nil
	}
	svc, me, id := b.s.Svc, b.s.Me, t.ID
	return func() tea.Msg {
		t, err := svc.OpenTask(me, id)
		return taskOpenedMsg{task: t, err: err}
	}
}

func (b *tasksTab) assign(id uint64, name string) tea.Cmd {
	svc, me, action, tx := b.s.Svc, b.s.Me, b.s.Action(), b.tx
	return func() tea.Msg {
		t, err := svc.AssignTask(me, id, name)
		note := fmt.Sprintf(tx.Assigned, id, name)
		if name == "" {
			note = fmt.Sprintf(tx.Unassigned, id)
		}
		return savedMsg(svc, action, t, note, err)
	}
}

func (b *tasksTab) setStatus(id uint64, st crisis.TaskStatus, reason string) tea.Cmd {
	svc, me, action, tx := b.s.Svc, b.s.Me, b.s.Action(), b.tx
	return func() tea.Msg {
		t, err := svc.SetTaskStatus(me, id, st, reason)
		return savedMsg(svc, action, t, fmt.Sprintf(tx.StatusSet, id, tx.status(st)), err)
	}
}

func (b *tasksTab) pickerKey(msg tea.KeyPressMsg) tea.Cmd {
	p := b.picker
	if !p.list.Search && key.Matches(msg, b.s.Keys.Close) {
		b.picker = nil // esc, or q where q is no search letter
		return nil
	}
	act, cmd := p.Key(msg)
	switch act {
	case kit.FormCancel:
		b.picker = nil
	case kit.FormQuit:
		return tea.Quit
	case kit.FormSave:
		if p.list.NoMatch() {
			return nil // nothing shown to choose
		}
		b.picker = nil
		if p.isCurrent() {
			return nil
		}
		if p.kind == pickAssignee {
			return b.assign(p.task.ID, p.names[p.chosen()])
		}
		st := crisis.TaskStatuses[p.chosen()]
		if st == crisis.TaskBlocked {
			// Blocked needs a reason: ask for it before saving anything.
			b.prompt = newTaskPrompt(b.s, b.tx, promptReason, p.task, b.width)
			return b.prompt.focus()
		}
		return b.setStatus(p.task.ID, st, "")
	}
	return cmd
}

func (b *tasksTab) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	p := b.prompt
	act, cmd := p.Key(msg)
	switch act {
	case kit.FormCancel:
		b.prompt = nil
	case kit.FormQuit:
		return tea.Quit
	case kit.FormSave:
		value := p.value()
		if p.kind == promptReason {
			p.StartSaving()
			return b.setStatus(p.task.ID, crisis.TaskBlocked, value)
		}
		if p.unchanged() {
			// The time already shown: nothing to write, nothing to log.
			b.prompt = nil
			b.s.Notify(b.s.Action(), fmt.Sprintf(b.tx.Unchanged, p.task.ID), false, 0)
			return nil
		}
		p.StartSaving()
		svc, me, action, tx, id := b.s.Svc, b.s.Me, b.s.Action(), b.tx, p.task.ID
		return func() tea.Msg {
			t, err := svc.UpdateTask(me, id, crisis.TaskChange{Due: &value})
			return savedMsg(svc, action, t, fmt.Sprintf(tx.Saved, id), err)
		}
	}
	return cmd
}

func (b *tasksTab) formKey(msg tea.KeyPressMsg) tea.Cmd {
	act, cmd := b.form.key(msg)
	switch act {
	case kit.FormSave:
		return b.saveForm()
	case kit.FormCancel:
		b.form = nil
	case kit.FormQuit:
		return tea.Quit
	}
	return cmd
}

// saveForm sends the form: a new task, or the fields an edit changed.
func (b *tasksTab) saveForm() tea.Cmd {
	f := b.form
	svc, me, action, tx := b.s.Svc, b.s.Me, b.s.Action(), b.tx
	if f.orig == nil {
		if f.who != nil && f.who.NoMatch() {
			f.FailText(tx.NoAssignee) // the search hides every name
			return nil
		}
		d := f.draft()
		f.startSaving()
		return func() tea.Msg {
			t, err := svc.AddTask(me, d)
			return savedMsg(svc, action, t, fmt.Sprintf(tx.Added, t.ID), err)
		}
	}
	c, id := f.change(), f.orig.ID
	if c.Empty() {
		b.form = nil // nothing changed: nothing to log
		b.s.Notify(action, fmt.Sprintf(tx.Unchanged, id), false, 0)
		return nil
	}
	f.startSaving()
	return func() tea.Msg {
		t, err := svc.UpdateTask(me, id, c)
		return savedMsg(svc, action, t, fmt.Sprintf(tx.Saved, id), err)
	}
}

// Help lists the keys that work now.
func (b *tasksTab) Help() kit.HelpKeys {
	k, tk := b.s.Keys, b.keys
	switch {
	case b.form != nil:
		return b.form.help()
	case b.picker != nil && b.picker.list.Search:
		return kit.OneGroup(k.PickUp, tk.Choose, k.Cancel, k.Search)
	case b.picker != nil:
		return kit.OneGroup(k.PickUp, tk.Choose, k.Close)
	case b.prompt != nil && b.prompt.Confirm != kit.ConfirmNone:
		return k.ConfirmHelp()
	case b.prompt != nil:
		return kit.OneGroup(k.Apply, k.Cancel)
	}
	var write []key.Binding
	if b.s.Allowed(crisis.ActWriteTask) {
		if b.openID == 0 {
			write = append(write, tk.New)
		}
		if b.s.Allowed(crisis.ActAssignTask) {
			write = append(write, tk.Assign)
		}
		write = append(write, tk.Take, tk.Status, tk.Due, tk.Edit)
	}
	if b.openID != 0 {
		all := append([]key.Binding{tk.Back}, write...)
		// Edit is the last of them, and the one cut at 80 columns.
		short := all
		if len(all) > 4 {
			short = all[:len(all)-1]
		}
		return kit.HelpKeys{Short: short, Full: [][]key.Binding{all}}
	}
	// At 80 columns the one-line footer keeps the writing keys and the
	// view; the arrows, edit and due are behind ?.
	var short []key.Binding
	if len(write) == 0 {
		short = append(short, k.Move, tk.Open)
	}
	for _, w := range write {
		if w.Help().Key != tk.Due.Help().Key && w.Help().Key != tk.Edit.Help().Key {
			short = append(short, w)
		}
	}
	short = append(short, tk.View)
	return kit.HelpKeys{
		Short: short,
		Full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, tk.Open, tk.Back},
			write,
			{tk.View, tk.ViewBack},
		},
	}
}

// applyLoaded shows a fresh read of what the tab shows.
func (b *tasksTab) applyLoaded(msg tasksLoadedMsg) {
	b.loadErr = msg.err
	if msg.err == nil {
		b.tasks, b.assignees, b.loaded = msg.tasks, msg.assignees, true
	}
}
