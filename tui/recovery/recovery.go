// Package recovery is the console's Recovery tab: the four phases of the
// recovery plan, their items and progress, and the forms that change them.
package recovery

import (
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// Column widths of an item's line; the owner and the note share the rest.
const (
	rcName  = 26
	rcState = 19 // the longest state, with room to spare
	rcCount = 9  // "1400/1400"
	rcBar   = 12
)

// recoveryConfirm is a yes/no question before an action that a stray key
// must not take: validating a phase, removing an item.
type recoveryConfirm struct {
	question string
	do       tea.Cmd
}

// recoveryCheckedMsg is the service's answer to "would this change be
// refused?": nil opens the question, else the refusal is shown instead.
type recoveryCheckedMsg struct {
	action  int
	err     error
	confirm *recoveryConfirm
}

// recoveryDoneMsg is the outcome of a change made from the tab.
type recoveryDoneMsg struct {
	action int
	text   string
	upTo   uint64
	err    error
}

// recoveryLoadedMsg carries the plan.
type recoveryLoadedMsg struct {
	plan crisis.RecoveryPlan
	err  error
}

// recoveryTab is tab 3: the four phases, their items and progress.
type recoveryTab struct {
	s             *kit.Session
	tx            *Text // the tab's own strings
	st            *kit.RecoveryStyles
	keys          *recoveryKeys
	width, height int

	plan    crisis.RecoveryPlan
	loaded  bool
	loadErr error
	load    kit.Loader[recoveryLoadedMsg]

	// cursor is the selected item, by id so that it stays on the same
	// item whatever a reload brings; top is the first line shown.
	cursor string
	top    int

	form    *recoveryForm
	confirm *recoveryConfirm
}

// New is the Recovery tab of a session.
func New(s *kit.Session) kit.Tab { return newRecoveryTab(s) }

func newRecoveryTab(s *kit.Session) *recoveryTab {
	tx := kit.ForLang(s, "recovery.text", func() *Text { return textFor(s.Lang) })
	return &recoveryTab{s: s, tx: tx, st: kit.ForTheme(s, "kit.recovery", kit.NewRecoveryStyles), keys: kit.ForLang(s, "recovery.keys", func() *recoveryKeys { k := newRecoveryKeys(tx, s.Text.Help); return &k })}
}

func (r *recoveryTab) SetSize(width, height int) {
	r.width, r.height = width, height
	if r.form != nil {
		r.form.SetSize(width, height)
	}
}

// Title is the tab's name.
func (r *recoveryTab) Title() string { return r.tx.Tab }

func (r *recoveryTab) Capturing() bool { return r.form != nil || r.confirm != nil }

func (r *recoveryTab) Reload() tea.Cmd {
	svc := r.s.Svc
	return r.load.Load(func() recoveryLoadedMsg {
		p, err := svc.Recovery()
		return recoveryLoadedMsg{plan: p, err: err}
	})
}

func (r *recoveryTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case kit.Loaded[recoveryLoadedMsg]:
		if !r.load.Fresh(msg) {
			return nil
		}
		r.applyLoaded(msg.Value)
		return nil
	case recoveryDoneMsg:
		return r.done(msg)
	case recoveryCheckedMsg:
		if msg.err != nil {
			r.s.Notify(msg.action, r.s.Text.ErrText(msg.err), true, 0)
			return nil
		}
		if r.form == nil && r.confirm == nil {
			r.confirm = msg.confirm // unless a form opened while it checked
		}
		return nil
	case tea.KeyPressMsg:
		return r.key(msg)
	}
	if r.form != nil {
		return r.form.update(msg) // a paste into the focused field
	}
	return nil
}

// items lists the items in the order shown.
func (r *recoveryTab) items() []crisis.RecoveryItem {
	var out []crisis.RecoveryItem
	for _, ph := range r.plan.Phases {
		out = append(out, ph.Items...)
	}
	return out
}

// selected is the item under the cursor, and its index.
func (r *recoveryTab) selected() (crisis.RecoveryItem, int, bool) {
	for i, it := range r.items() {
		if it.ID == r.cursor {
			return it, i, true
		}
	}
	return crisis.RecoveryItem{}, -1, false
}

// keepCursor puts the cursor on the first item when its item is gone.
func (r *recoveryTab) keepCursor() {
	if _, _, ok := r.selected(); ok {
		return
	}
	if items := r.items(); len(items) > 0 {
		r.cursor = items[0].ID
	} else {
		r.cursor = ""
	}
}

func (r *recoveryTab) move(delta int) {
	items := r.items()
	_, i, ok := r.selected()
	if !ok || len(items) == 0 {
		return
	}
	i = min(max(i+delta, 0), len(items)-1)
	r.cursor = items[i].ID
}

