// Package report is the console's Report tab: the lessons-learned
// report's preview, its takeaways and the closing of the crisis.
package report

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
	"cellule/tui/kit"
)

// previewLimit caps the preview's lists at their newest entries: the tab
// reloads after every change, and the full report is an export away.
const previewLimit = 30

// reportTab is tab 5: the lessons-learned report as it stands, in its
// Markdown source (plain text reads well, costs nothing to draw and shows
// the same on every terminal), with the leads' takeaways and the closing.
type reportTab struct {
	s             *kit.Session
	tx            *Text // the tab's own strings
	keys          reportKeys
	width, height int

	view    viewport.Model
	md      string // the report, unwrapped
	closed  *crisis.Closing
	entries uint64 // entries in the record last read
	loaded  bool
	loadErr error
	load    kit.Loader[reportLoadedMsg]

	form       *noteForm
	confirming bool // asking before the crisis is closed
	// printing: a paper kit is being written; the key waits for it, so a
	// key held down writes one file, not one per repeat.
	printing bool
}

// reportKeys are the tab's own keys.
type reportKeys struct {
	Takeaway, CloseCrisis key.Binding
	// Print saves the paper kit on the host (anyone who may export).
	Print key.Binding
}

// noteForm is the text field of a takeaway or of the closing note.
type noteForm struct {
	closing bool
	text    kit.Area
	saving  bool
	err     string
	// confirm is the question asked before typed text is dropped.
	confirm kit.Confirm
}

// Messages of the tab.
type (
	reportLoadedMsg struct {
		md      string
		closed  *crisis.Closing
		entries uint64
		err     error
	}
	takeawaySavedMsg struct {
		action int
		t      crisis.Takeaway
		err    error
	}
	crisisClosedMsg struct {
		action int
		entry  crisis.Entry
		err    error
	}
	// printedMsg is the outcome of saving the paper kit.
	printedMsg struct {
		action int
		text   string
		err    error
	}
	// closeCheckedMsg is the service's answer to "would this closing be
	// refused?", asked before the yes/no question.
	closeCheckedMsg struct{ err error }
)

// New is the Report tab of a session.
func New(s *kit.Session) kit.Tab { return newReportTab(s) }

func newReportTab(s *kit.Session) *reportTab {
	t := kit.ForLang(s, "report.text", func() *Text { return textFor(s.Lang) })
	vp := viewport.New()
	vp.KeyMap.Left.SetEnabled(false)
	vp.KeyMap.Right.SetEnabled(false)
	return &reportTab{
		s:    s,
		tx:   t,
		view: vp,
		keys: reportKeys{
			Takeaway:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", t.AddTakeaway)),
			CloseCrisis: key.NewBinding(key.WithKeys("C"), key.WithHelp("C", t.CloseCrisis)),
			Print:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", t.PrintKey)),
		},
	}
}

func (r *reportTab) SetSize(width, height int) {
	changed := width != r.width
	r.width, r.height = width, height
	r.view.SetWidth(width)
	r.view.SetHeight(max(height-1, 1))
	if r.form != nil {
		r.form.text.SetWidth(max(width-2, 10))
		r.form.text.SetHeight(max(height-5, 3))
	}
	if changed {
		r.setContent()
	}
}

// setContent wraps the report to the width, keeping the scroll position.
func (r *reportTab) setContent() {
	if !r.loaded {
		return
	}
	y := r.view.YOffset()
	r.view.SetContent(ansi.Wrap(r.md, max(r.width-1, 20), ""))
	r.view.SetYOffset(y)
}

// Title is the tab's name.
func (r *reportTab) Title() string { return r.tx.Tab }

func (r *reportTab) Capturing() bool { return r.form != nil || r.confirming }

func (r *reportTab) Reload() tea.Cmd {
	svc, me, preview := r.s.Svc, r.s.Me, r.s.Preview
	return r.load.Load(func() reportLoadedMsg {
		var b strings.Builder
		var msg reportLoadedMsg
		msg.err = svc.Read(me, func(s *crisis.Snapshot) error {
			msg.closed, msg.entries = s.Crisis.Closed, s.Entries
			if preview == nil {
				return nil
			}
			return preview(&b, s, previewLimit)
		})
		msg.md = b.String()
		return msg
	})
}

