package recovery

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"cellule/tui/kit"
)

// recoveryForm is the small form of the Recovery tab's actions: update an
// item, lift its gate, add, rename or move one; a kit.Form where Enter
// saves from any field. submit turns the fields into the service call; for
// a field it cannot read (a count that is not a number) it returns the
// field and why, shown beside it.
type recoveryForm struct {
	*kit.Form
	s      *kit.Session
	tx     *Text
	title  string
	hint   string
	submit func(f *recoveryForm) (cmd tea.Cmd, bad *kit.Field, why string)
}

func newRecoveryForm(s *kit.Session, tx *Text, title string, width int) *recoveryForm {
	f := &recoveryForm{Form: kit.NewForm(s, width, 24), s: s, tx: tx, title: title}
	sty := s.St
	f.Head = func(width int) []string {
		lines := []string{"", " " + sty.FormTitle.Render(kit.Cut(f.title, width-2))}
		if f.hint != "" {
			lines = append(lines, " "+sty.Hint.Render(kit.Cut(f.hint, width-2)))
		}
		return append(lines, "")
	}
	f.Foot = func(int) []string { return []string{"", " " + sty.Hint.Render(tx.FormHint)} }
	f.Discard = tx.ConfirmDiscard
	f.EnterSaves, f.Compact = true, true
	return f
}

// choice adds a choice field with the current choice selected; a choice
// of several words wraps as one.
func (f *recoveryForm) choice(label string, choices []string, current int) *kit.Field {
	words := make([]string, len(choices))
	for i, c := range choices {
		words[i] = strings.ReplaceAll(c, " ", "\u00a0")
	}
	return f.Choice(label, words, current)
}

// text adds a text field holding value, width cells wide at most.
func (f *recoveryForm) text(label, value, hint string, limit, width int) *kit.Field {
	fl := f.Text(label, value, "", limit)
	fl.After, fl.Width = hint, width
	return fl
}

// value is a text field's text, trimmed.
func value(fl *kit.Field) string { return strings.TrimSpace(fl.Value()) }

// key handles a key, as every form does: it returns what the form asks of
// its owner (to close, to quit) and a command; a save runs from here, the
// form staying open until its result.
func (f *recoveryForm) key(msg tea.KeyPressMsg) (kit.FormAction, tea.Cmd) {
	act, cmd := f.Key(msg)
	if act != kit.FormSave {
		return act, cmd
	}
	save, bad, why := f.submit(f)
	if bad != nil {
		f.FailField(bad, why)
		return kit.FormNone, nil
	}
	f.StartSaving()
	return kit.FormNone, save
}

func (f *recoveryForm) update(msg tea.Msg) tea.Cmd { return f.Update(msg) }

func (f *recoveryForm) focusCmd() tea.Cmd { return f.FocusCmd() }

func (f *recoveryForm) view(height int) string {
	f.SetSize(f.Width(), height)
	return f.View()
}
