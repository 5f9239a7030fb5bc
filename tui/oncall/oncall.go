// Package oncall is the console's On-call tab: the checklists being run,
// the on-call directory and the shift handovers.
package oncall

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// onCallSection is what the On-call tab shows: the checklists being run,
// the directory, or the shift handovers.
type onCallSection int

const (
	secChecklists onCallSection = iota
	secDirectory
	secHandover
)

// onCall is tab 4: what the on-call engineer needs at 3 a.m. — the
// checklist to follow, the numbers to call, and the handover to the next
// shift.
type onCall struct {
	s             *kit.Session
	k             *onCallKeys
	t             *Text
	width, height int
	section       onCallSection

	overview  crisis.ChecklistOverview
	contacts  []crisis.Contact
	handovers []crisis.Handover
	loaded    bool
	loadErr   error
	load      kit.Loader[onCallLoadedMsg]

	// The selected run (by id, so a reload keeps it) and step.
	runID uint64
	step  int
	// stepOf is the run the step cursor belongs to: a run shown for the
	// first time puts the cursor on its next step.
	stepOf  uint64
	stepTop int // first line of the steps list shown

	search    kit.Input
	searching bool
	contact   int // selected among the matching contacts

	handover int // selected handover

	picker  *templatePicker
	prompt  *onCallPrompt
	form    *handoverForm
	confirm uint64 // a handover whose acknowledgement awaits y/n
	// duty is the contact whose on-duty mark awaits y/n: a mark decides
	// whom the cell calls at night, so it is asked for, never a stray key.
	duty *crisis.Contact

	// rolePick chooses the role of an invite; card shows the invite made.
	rolePick *rolePicker
	card     *inviteCard
}

// onCallLoadedMsg carries what the tab shows.
type onCallLoadedMsg struct {
	overview  crisis.ChecklistOverview
	contacts  []crisis.Contact
	handovers []crisis.Handover
	err       error
}

// onCallDoneMsg is the outcome of a write from the tab: the note for the
// status line, and the run to select afterwards (0 for none).
type onCallDoneMsg struct {
	action int
	note   string
	entry  uint64
	run    *crisis.ChecklistRun
	err    error
	// fromForm: a refusal goes back to the handover form, which stays open.
	fromForm bool
	// card is the invite made, shown until a key is pressed.
	card *inviteCard
}

// New is the On-call tab of a session.
func New(s *kit.Session) kit.Tab { return newOnCall(s) }

func newOnCall(s *kit.Session) *onCall {
	t := kit.ForLang(s, "oncall.text", func() *Text { return textFor(s.Lang) })
	in := textinput.New()
	in.Prompt = t.SearchPrompt
	in.Placeholder = t.SearchHint
	in.CharLimit = 100
	in.KeyMap.Paste.SetEnabled(false) // it would read the server's clipboard
	in.SetStyles(s.St.Input)          // the palette's, and a cursor that does not blink
	return &onCall{s: s, k: kit.ForLang(s, "oncall.keys", func() *onCallKeys { return newOnCallKeys(t.Help) }), t: t, search: s.Bound(in)}
}

func (o *onCall) SetSize(width, height int) {
	o.width, o.height = width, height
	o.search.SetWidth(max(width-lipgloss.Width(o.t.SearchPrompt)-26, 10))
	if o.form != nil {
		o.form.setSize(width, height)
	}
	if o.prompt != nil {
		o.prompt.SetSize(width, 3)
	}
}

// Title is the tab's name.
func (o *onCall) Title() string { return o.t.Tab }

func (o *onCall) Capturing() bool {
	return o.form != nil || o.prompt != nil || o.picker != nil || o.searching || o.confirm != 0 || o.duty != nil ||
		o.rolePick != nil || o.card != nil
}

