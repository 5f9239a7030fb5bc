package timeline

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// formField is a field of the entry form, in Tab order.
type formField int

const (
	fieldKind formField = iota
	fieldText
	fieldWhen
	fieldCount
)

// entryForm writes a new logbook entry, or a correction of one.
type entryForm struct {
	s      *kit.Session
	tx     *Text
	st     *styles
	amends uint64 // the entry corrected; 0 for a new entry
	orig   string // the corrected entry's text, for reference

	kind  int // index in crisis.Kinds
	text  kit.Area
	when  kit.Input
	focus formField

	err     string // the service's refusal of the last save
	confirm kit.Confirm
	saving  bool

	width, height int
}

func newEntryForm(s *kit.Session, tx *Text, st *styles, orig *crisis.Entry, width, height int) *entryForm {
	f := &entryForm{s: s, tx: tx, st: st, focus: fieldText}
	if orig != nil {
		f.amends = orig.ID
		f.orig = crisis.SanitizeLine(orig.Text)
		for i, k := range crisis.Kinds {
			if k == orig.Kind {
				f.kind = i
			}
		}
	}

	// One rune over the limit: a longer paste is cut there and then refused
	// by the service with its message, never saved cut short in silence.
	f.text = kit.NewFormArea(s, tx.TextPlaceholder, crisis.MaxEntryBytes+1)
	f.when = kit.NewTextInput(s, "", tx.WhenPlaceholder, 40)

	f.setSize(width, height)
	return f
}

// setError shows the service's refusal of a save; the text field gives up
// lines if the message needs more than one.
func (f *entryForm) setError(msg string) {
	f.saving, f.err = false, msg
	f.layout()
}

// focusCmd gives the keyboard to the focused field.
func (f *entryForm) focusCmd() tea.Cmd {
	f.text.Blur()
	f.when.Blur()
	switch f.focus {
	case fieldText:
		return f.text.Focus()
	case fieldWhen:
		return f.when.Focus()
	}
	return nil
}

func (f *entryForm) setSize(width, height int) {
	f.width, f.height = width, height
	f.text.SetWidth(max(width-3, 10))
	f.when.SetWidth(max(min(width-kit.LabelWidth-4, 40), 10))
	f.layout()
}

// layout gives the text field the lines the other parts leave.
func (f *entryForm) layout() {
	fixed := 6 // title, blank, text label, when, hint, blank
	if f.amends != 0 {
		fixed++
	}
	fixed += len(f.kindLines()) + max(len(f.errLines()), 1)
	f.text.SetHeight(max(f.height-fixed, 2))
}

// kindLines renders the kind choices after their label, wrapped under
// the input column when the terminal is narrow.
func (f *entryForm) kindLines() []string {
	sty, t := f.s.St, f.s.Text
	var kinds []string
	for i, kd := range crisis.Kinds {
		label := t.Kind(kd)
		switch {
		case i == f.kind && f.focus == fieldKind:
			kinds = append(kinds, sty.Chosen.Render("["+label+"]"))
		case i == f.kind:
			kinds = append(kinds, f.st.kindStyle(kd).Render("["+label+"]"))
		default:
			kinds = append(kinds, sty.Choice.Render(" "+label+" "))
		}
	}
	return kit.AfterLabel(f.label(fieldKind, f.tx.KindField), strings.Join(kinds, ""), f.width)
}

func (f *entryForm) errLines() []string { return kit.ErrorLines(f.err, f.width) }

func (f *entryForm) dirty() bool {
	return strings.TrimSpace(f.text.Value()) != "" || strings.TrimSpace(f.when.Value()) != ""
}

func (f *entryForm) draft() crisis.Draft {
	return crisis.Draft{Kind: crisis.Kinds[f.kind], Text: f.text.Value(), When: f.when.Value()}
}