func (r *recoveryTab) phase(n int) crisis.PhaseView {
	for _, ph := range r.plan.Phases {
		if ph.Number == n {
			return ph
		}
	}
	return crisis.PhaseView{}
}

func (r *recoveryTab) key(msg tea.KeyPressMsg) tea.Cmd {
	k, rk := r.s.Keys, r.keys
	if r.confirm != nil {
		c := r.confirm
		r.confirm = nil
		switch {
		case key.Matches(msg, k.ForceQuit):
			return tea.Quit
		case key.Matches(msg, k.Yes):
			return c.do
		}
		return nil // any other key: no
	}
	if r.form != nil {
		act, cmd := r.form.key(msg)
		switch act {
		case kit.FormCancel:
			r.form = nil
		case kit.FormQuit:
			r.form = nil
			return tea.Quit
		}
		return cmd
	}
	it, _, ok := r.selected()
	switch {
	case key.Matches(msg, k.Up):
		r.move(-1)
	case key.Matches(msg, k.Down):
		r.move(1)
	case key.Matches(msg, rk.First):
		r.move(-len(r.items()))
	case key.Matches(msg, rk.Last):
		r.move(len(r.items()))
	case key.Matches(msg, rk.Update) && ok:
		return r.openUpdate(it)
	case key.Matches(msg, rk.Validate) && ok:
		return r.askValidate(it.Phase)
	case key.Matches(msg, rk.Override) && ok:
		return r.openOverride(it)
	case key.Matches(msg, rk.Add):
		n := 1
		if ok {
			n = it.Phase
		}
		return r.openAdd(n)
	case key.Matches(msg, rk.Rename) && ok:
		return r.openRename(it)
	case key.Matches(msg, rk.Move) && ok:
		return r.openMove(it)
	case key.Matches(msg, rk.Remove) && ok:
		return r.askRemove(it)
	}
	return nil
}

// allowed says whether my role may take act; when not, the command shows
// the service's refusal on the status line instead of a form.
func (r *recoveryTab) allowed(act crisis.Action) (bool, tea.Cmd) {
	if r.s.Allowed(act) {
		return true, nil
	}
	return false, kit.Refuse(r.s, act)
}

// run performs a change in a command and reports it; ok builds the status
// line's text from the result.
func (r *recoveryTab) run(call func() (string, uint64, error)) tea.Cmd {
	action, svc := r.s.Action(), r.s.Svc
	return func() tea.Msg {
		text, entry, err := call()
		if err == nil && entry == 0 {
			// A plan edit logs no entry: the note lasts until the next one.
			if st, serr := svc.Status(); serr == nil {
				entry = st.Entries
			}
		}
		return recoveryDoneMsg{action: action, text: text, upTo: entry, err: err}
	}
}

func (r *recoveryTab) done(msg recoveryDoneMsg) tea.Cmd {
	if msg.err != nil {
		if r.form != nil && r.form.Saving {
			r.form.Fail(msg.err)
			return nil
		}
		r.s.Notify(msg.action, r.s.Text.ErrText(msg.err), true, msg.upTo)
		return nil
	}
	if r.form != nil && r.form.Saving {
		// Only the form that was saving closes: the answer to an earlier
		// question (validate, remove) must not drop a form opened since.
		r.form = nil
	}
	r.s.Notify(msg.action, msg.text, false, msg.upTo)
	return r.Reload()
}

func (r *recoveryTab) openForm(f *recoveryForm) tea.Cmd {
	r.form = f
	f.SetSize(r.width, r.height)
	return f.focusCmd()
}

func (r *recoveryTab) openUpdate(it crisis.RecoveryItem) tea.Cmd {
	if ok, cmd := r.allowed(crisis.ActUpdateRecovery); !ok {
		return cmd
	}
	t := r.tx
	f := newRecoveryForm(r.s, r.tx, fmt.Sprintf(t.UpdateTitle, crisis.SanitizeLine(it.Name)), r.width)
	words := make([]string, len(crisis.ItemStates))
	current := 0
	for i, st := range crisis.ItemStates {
		words[i] = t.state(st)
		if st == it.State {
			current = i
		}
	}
	state := f.choice(t.StateField, words, current)
	var count *kit.Field
	if it.IsGroup() {
		count = f.text(t.CountField, strconv.Itoa(it.Count), fmt.Sprintf(t.CountHint, it.Total), 7, 8)
	}
	owner := f.text(t.OwnerField, it.Owner, "", crisis.MaxItemOwner, crisis.MaxItemOwner+1)
	note := f.text(t.NoteField, it.Note, "", crisis.MaxItemNote, 60)
	id, me, svc := it.ID, r.s.Me, r.s.Svc
	f.submit = func(f *recoveryForm) (tea.Cmd, *kit.Field, string) {
		ch := crisis.ItemChange{State: crisis.ItemStates[state.Chosen]}
		if count != nil {
			n, err := strconv.Atoi(value(count))
			if err != nil {
				return nil, count, fmt.Sprintf(t.NotANumber, t.CountField)
			}
			ch.Count = &n
		}
		o, n := owner.Value(), note.Value()
		ch.Owner, ch.Note = &o, &n
		return r.run(func() (string, uint64, error) {
			it, e, err := svc.SetRecoveryItem(me, id, ch)
			return fmt.Sprintf(t.SetDone, it.Name, t.state(it.State), e.ID), e.ID, err
		}), nil, ""
	}
	return r.openForm(f)
}