// Reload reads the checklists, the directory and the handovers in one go.
func (o *onCall) Reload() tea.Cmd {
	svc := o.s.Svc
	return o.load.Load(func() onCallLoadedMsg {
		var msg onCallLoadedMsg
		if msg.overview, msg.err = svc.Checklists(); msg.err != nil {
			return msg
		}
		if msg.contacts, msg.err = svc.Contacts(""); msg.err != nil {
			return msg
		}
		msg.handovers, msg.err = svc.Handovers()
		return msg
	})
}

func (o *onCall) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case kit.Loaded[onCallLoadedMsg]:
		if o.load.Fresh(msg) {
			o.apply(msg.Value)
		}
		return nil
	case onCallDoneMsg:
		return o.done(msg)
	case tea.KeyPressMsg:
		return o.key(msg)
	}
	// Pastes and the fields' own messages go to whatever has the focus.
	switch {
	case o.form != nil:
		return o.form.Update(msg)
	case o.prompt != nil:
		return o.prompt.Update(msg)
	case o.searching:
		return o.updateSearch(msg)
	}
	return nil
}

func (o *onCall) apply(msg onCallLoadedMsg) {
	if msg.err != nil {
		o.loadErr = msg.err // keep showing what we had
		return
	}
	o.loadErr, o.loaded = nil, true
	o.overview, o.contacts, o.handovers = msg.overview, msg.contacts, msg.handovers
	o.clampSelection()
}

// clampSelection keeps the cursors on things that exist: the selected run
// (the newest one open, at first), its step, the contact, the handover.
func (o *onCall) clampSelection() {
	runs := o.overview.Runs
	if _, ok := o.runIndex(o.runID); !ok && len(runs) > 0 {
		o.runID = runs[len(runs)-1].ID
		for i := len(runs) - 1; i >= 0; i-- {
			if !runs[i].Complete() {
				o.runID = runs[i].ID
				break
			}
		}
	}
	if r, ok := o.selectedRun(); ok {
		if o.stepOf != r.ID {
			o.stepOf, o.step, o.stepTop = r.ID, max(r.Next()-1, 0), 0
		}
		o.step = min(max(o.step, 0), len(r.Steps)-1)
	}
	o.contact = min(max(o.contact, 0), max(len(o.matches())-1, 0))
	o.handover = min(max(o.handover, 0), max(len(o.handovers)-1, 0))
}

func (o *onCall) runIndex(id uint64) (int, bool) {
	for i, r := range o.overview.Runs {
		if r.ID == id {
			return i, true
		}
	}
	return 0, false
}

func (o *onCall) selectedRun() (crisis.ChecklistRun, bool) {
	if i, ok := o.runIndex(o.runID); ok {
		return o.overview.Runs[i], true
	}
	return crisis.ChecklistRun{}, false
}

// matches are the contacts the search leaves, in directory order.
func (o *onCall) matches() []crisis.Contact {
	q := strings.TrimSpace(o.search.Value())
	if q == "" {
		return o.contacts
	}
	var out []crisis.Contact
	for _, c := range o.contacts {
		if c.Matches(q) {
			out = append(out, c)
		}
	}
	return out
}

// done applies the outcome of a write made here.
func (o *onCall) done(msg onCallDoneMsg) tea.Cmd {
	if msg.err != nil {
		if msg.fromForm && o.form != nil {
			o.form.Fail(msg.err)
			return nil
		}
		o.s.Notify(msg.action, o.s.Text.ErrText(msg.err), true, msg.entry)
		return nil
	}
	if msg.fromForm {
		o.form = nil
	}
	if msg.card != nil {
		o.card = msg.card
	}
	o.s.Notify(msg.action, msg.note, false, msg.entry)
	if r := msg.run; r != nil {
		// Show the run as written at once, cursor on its next step (the
		// reload that follows brings everything else).
		if i, ok := o.runIndex(r.ID); ok {
			o.overview.Runs[i] = *r
		} else {
			o.overview.Runs = append(o.overview.Runs, *r)
		}
		o.runID, o.stepOf = r.ID, r.ID
		if n := r.Next(); n > 0 {
			o.step = n - 1
		}
	}
	return o.Reload()
}