func (r *reportTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case kit.Loaded[reportLoadedMsg]:
		if !r.load.Fresh(msg) {
			return nil
		}
		r.applyLoaded(msg.Value)
		return nil
	case takeawaySavedMsg:
		return r.saved(msg.action, msg.err, func() string { return fmt.Sprintf(r.tx.TakeawaySaved, msg.t.ID) }, 0)
	case crisisClosedMsg:
		return r.saved(msg.action, msg.err, func() string { return fmt.Sprintf(r.tx.CrisisClosed, msg.entry.ID) }, msg.entry.ID)
	case printedMsg:
		r.printing = false
		if msg.err != nil {
			r.s.Notify(msg.action, r.s.Text.ErrText(msg.err), true, r.entries)
		} else {
			r.s.Notify(msg.action, msg.text, false, r.entries)
		}
		return nil
	case closeCheckedMsg:
		if r.form == nil || !r.form.closing || !r.form.saving {
			return nil // the form was left while it checked
		}
		if msg.err != nil {
			// Say why now, beside the note, rather than ask and then refuse.
			r.form.saving, r.form.err = false, r.s.Text.ErrText(msg.err)
			return r.form.text.Focus()
		}
		r.form.saving, r.confirming = false, true
		r.form.text.Blur()
		return nil
	case tea.KeyPressMsg:
		return r.key(msg)
	}
	if r.form != nil && !r.form.saving && r.form.confirm == kit.ConfirmNone {
		var cmd tea.Cmd
		r.form.text, cmd = r.form.text.Update(msg)
		return cmd
	}
	return nil
}

// saved applies the outcome of a save: the form stays open with the
// refusal, or closes and the status line says what was saved.
func (r *reportTab) saved(action int, err error, ok func() string, upTo uint64) tea.Cmd {
	if err != nil {
		if r.form != nil {
			r.form.saving, r.form.err = false, r.s.Text.ErrText(err)
			return r.form.text.Focus()
		}
		r.s.Notify(action, r.s.Text.ErrText(err), true, r.entries)
		return nil
	}
	r.form = nil
	r.s.Notify(action, ok(), false, max(upTo, r.entries))
	return r.Reload()
}

func (r *reportTab) key(msg tea.KeyPressMsg) tea.Cmd {
	k := r.s.Keys
	if r.confirming {
		r.confirming = false
		if key.Matches(msg, k.Yes) {
			return r.save()
		}
		return r.form.text.Focus()
	}
	if r.form != nil {
		if r.form.saving {
			return nil
		}
		if r.form.confirm != kit.ConfirmNone {
			return r.leaving(r.form.confirm.Answer(msg, k.Yes, k.No))
		}
		switch {
		case key.Matches(msg, k.ForceQuit):
			return r.leaving(r.form.confirm.Leave(kit.FormQuit, r.Unsaved()))
		case key.Matches(msg, k.Cancel):
			return r.leaving(r.form.confirm.Leave(kit.FormCancel, r.Unsaved()))
		case key.Matches(msg, k.Save):
			if r.form.closing {
				// Ask only about a closing that can succeed.
				svc, me, note := r.s.Svc, r.s.Me, r.form.text.Value()
				r.form.saving, r.form.err = true, ""
				return func() tea.Msg { return closeCheckedMsg{err: svc.CanClose(me, note)} }
			}
			return r.save()
		}
		var cmd tea.Cmd
		r.form.text, cmd = r.form.text.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(msg, r.keys.Takeaway):
		return r.open(crisis.ActTakeaway, false)
	case key.Matches(msg, r.keys.CloseCrisis):
		return r.open(crisis.ActClose, true)
	case key.Matches(msg, r.keys.Print):
		return r.print()
	case key.Matches(msg, k.Home):
		r.view.GotoTop()
		return nil
	case key.Matches(msg, k.End):
		r.view.GotoBottom()
		return nil
	}
	var cmd tea.Cmd
	r.view, cmd = r.view.Update(msg)
	return cmd
}

// leaving acts on what Esc, ctrl+c or the question's answer asked: the
// form closes, the console quits, or the form goes on (the question shown,
// or the text back under the cursor).
func (r *reportTab) leaving(act kit.FormAction) tea.Cmd {
	switch act {
	case kit.FormCancel:
		r.form = nil
		return nil
	case kit.FormQuit:
		return tea.Quit
	}
	if r.form.confirm != kit.ConfirmNone {
		r.form.text.Blur()
		return nil
	}
	return r.form.text.Focus()
}

// open opens the takeaway or closing form, or says why it cannot.
func (r *reportTab) open(act crisis.Action, closing bool) tea.Cmd {
	if !r.s.Allowed(act) {
		return kit.Refuse(r.s, act)
	}
	if r.closed != nil {
		r.s.Notify(r.s.Action(), r.tx.ReadOnly, true, r.entries)
		return nil
	}
	ta := kit.NewTextArea(r.s, r.tx.TakeawayHint, crisis.MaxTakeawayBytes+1)
	if closing {
		ta.CharLimit = crisis.MaxCloseNote + 1
		ta.Placeholder = r.tx.CloseHint
	}
	r.form = &noteForm{closing: closing, text: ta}
	r.SetSize(r.width, r.height)
	return r.form.text.Focus()
}