func (r *recoveryTab) openOverride(it crisis.RecoveryItem) tea.Cmd {
	if ok, cmd := r.allowed(crisis.ActOverrideRecovery); !ok {
		return cmd
	}
	t := r.tx
	f := newRecoveryForm(r.s, r.tx, fmt.Sprintf(t.OverrideTitle, crisis.SanitizeLine(it.Name), it.Phase), r.width)
	f.hint = fmt.Sprintf(t.OverrideHint, max(it.Phase-1, 1))
	reason := f.text(t.ReasonField, "", "", crisis.MaxGateNote, 60)
	id, name, me, svc := it.ID, it.Name, r.s.Me, r.s.Svc
	f.submit = func(f *recoveryForm) (tea.Cmd, *kit.Field, string) {
		why := reason.Value()
		return r.run(func() (string, uint64, error) {
			e, err := svc.OverrideGate(me, id, why)
			return fmt.Sprintf(t.OverrideDone, name, e.ID), e.ID, err
		}), nil, ""
	}
	return r.openForm(f)
}

// phaseChoices are the four phases as a choice field offers them.
func (r *recoveryTab) phaseChoices() []string {
	out := make([]string, crisis.PhaseCount)
	for i := range out {
		out[i] = strconv.Itoa(i + 1)
	}
	return out
}

func (r *recoveryTab) openAdd(phase int) tea.Cmd {
	if ok, cmd := r.allowed(crisis.ActEditRecoveryPlan); !ok {
		return cmd
	}
	t := r.tx
	f := newRecoveryForm(r.s, r.tx, t.AddTitle, r.width)
	name := f.text(t.NameField, "", "", crisis.MaxItemName, crisis.MaxItemName+1)
	ph := f.choice(t.PhaseField, r.phaseChoices(), phase-1)
	total := f.text(t.TotalField, "", t.TotalHint, 6, 7)
	me, svc := r.s.Me, r.s.Svc
	f.submit = func(f *recoveryForm) (tea.Cmd, *kit.Field, string) {
		n := 0
		if v := value(total); v != "" {
			var err error
			if n, err = strconv.Atoi(v); err != nil {
				return nil, total, fmt.Sprintf(t.NotANumber, t.TotalField)
			}
		}
		nm, number := name.Value(), ph.Chosen+1
		return r.run(func() (string, uint64, error) {
			it, err := svc.AddRecoveryItem(me, number, nm, n, "")
			return fmt.Sprintf(t.AddDone, it.Name, number), 0, err
		}), nil, ""
	}
	return r.openForm(f)
}

func (r *recoveryTab) openRename(it crisis.RecoveryItem) tea.Cmd {
	if ok, cmd := r.allowed(crisis.ActEditRecoveryPlan); !ok {
		return cmd
	}
	t := r.tx
	f := newRecoveryForm(r.s, r.tx, fmt.Sprintf(t.RenameTitle, crisis.SanitizeLine(it.Name)), r.width)
	name := f.text(t.NameField, it.Name, "", crisis.MaxItemName, crisis.MaxItemName+1)
	id, me, svc := it.ID, r.s.Me, r.s.Svc
	f.submit = func(f *recoveryForm) (tea.Cmd, *kit.Field, string) {
		nm := name.Value()
		return r.run(func() (string, uint64, error) {
			it, err := svc.RenameRecoveryItem(me, id, nm)
			return fmt.Sprintf(t.RenameDone, it.Name), 0, err
		}), nil, ""
	}
	return r.openForm(f)
}