// key handles a key press; the owner acts on the returned action.
func (f *entryForm) key(msg tea.KeyPressMsg) (kit.FormAction, tea.Cmd) {
	k := f.s.Keys
	if f.saving {
		// The answer is on its way; only quitting is possible, and asked
		// about, since the save may yet fail.
		if key.Matches(msg, k.ForceQuit) {
			f.confirm = kit.ConfirmQuit
		}
		if f.confirm == kit.ConfirmNone {
			return kit.FormNone, nil
		}
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
		f.focus = formField(kit.StepField(int(f.focus), 1, int(fieldCount)))
		return kit.FormNone, f.focusCmd()
	case key.Matches(msg, k.PrevField):
		f.focus = formField(kit.StepField(int(f.focus), -1, int(fieldCount)))
		return kit.FormNone, f.focusCmd()
	}

	switch f.focus {
	case fieldKind:
		return kit.FormNone, f.kindKey(msg)
	case fieldWhen:
		if msg.Code == tea.KeyEnter {
			// The last field: Enter saves, as forms do.
			return kit.FormSave, nil
		}
	}
	return kit.FormNone, f.update(msg)
}

// kindKey picks the kind: left/right, or a label's first letter (again to
// go on to the next kind with that letter), Enter to move on to the text.
func (f *entryForm) kindKey(msg tea.KeyPressMsg) tea.Cmd {
	k := f.s.Keys
	n := len(crisis.Kinds)
	switch {
	case key.Matches(msg, k.KindPrev):
		f.kind = kit.StepField(f.kind, -1, n)
	case key.Matches(msg, k.KindNext):
		f.kind = kit.StepField(f.kind, 1, n)
	case msg.Code == tea.KeyEnter:
		f.focus = fieldText
		return f.focusCmd()
	case msg.Text != "":
		labels := make([]string, n)
		for i, kd := range crisis.Kinds {
			labels[i] = f.s.Text.Kind(kd)
		}
		f.kind = kit.NextByLetter(labels, f.kind, msg.Text)
	}
	return nil
}

// update feeds a message to the focused text field.
func (f *entryForm) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch f.focus {
	case fieldText:
		f.text, cmd = f.text.Update(msg)
	case fieldWhen:
		f.when, cmd = f.when.Update(msg)
	}
	return cmd
}

func (f *entryForm) label(field formField, name string) string {
	return f.s.FieldLabel(f.focus == field && f.confirm == kit.ConfirmNone, name)
}

func (f *entryForm) view() string {
	sty, t := f.s.St, f.s.Text
	title := f.tx.NewEntryTitle
	if f.amends != 0 {
		title = fmt.Sprintf(f.tx.CorrectTitle, f.amends)
	}
	lines := []string{" " + sty.FormTitle.Render(title)}
	if f.amends != 0 {
		orig := fmt.Sprintf(f.tx.Original, f.amends, f.orig)
		lines = append(lines, " "+f.st.original.Render(kit.Cut(orig, f.width-2)))
	}
	lines = append(lines, "")

	// Kind: every kind, the chosen one in brackets.
	lines = append(lines, f.kindLines()...)

	lines = append(lines, f.label(fieldText, f.tx.TextField))
	for _, l := range strings.Split(f.text.View(), "\n") {
		lines = append(lines, "  "+l)
	}

	lines = append(lines,
		kit.PadLabel(f.label(fieldWhen, f.tx.WhenField))+f.when.View(),
		strings.Repeat(" ", kit.LabelWidth)+sty.Hint.Render(fmt.Sprintf(f.tx.WhenHint, f.s.Svc.Now().In(f.s.Svc.Location()).Format("MST"))),
		"")

	lines = append(lines, f.s.FormStatus(f.confirm, t.ConfirmDiscard, f.saving, f.errLines())...)
	return kit.FitHeight(strings.Join(lines, "\n"), f.height)
}

// help lists the form's keys: only y/n while it asks a question.
func (f *entryForm) help() kit.HelpKeys {
	k := f.s.Keys
	if f.focus == fieldKind {
		return k.FormHelp(f.confirm, k.KindPrev)
	}
	return k.FormHelp(f.confirm)
}
