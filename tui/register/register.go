// Package register is the console's Register tab: the accounts, machines
// and indicators the attacker had or may have had, grouped by state, with
// each one's history, and the forms that register them and move them on.
package register

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

type loadedMsg struct {
	assets []crisis.Asset
	err    error
}

type savedMsg struct {
	action int
	asset  crisis.Asset
	note   string
	upTo   uint64
	err    error
}

type keys struct {
	Open, Back, Add, Change, Kind, State, Search key.Binding
}

func newKeys(t *Text) keys {
	b := func(k, label, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(k), key.WithHelp(label, desc))
	}
	return keys{
		Open: b("enter", "enter", t.HelpOpen), Back: b("esc", "esc", t.HelpBack),
		Add: b("n", "n", t.HelpAdd), Change: b("c", "c", t.HelpChange),
		Kind: b("t", "t", t.HelpKind), State: b("f", "f", t.HelpState), Search: b("/", "/", t.HelpSearch),
	}
}

// registerTab is tab 6.
type registerTab struct {
	s    *kit.Session
	tx   *Text
	keys keys

	width, height int

	assets  []crisis.Asset // in the service's order: by state, kind, number
	loaded  bool
	loadErr error
	load    kit.Loader[loadedMsg]

	kind   int // 0: every kind, else crisis.AssetKinds[kind-1]
	state  int // 0: every state, else crisis.AssetStates[state-1]
	query  string
	search *kit.Input

	cursorID uint64
	top      int
	openID   uint64

	form *assetForm

	// shownList is shown's last answer, for shownFor.
	shownList []crisis.Asset
	shownFor  shownKey
	shownOK   bool
}

// New is the Register tab of a session.
func New(s *kit.Session) kit.Tab { return newTab(s) }

func newTab(s *kit.Session) *registerTab {
	tx := textFor(s.Lang)
	return &registerTab{s: s, tx: tx, keys: newKeys(tx)}
}

func (r *registerTab) Title() string { return r.tx.Tab }

func (r *registerTab) SetSize(width, height int) {
	r.width, r.height = width, height
	if r.form != nil {
		r.form.SetSize(width, height)
	}
}

func (r *registerTab) Capturing() bool { return r.form != nil || r.search != nil }

func (r *registerTab) Unsaved() bool { return r.form != nil && r.form.IsDirty() }

func (r *registerTab) Reload() tea.Cmd {
	svc := r.s.Svc
	return r.load.Load(func() loadedMsg {
		as, err := svc.Assets()
		return loadedMsg{assets: as, err: err}
	})
}

func (r *registerTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case kit.Loaded[loadedMsg]:
		if r.load.Fresh(msg) {
			r.loadErr = msg.Value.err
			if msg.Value.err == nil {
				r.assets, r.loaded = msg.Value.assets, true
			}
		}
		return nil
	case savedMsg:
		if msg.err != nil {
			if r.form != nil {
				r.form.Fail(msg.err)
				return r.form.FocusCmd()
			}
			r.s.Notify(msg.action, r.s.Text.ErrText(msg.err), true, 0)
			return nil
		}
		r.form = nil
		r.cursorID = msg.asset.ID
		r.s.Notify(msg.action, msg.note, false, msg.upTo)
		return r.Reload()
	case tea.KeyPressMsg:
		return r.key(msg)
	}
	switch {
	case r.form != nil:
		return r.form.update(msg)
	case r.search != nil:
		var cmd tea.Cmd
		*r.search, cmd = r.search.Update(msg)
		return cmd
	}
	return nil
}

// shown is the assets the filters let through, in the service's order.
// It is worked out once per read of the register and per filter, not per
// draw or key: the register may hold thousands of assets, and every
// console on the tab draws after every change.
func (r *registerTab) shown() []crisis.Asset {
	k := shownKey{n: len(r.assets), kind: r.kind, state: r.state, query: r.query}
	if len(r.assets) > 0 {
		k.first = &r.assets[0]
	}
	if r.shownFor == k && r.shownOK {
		return r.shownList
	}
	var out []crisis.Asset
	q := crisis.FoldForSearch(r.query)
	for _, a := range r.assets {
		if r.kind > 0 && a.Kind != crisis.AssetKinds[r.kind-1] {
			continue
		}
		if r.state > 0 && a.State != crisis.AssetStates[r.state-1] {
			continue
		}
		if q != "" && !strings.Contains(crisis.FoldForSearch(a.Identifier+" "+a.Owner+" "+a.Notes+" "+a.Item), q) {
			continue
		}
		out = append(out, a)
	}
	r.shownFor, r.shownList, r.shownOK = k, out, true
	return out
}

// shownKey is what shown's list is worked out from: the register as read
// (a new read is a new slice) and the filters.
type shownKey struct {
	first       *crisis.Asset
	n           int
	kind, state int
	query       string
}

func (r *registerTab) cursor(as []crisis.Asset) int {
	for i, a := range as {
		if a.ID == r.cursorID {
			return i
		}
	}
	return 0
}

func (r *registerTab) selected() (crisis.Asset, bool) {
	if r.openID != 0 {
		for _, a := range r.assets {
			if a.ID == r.openID {
				return a, true
			}
		}
		return crisis.Asset{}, false
	}
	as := r.shown()
	if len(as) == 0 {
		return crisis.Asset{}, false
	}
	return as[r.cursor(as)], true
}