// write runs fn off the update loop and reports its outcome.
func (o *onCall) write(fromForm bool, fn func(svc *crisis.Service, me crisis.Actor) onCallDoneMsg) tea.Cmd {
	svc, me, action := o.s.Svc, o.s.Me, o.s.Action()
	return func() tea.Msg {
		msg := fn(svc, me)
		msg.action, msg.fromForm = action, fromForm
		return msg
	}
}

func (o *onCall) key(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case o.form != nil:
		return o.formKey(msg)
	case o.prompt != nil:
		return o.promptKey(msg)
	case o.picker != nil:
		return o.pickerKey(msg)
	case o.confirm != 0:
		return o.confirmKey(msg)
	case o.duty != nil:
		return o.dutyKey(msg)
	case o.rolePick != nil:
		return o.rolePickKey(msg)
	case o.card != nil:
		o.card = nil // any key puts the card away
		return nil
	case o.searching:
		return o.searchKey(msg)
	}
	k := o.k
	switch {
	case key.Matches(msg, k.Checklists):
		o.section = secChecklists
		return nil
	case key.Matches(msg, k.Directory):
		o.section = secDirectory
		o.searching = true
		return o.search.Focus()
	case key.Matches(msg, k.Handover):
		o.section = secHandover
		return nil
	}
	switch o.section {
	case secDirectory:
		return o.directoryKey(msg)
	case secHandover:
		return o.handoverKey(msg)
	}
	return o.checklistKey(msg)
}

func (o *onCall) checklistKey(msg tea.KeyPressMsg) tea.Cmd {
	k := o.k
	r, ok := o.selectedRun()
	switch {
	case key.Matches(msg, k.Start):
		if !o.s.Allowed(crisis.ActRunChecklist) {
			return kit.Refuse(o.s, crisis.ActRunChecklist)
		}
		o.picker = newTemplatePicker(o)
		return nil
	case !ok:
		return nil
	case key.Matches(msg, k.Up):
		o.step = max(o.step-1, 0)
	case key.Matches(msg, k.Down):
		o.step = min(o.step+1, len(r.Steps)-1)
	case key.Matches(msg, k.PrevRun), key.Matches(msg, k.NextRun):
		i, _ := o.runIndex(r.ID)
		if key.Matches(msg, k.PrevRun) {
			i--
		} else {
			i++
		}
		if i >= 0 && i < len(o.overview.Runs) {
			o.runID = o.overview.Runs[i].ID
			o.clampSelection()
		}
	case key.Matches(msg, k.Tick):
		if !o.s.Allowed(crisis.ActRunChecklist) {
			return kit.Refuse(o.s, crisis.ActRunChecklist)
		}
		run, n := r.ID, o.step+1
		t := o.t
		return o.write(false, func(svc *crisis.Service, me crisis.Actor) onCallDoneMsg {
			r, e, err := svc.Tick(me, run, n, "")
			return onCallDoneMsg{note: fmt.Sprintf(t.Ticked, n, e.ID), entry: e.ID, run: &r, err: err}
		})
	case key.Matches(msg, k.Untick):
		if !o.s.Allowed(crisis.ActRunChecklist) {
			return kit.Refuse(o.s, crisis.ActRunChecklist)
		}
		run, n := r.ID, o.step+1
		if !r.Steps[o.step].Done() {
			return nil // nothing to un-tick
		}
		t := o.t
		o.prompt = newOnCallPrompt(o, fmt.Sprintf(t.ReasonPrompt, n), t.ReasonHint, func(reason string) tea.Cmd {
			return o.write(false, func(svc *crisis.Service, me crisis.Actor) onCallDoneMsg {
				r, e, err := svc.Untick(me, run, n, reason)
				return onCallDoneMsg{note: fmt.Sprintf(t.Unticked, n, e.ID), entry: e.ID, run: &r, err: err}
			})
		})
		return o.prompt.FocusCmd()
	}
	return nil
}

