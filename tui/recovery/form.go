package recovery

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cellule/tui/kit"
)

// rfField is one line of a recovery form: a choice among a few words
// (left/right), or a one-line text input.
type rfField struct {
	label   string
	choices []string // a choice field when set
	choice  int
	input   kit.Input
	hint    string
	initial string // the text the field opened with
}

func (f *rfField) value() string { return strings.TrimSpace(f.input.Value()) }

// recoveryForm is the small form of the Recovery tab's actions: update an
// item, lift its gate, add, rename or move one. submit turns the fields
// into the service call; it returns an error text for a field it cannot
// read (a count that is not a number), shown in the form.
type recoveryForm struct {
	s      *kit.Session
	tx     *Text
	title  string
	hint   string
	fields []*rfField
	focus  int
	err    string
	saving bool
	submit func(f *recoveryForm) (tea.Cmd, string)
	width  int

	// confirm is the question asked before typed text is dropped.
	confirm kit.Confirm
}

func newRecoveryForm(s *kit.Session, tx *Text, title string, width int) *recoveryForm {
	return &recoveryForm{s: s, tx: tx, title: title, width: width}
}

// choice adds a choice field with the current choice selected.
func (f *recoveryForm) choice(label string, choices []string, current int) *rfField {
	fl := &rfField{label: label, choices: choices, choice: current}
	f.fields = append(f.fields, fl)
	return fl
}

// text adds a text field holding value, width cells wide at most.
func (f *recoveryForm) text(label, value, hint string, limit, width int) *rfField {
	in := kit.NewTextInput(f.s, "", "", limit)
	in.SetWidth(max(min(f.width-kit.LabelWidth-4, width), 4))
	in.SetValue(value)
	in.CursorEnd()
	fl := &rfField{label: label, input: in, hint: hint, initial: strings.TrimSpace(value)}
	f.fields = append(f.fields, fl)
	return fl
}

// focusCmd gives the keyboard to the focused field.
func (f *recoveryForm) focusCmd() tea.Cmd {
	var cmd tea.Cmd
	for i, fl := range f.fields {
		if fl.choices != nil {
			continue
		}
		if i == f.focus {
			cmd = fl.input.Focus()
		} else {
			fl.input.Blur()
		}
	}
	return cmd
}

// key handles a key, as every form does: it returns what the form asks of
// its owner (to close, to quit) and a command; a save runs from here, the
// form staying open until its result.
func (f *recoveryForm) key(msg tea.KeyPressMsg) (kit.FormAction, tea.Cmd) {
	k := f.s.Keys
	if f.saving {
		if key.Matches(msg, k.ForceQuit) {
			return kit.FormQuit, nil
		}
		return kit.FormNone, nil
	}
	if f.confirm != kit.ConfirmNone {
		return f.confirm.Answer(msg, k.Yes, k.No), nil
	}
	switch {
	case key.Matches(msg, k.ForceQuit):
		return f.confirm.Leave(kit.FormQuit, f.dirty()), nil
	case key.Matches(msg, k.Cancel):
		return f.confirm.Leave(kit.FormCancel, f.dirty()), nil
	case msg.Code == tea.KeyEnter, key.Matches(msg, k.Save):
		cmd, bad := f.submit(f)
		if bad != "" {
			f.err = bad
			return kit.FormNone, nil
		}
		f.err, f.saving = "", true
		return kit.FormNone, cmd
	case key.Matches(msg, k.NextField):
		f.focus = kit.StepField(f.focus, 1, len(f.fields))
		return kit.FormNone, f.focusCmd()
	case key.Matches(msg, k.PrevField):
		f.focus = kit.StepField(f.focus, -1, len(f.fields))
		return kit.FormNone, f.focusCmd()
	}
	fl := f.fields[f.focus]
	if fl.choices != nil {
		n := len(fl.choices)
		switch {
		case key.Matches(msg, k.KindPrev):
			fl.choice = kit.StepField(fl.choice, -1, n)
		case key.Matches(msg, k.KindNext):
			fl.choice = kit.StepField(fl.choice, 1, n)
		case msg.Text != "":
			fl.choice = kit.NextByLetter(fl.choices, fl.choice, msg.Text)
		}
		return kit.FormNone, nil
	}
	return kit.FormNone, f.update(msg)
}

// update feeds a message (a key, a paste) to the focused text field; not
// while the form asks its question.
func (f *recoveryForm) update(msg tea.Msg) tea.Cmd {
	fl := f.fields[f.focus]
	if fl.choices != nil || f.confirm != kit.ConfirmNone {
		return nil
	}
	var cmd tea.Cmd
	fl.input, cmd = fl.input.Update(msg)
	return cmd
}

// failed shows the service's refusal; the form stays open with what was
// typed.
func (f *recoveryForm) failed(msg string) {
	f.saving, f.err = false, msg
}

func (f *recoveryForm) view(height int) string {
	sty := f.s.St
	lines := []string{"", " " + sty.FormTitle.Render(kit.Cut(f.title, f.width-2))}
	if f.hint != "" {
		lines = append(lines, " "+sty.Hint.Render(kit.Cut(f.hint, f.width-2)))
	}
	lines = append(lines, "")
	for i, fl := range f.fields {
		label := f.s.FieldLabel(i == f.focus, fl.label)
		if fl.choices != nil {
			words := make([]string, len(fl.choices))
			for j, c := range fl.choices {
				// A choice of several words wraps as one.
				words[j] = strings.ReplaceAll(c, " ", "\u00a0")
			}
			lines = append(lines, kit.AfterLabel(label, strings.Join(f.s.ChoiceWords(words, fl.choice, i == f.focus), ""), f.width)...)
		} else {
			body := fl.input.View()
			if fl.hint != "" {
				body += "  " + sty.Hint.Render(fl.hint)
			}
			lines = append(lines, kit.PadLabel(label)+body)
		}
	}
	lines = append(lines, "", " "+sty.Hint.Render(f.tx.FormHint))
	lines = append(lines, f.s.FormStatus(f.confirm, f.tx.ConfirmDiscard, f.saving, kit.ErrorLines(f.err, f.width))...)
	return kit.FitHeight(strings.Join(lines, "\n"), height)
}

func (f *recoveryForm) dirty() bool {
	for _, fl := range f.fields {
		if fl.choices == nil && fl.value() != fl.initial {
			return true
		}
	}
	return false
}