func (r *registerTab) move(delta int) {
	as := r.shown()
	if len(as) == 0 {
		return
	}
	r.cursorID = as[kit.MoveCursor(r.cursor(as), delta, len(as))].ID
}

func (r *registerTab) key(msg tea.KeyPressMsg) tea.Cmd {
	if r.form != nil {
		return r.formKey(msg)
	}
	k, rk := r.s.Keys, r.keys
	if r.search != nil {
		switch {
		case key.Matches(msg, k.Apply):
			r.query, r.search = strings.TrimSpace(r.search.Value()), nil
		case key.Matches(msg, k.ClearSearch):
			r.query, r.search = "", nil
		default:
			var cmd tea.Cmd
			*r.search, cmd = r.search.Update(msg)
			return cmd
		}
		return nil
	}
	writer := r.s.Allowed(crisis.ActWriteRegister)
	list := r.openID == 0
	switch {
	case key.Matches(msg, k.Up) && list:
		r.move(-1)
	case key.Matches(msg, k.Down) && list:
		r.move(1)
	case key.Matches(msg, k.PageUp) && list:
		r.move(-max(r.height-2, 1))
	case key.Matches(msg, k.PageDown) && list:
		r.move(max(r.height-2, 1))
	case key.Matches(msg, k.Home) && list:
		r.move(-len(r.assets))
	case key.Matches(msg, k.End) && list:
		r.move(len(r.assets))
	case key.Matches(msg, rk.Open) && list:
		if a, ok := r.selected(); ok {
			r.openID = a.ID
		}
	case key.Matches(msg, rk.Back):
		switch {
		case r.openID != 0:
			r.openID = 0
		case r.query != "":
			r.query = ""
		}
	case key.Matches(msg, rk.Kind) && list:
		r.kind = (r.kind + 1) % (len(crisis.AssetKinds) + 1)
	case key.Matches(msg, rk.State) && list:
		r.state = (r.state + 1) % (len(crisis.AssetStates) + 1)
	case key.Matches(msg, rk.Search) && list:
		in := kit.NewTextInput(r.s, r.tx.SearchPrompt, "", crisis.MaxAssetIdentifier+1)
		in.SetValue(r.query)
		in.Focus()
		r.search = &in
	case key.Matches(msg, rk.Add):
		if !writer {
			return kit.Refuse(r.s, crisis.ActWriteRegister)
		}
		r.form = newAddForm(r.s, r.tx, r.width)
	case key.Matches(msg, rk.Change):
		if !writer {
			return kit.Refuse(r.s, crisis.ActWriteRegister)
		}
		if a, ok := r.selected(); ok {
			r.form = newChangeForm(r.s, r.tx, r.width, a)
		}
	}
	return nil
}

func (r *registerTab) formKey(msg tea.KeyPressMsg) tea.Cmd {
	act, cmd := r.form.Key(msg)
	switch act {
	case kit.FormCancel:
		r.form = nil
		return nil
	case kit.FormQuit:
		return tea.Quit
	case kit.FormSave:
		return r.save()
	}
	return cmd
}

// save sends the form to the service; the form stays open until the
// answer, and with the refusal beside its field if there is one.
func (r *registerTab) save() tea.Cmd {
	f := r.form
	f.StartSaving()
	svc, me, tx, action := r.s.Svc, r.s.Me, r.tx, r.s.Action()
	if f.asset == 0 {
		d := crisis.AssetDraft{Kind: f.kindWord(), Identifier: f.value("identifier"), State: f.stateWord(),
			Owner: f.value("owner"), Item: f.value("item"), Note: f.value("note"), Evidence: f.value("evidence")}
		return func() tea.Msg {
			a, err := svc.AddAsset(me, d)
			return savedMsg{action: action, asset: a, err: err, note: fmt.Sprintf(tx.Added, a.ID), upTo: lastEntry(a)}
		}
	}
	id := fmt.Sprint(f.asset)
	step := crisis.AssetStep{State: f.stateWord(), Note: f.value("note"), Evidence: f.value("evidence")}
	return func() tea.Msg {
		a, err := svc.SetAssetState(me, id, step)
		return savedMsg{action: action, asset: a, err: err, note: fmt.Sprintf(tx.Changed, a.ID, tx.state(a.State)), upTo: lastEntry(a)}
	}
}

func lastEntry(a crisis.Asset) uint64 {
	if len(a.History) == 0 {
		return 0
	}
	return a.History[len(a.History)-1].Entry
}

func (r *registerTab) Help() kit.HelpKeys {
	k, rk := r.s.Keys, r.keys
	switch {
	case r.form != nil:
		return r.form.Help()
	case r.search != nil:
		return kit.OneGroup(k.Apply, k.ClearSearch)
	}
	writer := r.s.Allowed(crisis.ActWriteRegister)
	var short []key.Binding
	if r.openID != 0 {
		short = []key.Binding{rk.Back}
	} else {
		short = []key.Binding{k.Move, rk.Open, rk.Kind, rk.State, rk.Search}
	}
	if writer {
		short = append(short, rk.Add, rk.Change)
	}
	return kit.HelpKeys{Short: short, Full: [][]key.Binding{short}}
}