func (o *onCall) pickerKey(msg tea.KeyPressMsg) tea.Cmd {
	tpls := o.overview.Templates
	act, cmd := o.picker.Key(msg)
	switch act {
	case kit.FormCancel:
		o.picker = nil
	case kit.FormQuit:
		return tea.Quit
	case kit.FormSave:
		if len(tpls) == 0 {
			return nil
		}
		tpl := tpls[o.picker.list.Chosen]
		o.picker = nil
		t, lang := o.t, o.t.Lang
		o.prompt = newOnCallPrompt(o, t.LabelPrompt, t.LabelHint, func(label string) tea.Cmd {
			return o.write(false, func(svc *crisis.Service, me crisis.Actor) onCallDoneMsg {
				r, e, err := svc.StartRun(me, tpl.Name, label)
				return onCallDoneMsg{note: fmt.Sprintf(t.Started, r.ID, r.Name(lang)), entry: e.ID, run: &r, err: err}
			})
		})
		o.prompt.allowEmpty = true
		return o.prompt.FocusCmd()
	}
	return cmd
}

func (o *onCall) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	p := o.prompt
	act, cmd := p.Key(msg)
	switch act {
	case kit.FormCancel:
		o.prompt = nil
	case kit.FormQuit:
		return tea.Quit
	case kit.FormSave:
		v := p.value()
		if v == "" && !p.allowEmpty {
			// The reason is required: say so, the prompt stays open.
			o.s.Notify(o.s.Action(), o.t.ReasonNeeded, true, 0)
			return nil
		}
		o.prompt = nil
		return p.submit(v)
	}
	return cmd
}

func (o *onCall) directoryKey(msg tea.KeyPressMsg) tea.Cmd {
	k := o.k
	switch {
	case key.Matches(msg, k.Search):
		o.searching = true
		return o.search.Focus()
	case key.Matches(msg, k.Up):
		o.contact = max(o.contact-1, 0)
	case key.Matches(msg, k.Down):
		o.contact = min(o.contact+1, max(len(o.matches())-1, 0))
	case key.Matches(msg, k.Cancel):
		o.search.SetValue("")
		o.contact = 0
	case key.Matches(msg, k.Invite):
		if !o.s.Allowed(crisis.ActManageUsers) {
			return kit.Refuse(o.s, crisis.ActManageUsers)
		}
		return o.askInviteName("")
	case key.Matches(msg, k.Duty):
		if !o.s.Allowed(crisis.ActManageContacts) {
			return kit.Refuse(o.s, crisis.ActManageContacts)
		}
		ms := o.matches()
		if len(ms) == 0 {
			return nil
		}
		c := ms[o.contact]
		o.duty = &c
	}
	return nil
}

// askInviteName asks the name of the person invited; a name the record
// would refuse keeps the prompt open with the text and the reason.
func (o *onCall) askInviteName(typed string) tea.Cmd {
	o.prompt = newOnCallPrompt(o, o.t.InviteName, o.t.InviteNameHint, func(name string) tea.Cmd {
		if err := crisis.ValidUserName(name); err != nil {
			o.s.Notify(o.s.Action(), o.s.Text.ErrText(err), true, 0)
			return o.askInviteName(name)
		}
		o.rolePick = &rolePicker{name: name}
		return nil
	})
	o.prompt.field.Input.SetValue(typed)
	return o.prompt.field.Input.Focus()
}

