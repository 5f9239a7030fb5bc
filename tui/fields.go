package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
)

// The pieces every form of the console is built from, so a text field,
// a label or a yes/no question looks and answers the same on every tab.

// newTextInput is a one-line field. Its limit is the caller's: one rune
// over the service's limit makes a longer paste refused with its message,
// never saved cut short in silence.
func newTextInput(st *styles, prompt, placeholder string, limit int) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	in.CharLimit = limit
	in.KeyMap.Paste.SetEnabled(false) // it would read the server's clipboard
	ist := in.Styles()
	ist.Cursor.Blink = false // a blinking cursor is a frame twice a second
	ist.Focused.Placeholder = st.hint
	ist.Blurred.Placeholder = st.hint
	in.SetStyles(ist)
	return in
}

// newTextArea is a multi-line field that keeps its prompt's colour when
// focused; the caller sets its height.
func newTextArea(st *styles, placeholder string, limit int) textarea.Model {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	ta.Placeholder = placeholder
	ta.CharLimit = limit
	// ctrl+v and copy would use the clipboard of the machine running the
	// server, not the user's: the terminal's own paste still works.
	ta.KeyMap.Paste.SetEnabled(false)
	ta.KeyMap.CopySelection.SetEnabled(false)
	tst := ta.Styles()
	tst.Cursor.Blink = false // a blinking cursor is a frame twice a second
	tst.Focused.CursorLine = lipgloss.NewStyle()
	tst.Focused.Prompt = st.labelFocused
	tst.Focused.Placeholder = st.hint
	tst.Blurred.Placeholder = st.hint
	ta.SetStyles(tst)
	return ta
}

// newFormArea is a text area of a form with several fields: as high as
// the layout says, and plain when another field has the keyboard.
func newFormArea(st *styles, placeholder string, limit int) textarea.Model {
	ta := newTextArea(st, placeholder, limit)
	ta.MaxHeight = 0 // the layout sets the height
	tst := ta.Styles()
	tst.Blurred.Prompt = st.label
	tst.Blurred.Text = lipgloss.NewStyle()
	tst.Blurred.CursorLine = lipgloss.NewStyle()
	ta.SetStyles(tst)
	return ta
}

// stepField moves a focus index by delta through n fields, round the end.
func stepField(focus, delta, n int) int {
	return (focus + delta%n + n) % n
}

// nextByLetter picks the next choice after cur whose label starts with
// the typed letter (typed again, the one after); cur when none does.
func nextByLetter(labels []string, cur int, typed string) int {
	letter := strings.ToLower(typed)
	n := len(labels)
	for i := 1; i <= n; i++ {
		j := (cur + i) % n
		if strings.HasPrefix(strings.ToLower(labels[j]), letter) {
			return j
		}
	}
	return cur
}

// fieldLabel renders a field's name, marked when it has the keyboard.
func (s *session) fieldLabel(focused bool, name string) string {
	if focused {
		return s.st.labelFocused.Render("› " + name)
	}
	return s.st.label.Render("  " + name)
}

// choiceWords renders each choice, the chosen one in brackets.
func (s *session) choiceWords(labels []string, chosen int, focused bool) []string {
	sty := s.st
	words := make([]string, len(labels))
	for i, l := range labels {
		switch {
		case i == chosen && focused:
			words[i] = sty.chosen.Render("[" + l + "]")
		case i == chosen:
			words[i] = sty.formTitle.Render("[" + l + "]")
		default:
			words[i] = sty.choice.Render(" " + l + " ")
		}
	}
	return words
}

// afterLabel puts body after a rendered label, wrapped under the input
// column when the terminal is narrow.
func afterLabel(label, body string, width int) []string {
	wrapped := strings.Split(ansi.Wrap(body, max(width-labelWidth-1, 10), ""), "\n")
	lines := make([]string, len(wrapped))
	for i, l := range wrapped {
		if i == 0 {
			lines[i] = padLabel(label) + l
		} else {
			lines[i] = strings.Repeat(" ", labelWidth) + l
		}
	}
	return lines
}

// errorLines wraps a refusal to the form's width.
func errorLines(msg string, width int) []string {
	if msg == "" {
		return nil
	}
	return strings.Split(ansi.Wrap(crisis.SanitizeLine(msg), max(width-2, 10), ""), "\n")
}

// answer handles a key while the form asks its yes/no question: yes drops
// the text (and quits when quitting was asked), no goes back to the form.
// Other keys leave the question asked.
func (c *confirmKind) answer(msg tea.KeyPressMsg, yes, no key.Binding) formAction {
	switch {
	case key.Matches(msg, yes):
		if *c == confirmQuit {
			return formQuit
		}
		return formCancel
	case key.Matches(msg, no):
		*c = confirmNone
	}
	return formNone
}

// leave is Esc (want formCancel) or ctrl+c (want formQuit) in a form: at
// once when nothing is typed, else the form asks first.
func (c *confirmKind) leave(want formAction, dirty bool) formAction {
	if !dirty {
		return want
	}
	*c = confirmDiscard
	if want == formQuit {
		*c = confirmQuit
	}
	return formNone
}

// oneGroup is the help of a form or a question: the same keys short and
// full.
func oneGroup(keys ...key.Binding) helpKeys {
	return helpKeys{short: keys, full: [][]key.Binding{keys}}
}

// confirmHelp is the help while a form asks its yes/no question.
func (k *keyMap) confirmHelp() helpKeys { return oneGroup(k.Yes, k.No) }

// formStatus is what a form shows under its fields: the question it asks
// (discard is its own wording of dropping the text), that the save is on
// its way, or the service's refusal.
func (s *session) formStatus(c confirmKind, discard string, saving bool, errLines []string) []string {
	sty := s.st
	switch {
	case c == confirmDiscard:
		return []string{" " + sty.confirm.Render(discard)}
	case c == confirmQuit:
		return []string{" " + sty.confirm.Render(s.text.ConfirmQuit)}
	case saving:
		return []string{" " + sty.hint.Render(s.text.Saving)}
	}
	lines := make([]string, len(errLines))
	for i, l := range errLines {
		lines[i] = " " + sty.formError.Render(l)
	}
	return lines
}

// formHelp is the help of a form with several fields: its question's
// answers while it asks one, else save, cancel, the field keys and the
// focused field's own keys (extra).
func (k *keyMap) formHelp(c confirmKind, extra ...key.Binding) helpKeys {
	if c != confirmNone {
		return k.confirmHelp()
	}
	return oneGroup(append([]key.Binding{k.Save, k.Cancel, k.NextField, k.PrevField}, extra...)...)
}