func (r *recoveryTab) openMove(it crisis.RecoveryItem) tea.Cmd {
	if ok, cmd := r.allowed(crisis.ActEditRecoveryPlan); !ok {
		return cmd
	}
	t := r.tx
	f := newRecoveryForm(r.s, r.tx, fmt.Sprintf(t.MoveTitle, crisis.SanitizeLine(it.Name)), r.width)
	ph := f.choice(t.PhaseField, r.phaseChoices(), it.Phase-1)
	id, name, me, svc := it.ID, it.Name, r.s.Me, r.s.Svc
	f.submit = func(f *recoveryForm) (tea.Cmd, *kit.Field, string) {
		number := ph.Chosen + 1
		return r.run(func() (string, uint64, error) {
			_, err := svc.MoveRecoveryItem(me, id, number)
			return fmt.Sprintf(t.MoveDone, name, number), 0, err
		}), nil, ""
	}
	return r.openForm(f)
}

// askValidate asks to validate phase n, once the service says it would:
// a question is asked only about a change that can succeed.
func (r *recoveryTab) askValidate(n int) tea.Cmd {
	if ok, cmd := r.allowed(crisis.ActValidateRecovery); !ok {
		return cmd
	}
	t := r.tx
	me, svc := r.s.Me, r.s.Svc
	return r.ask(func() error { return svc.CanValidatePhase(me, n) }, &recoveryConfirm{
		question: fmt.Sprintf(t.ConfirmValidate, n, t.phaseName(r.phase(n))),
		do: r.run(func() (string, uint64, error) {
			e, err := svc.ValidatePhase(me, n)
			return fmt.Sprintf(t.ValidatedDone, n, e.ID), e.ID, err
		}),
	})
}

// askRemove asks to remove an item, once the service says it would.
func (r *recoveryTab) askRemove(it crisis.RecoveryItem) tea.Cmd {
	if ok, cmd := r.allowed(crisis.ActEditRecoveryPlan); !ok {
		return cmd
	}
	t := r.tx
	id, name, me, svc := it.ID, it.Name, r.s.Me, r.s.Svc
	return r.ask(func() error { return svc.CanRemoveRecoveryItem(me, id) }, &recoveryConfirm{
		question: fmt.Sprintf(t.ConfirmRemove, crisis.SanitizeLine(name)),
		do: r.run(func() (string, uint64, error) {
			_, err := svc.RemoveRecoveryItem(me, id)
			return fmt.Sprintf(t.RemoveDone, name), 0, err
		}),
	})
}

// ask checks in a command (a read of the record) and then opens q, or
// shows why the change would be refused.
func (r *recoveryTab) ask(check func() error, q *recoveryConfirm) tea.Cmd {
	action := r.s.Action()
	return func() tea.Msg { return recoveryCheckedMsg{action: action, err: check(), confirm: q} }
}

// Help lists the keys that work now: the form's, the question's, or the
// list's (changes only for the roles that may make them).
func (r *recoveryTab) Help() kit.HelpKeys {
	k, rk := r.s.Keys, r.keys
	if r.confirm != nil {
		return k.ConfirmHelp()
	}
	if r.form != nil && r.form.Confirm != kit.ConfirmNone {
		return k.ConfirmHelp()
	}
	if r.form != nil {
		keys := []key.Binding{rk.Save, k.Cancel, k.NextField}
		if r.form.Focused().Kind == kit.FieldChoice {
			keys = append(keys, rk.Choose)
		}
		return kit.OneGroup(keys...)
	}
	role := r.s // its Allowed: my role, and the record not closed
	short := []key.Binding{k.Move}
	var change, plan []key.Binding
	if role.Allowed(crisis.ActUpdateRecovery) {
		change = append(change, rk.Update)
	}
	if role.Allowed(crisis.ActValidateRecovery) {
		change = append(change, rk.Validate)
	}
	if role.Allowed(crisis.ActOverrideRecovery) {
		change = append(change, rk.Override)
	}
	if role.Allowed(crisis.ActEditRecoveryPlan) {
		plan = []key.Binding{rk.Add, rk.Rename, rk.Move, rk.Remove}
	}
	short = append(short, change...)
	return kit.HelpKeys{
		Short: short,
		Full:  [][]key.Binding{{k.Up, k.Down, rk.First, rk.Last}, change, plan},
	}
}

// applyLoaded shows a fresh read of what the tab shows.
func (r *recoveryTab) applyLoaded(msg recoveryLoadedMsg) {
	r.loadErr = msg.err
	if msg.err == nil {
		r.plan, r.loaded = msg.plan, true
		r.keepCursor()
	}
}

// Unsaved: a recovery form with a text field changed from what it opened
// with (a note, an owner, a name, a reason, a count).
func (r *recoveryTab) Unsaved() bool { return r.form != nil && r.form.IsDirty() }