// rolePickKey chooses the invite's role; Enter makes the invite.
func (o *onCall) rolePickKey(msg tea.KeyPressMsg) tea.Cmd {
	k, p := o.k, o.rolePick
	switch {
	case key.Matches(msg, k.ForceQuit):
		return tea.Quit
	case key.Matches(msg, k.Cancel):
		o.rolePick = nil
	case key.Matches(msg, k.Up), msg.String() == "left":
		p.cursor = kit.MoveCursor(p.cursor, -1, len(inviteRoles()))
	case key.Matches(msg, k.Down), msg.String() == "right":
		p.cursor = kit.MoveCursor(p.cursor, 1, len(inviteRoles()))
	case key.Matches(msg, k.Choose):
		o.rolePick = nil
		name, role, t := p.name, inviteRoles()[p.cursor], o.t
		return o.write(false, func(svc *crisis.Service, me crisis.Actor) onCallDoneMsg {
			inv, code, err := svc.CreateInvite(me, name, role, 0)
			return onCallDoneMsg{note: fmt.Sprintf(t.Invited, crisis.SanitizeLine(inv.Name)), card: &inviteCard{inv: inv, code: code}, err: err}
		})
	}
	return nil
}

// dutyKey answers the on-duty question: y changes the mark (the service
// logs it), anything else leaves it.
func (o *onCall) dutyKey(msg tea.KeyPressMsg) tea.Cmd {
	c, t := *o.duty, o.t
	o.duty = nil
	if !key.Matches(msg, o.k.Yes) {
		return nil
	}
	return o.write(false, func(svc *crisis.Service, me crisis.Actor) onCallDoneMsg {
		c, err := svc.SetOnDuty(me, c.Name, !c.OnDuty)
		note := fmt.Sprintf(t.DutyUnset, crisis.SanitizeLine(c.Name))
		if c.OnDuty {
			note = fmt.Sprintf(t.DutySet, crisis.SanitizeLine(c.Name))
		}
		return onCallDoneMsg{note: note, err: err}
	})
}

// searchKey: typing filters at once; arrows still move through the
// results; enter keeps the filter and frees the keys. Esc clears the text
// and keeps the search open, so the letters typed next still go to the
// search and never run a command; Esc on an empty search closes it.
func (o *onCall) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	k := o.k
	switch {
	case key.Matches(msg, k.ForceQuit):
		return tea.Quit
	case msg.String() == "up": // not k: j and k are letters to type here
		o.contact = max(o.contact-1, 0)
		return nil
	case msg.String() == "down":
		o.contact = min(o.contact+1, max(len(o.matches())-1, 0))
		return nil
	case key.Matches(msg, k.Choose):
		o.searching = false
		o.search.Blur()
		return nil
	case key.Matches(msg, k.Cancel):
		if o.search.Value() == "" {
			o.searching = false
			o.search.Blur()
		}
		o.search.SetValue("")
		o.contact = 0
		return nil
	}
	return o.updateSearch(msg)
}

func (o *onCall) updateSearch(msg tea.Msg) tea.Cmd {
	before := o.search.Value()
	var cmd tea.Cmd
	o.search, cmd = o.search.Update(msg)
	if o.search.Value() != before {
		o.contact = 0
	}
	return cmd
}

func (o *onCall) handoverKey(msg tea.KeyPressMsg) tea.Cmd {
	k := o.k
	switch {
	case key.Matches(msg, k.Up):
		o.handover = max(o.handover-1, 0)
	case key.Matches(msg, k.Down):
		o.handover = min(o.handover+1, max(len(o.handovers)-1, 0))
	case key.Matches(msg, k.Write):
		if !o.s.Allowed(crisis.ActHandover) {
			return kit.Refuse(o.s, crisis.ActHandover)
		}
		o.form = newHandoverForm(o.s, o.t, o.width, o.height)
		return o.form.FocusCmd()
	case key.Matches(msg, k.Ack):
		if !o.s.Allowed(crisis.ActHandover) {
			return kit.Refuse(o.s, crisis.ActHandover)
		}
		if len(o.handovers) == 0 {
			return nil
		}
		h := o.handovers[o.handover]
		switch {
		case h.Acked():
			return nil
		case h.By == o.s.Me.Name:
			o.s.Notify(o.s.Action(), o.t.AckOwn, true, 0)
			return nil
		}
		o.confirm = h.ID
	}
	return nil
}