// print saves the paper kit on the host, read as one snapshot of the
// record, and says where; without a place on the host (the console run
// locally) it says how to export it.
func (r *reportTab) print() tea.Cmd {
	action, save := r.s.Action(), r.s.SavePrint
	if save == nil {
		r.s.Notify(action, r.tx.PrintNowhere, false, r.entries)
		return nil
	}
	if r.printing {
		return nil
	}
	r.printing = true
	svc, me, t := r.s.Svc, r.s.Me, r.tx
	return func() tea.Msg {
		var path string
		err := svc.Export(me, func(s *crisis.Snapshot) error {
			var err error
			path, err = save(s)
			return err
		})
		return printedMsg{action: action, text: fmt.Sprintf(t.Printed, path), err: err}
	}
}

// save sends the form's text to the service.
func (r *reportTab) save() tea.Cmd {
	f := r.form
	f.saving, f.err = true, ""
	svc, me, action, text := r.s.Svc, r.s.Me, r.s.Action(), f.text.Value()
	if f.closing {
		return func() tea.Msg {
			e, err := svc.Close(me, text)
			return crisisClosedMsg{action: action, entry: e, err: err}
		}
	}
	return func() tea.Msg {
		t, err := svc.AddTakeaway(me, text)
		return takeawaySavedMsg{action: action, t: t, err: err}
	}
}

func (r *reportTab) View() string {
	t := r.tx
	sty := r.s.St
	if r.form != nil {
		title := t.TakeawayForm
		if r.form.closing {
			title = t.CloseForm
		}
		lines := []string{" " + sty.Label.Render(title), r.form.text.View()}
		discard := t.ConfirmDiscardTakeaway
		if r.form.closing {
			discard = t.ConfirmDiscardClose
		}
		switch {
		case r.form.confirm != kit.ConfirmNone:
			lines = append(lines, r.s.FormStatus(r.form.confirm, discard, false, nil)...)
		case r.confirming:
			lines = append(lines, " "+sty.Confirm.Render(t.ConfirmClose))
		case r.form.saving:
			lines = append(lines, " "+sty.Hint.Render(t.Saving))
		case r.form.err != "":
			lines = append(lines, " "+sty.StatusErr.Render(r.form.err))
		case r.form.closing:
			lines = append(lines, " "+sty.Hint.Render(t.CloseHint))
		}
		return strings.Join(lines, "\n")
	}
	head := sty.Label.Render(t.Heading) + "  " + sty.Hint.Render(t.Exports)
	if r.closed != nil {
		head = sty.Confirm.Render(fmt.Sprintf(t.ClosedLine, r.s.Text.Date(r.closed.At.In(r.s.Svc.Location()), r.s.Text.DateTime), crisis.SanitizeLine(r.closed.By)))
	}
	switch {
	case r.loadErr != nil && !r.loaded:
		return head + "\n" + sty.StatusErr.Render(fmt.Sprintf(t.LoadFailed, r.s.Text.ErrText(r.loadErr)))
	case !r.loaded:
		return head + "\n" + sty.Hint.Render(t.Loading)
	}
	return head + "\n" + r.view.View()
}

func (r *reportTab) Help() kit.HelpKeys {
	k := r.s.Keys
	if r.confirming || r.form != nil && r.form.confirm != kit.ConfirmNone {
		return k.ConfirmHelp()
	}
	if r.form != nil {
		return kit.OneGroup(k.Save, k.Cancel)
	}
	short := []key.Binding{k.Move}
	full := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}
	var own []key.Binding
	if r.closed == nil && r.s.Allowed(crisis.ActTakeaway) {
		own = append(own, r.keys.Takeaway)
	}
	if r.closed == nil && r.s.Allowed(crisis.ActClose) {
		own = append(own, r.keys.CloseCrisis)
	}
	if r.s.Me.Role.Allowed(crisis.ActExport) { // a read: a closed record prints too
		own = append(own, r.keys.Print)
	}
	return kit.HelpKeys{Short: append(short, own...), Full: [][]key.Binding{full, own}}
}

// applyLoaded shows a fresh read of what the tab shows.
func (r *reportTab) applyLoaded(msg reportLoadedMsg) {
	r.loadErr = msg.err
	if msg.err == nil {
		r.md, r.closed, r.entries, r.loaded = msg.md, msg.closed, msg.entries, true
		r.setContent()
	}
}

// Unsaved: a takeaway or a closing note being written.
func (r *reportTab) Unsaved() bool {
	return r.form != nil && strings.TrimSpace(r.form.text.Value()) != ""
}