func (o *onCall) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	id := o.confirm
	o.confirm = 0
	if !key.Matches(msg, o.k.Yes) {
		return nil
	}
	t := o.t
	return o.write(false, func(svc *crisis.Service, me crisis.Actor) onCallDoneMsg {
		h, e, err := svc.AckHandover(me, id)
		return onCallDoneMsg{note: fmt.Sprintf(t.Acked, h.ID, e.ID), entry: e.ID, err: err}
	})
}

func (o *onCall) formKey(msg tea.KeyPressMsg) tea.Cmd {
	act, cmd := o.form.Key(msg)
	switch act {
	case kit.FormSave:
		n, t := o.form.note(), o.t
		o.form.StartSaving()
		return o.write(true, func(svc *crisis.Service, me crisis.Actor) onCallDoneMsg {
			h, e, err := svc.WriteHandover(me, n)
			return onCallDoneMsg{note: fmt.Sprintf(t.HandoverSaved, h.ID, e.ID), entry: e.ID, err: err}
		})
	case kit.FormCancel:
		o.form = nil
	case kit.FormQuit:
		return tea.Quit
	}
	return cmd
}

// Help lists the keys that work now.
func (o *onCall) Help() kit.HelpKeys {
	k := o.k
	switch {
	case o.form != nil && o.form.Confirm != kit.ConfirmNone,
		o.prompt != nil && o.prompt.Confirm != kit.ConfirmNone:
		return o.s.Keys.ConfirmHelp()
	case o.form != nil:
		return kit.OneGroup(k.NextField, k.Save, k.Cancel)
	case o.prompt != nil:
		return kit.OneGroup(k.Choose, k.Cancel)
	case o.picker != nil:
		return kit.OneGroup(k.MoveList, k.Choose, k.Cancel)
	case o.confirm != 0, o.duty != nil:
		return o.s.Keys.ConfirmHelp()
	case o.rolePick != nil:
		return kit.OneGroup(k.MoveList, k.Choose, k.Cancel)
	case o.card != nil:
		return kit.OneGroup(k.Close)
	case o.searching:
		return kit.OneGroup(k.MoveList, k.SearchDone, k.SearchClear)
	}
	role := o.s // its Allowed: my role, and the record not closed
	sections := []key.Binding{k.Checklists, k.Directory, k.Handover}
	var own []key.Binding
	switch o.section {
	case secChecklists:
		if _, ok := o.selectedRun(); ok {
			own = []key.Binding{k.Move, k.Runs}
			if role.Allowed(crisis.ActRunChecklist) {
				own = append(own, k.Tick, k.Untick)
			}
		}
		if role.Allowed(crisis.ActRunChecklist) {
			own = append(own, k.Start)
		}
	case secDirectory:
		own = []key.Binding{k.MoveList, k.Search}
		if role.Allowed(crisis.ActManageContacts) {
			own = append(own, k.Duty)
		}
		if role.Allowed(crisis.ActManageUsers) {
			own = append(own, k.Invite)
		}
	case secHandover:
		own = []key.Binding{k.MoveList}
		if role.Allowed(crisis.ActHandover) {
			own = append(own, k.Write, k.Ack)
		}
	}
	// The sections line shows their keys; the short line keeps to the
	// section's own.
	return kit.HelpKeys{Short: own, Full: [][]key.Binding{own, sections}}
}

// Unsaved: a handover being written, or a reason or label typed at a
// prompt. A directory search is not unsaved work.
func (o *onCall) Unsaved() bool {
	if o.form != nil && o.form.IsDirty() {
		return true
	}
	return o.prompt != nil && o.prompt.IsDirty()
}
