package kit

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

// NewTextInput is a one-line field. Its limit is the caller's: one rune
// over the service's limit makes a longer paste refused with its message,
// never saved cut short in silence.
func NewTextInput(s *Session, prompt, placeholder string, limit int) Input {
	st := s.St
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	in.CharLimit = limit
	in.KeyMap.Paste.SetEnabled(false) // it would read the server's clipboard
	in.SetStyles(st.Input)
	return s.Bound(in)
}

// NewTextArea is a multi-line field that keeps its prompt's colour when
// focused; the caller sets its height.
func NewTextArea(s *Session, placeholder string, limit int) Area {
	st := s.St
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	ta.Placeholder = placeholder
	ta.CharLimit = limit
	// ctrl+v and copy would use the clipboard of the machine running the
	// server, not the user's: the terminal's own paste still works.
	ta.KeyMap.Paste.SetEnabled(false)
	ta.KeyMap.CopySelection.SetEnabled(false)
	// The palette's colours; its prompt keeps its colour when focused, and
	// the cursor does not blink (a blinking cursor is a frame twice a second).
	tst := st.Area
	tst.Blurred.Prompt, tst.Blurred.Text = tst.Focused.Prompt, tst.Focused.Text
	ta.SetStyles(tst)
	return s.BoundArea(ta)
}

// NewFormArea is a text area of a form with several fields: as high as
// the layout says, and plain when another field has the keyboard.
func NewFormArea(s *Session, placeholder string, limit int) Area {
	st := s.St
	ta := NewTextArea(s, placeholder, limit)
	ta.MaxHeight = 0 // the layout sets the height
	tst := ta.Styles()
	tst.Blurred.Prompt = st.Label
	tst.Blurred.Text = lipgloss.NewStyle()
	tst.Blurred.CursorLine = lipgloss.NewStyle()
	ta.SetStyles(tst)
	return ta
}

// StepField moves a focus index by delta through n fields, round the end.
func StepField(focus, delta, n int) int {
	return (focus + delta%n + n) % n
}

// NextByLetter picks the next choice after cur whose label starts with
// the typed letter (typed again, the one after); cur when none does.
func NextByLetter(labels []string, cur int, typed string) int {
	letter := crisis.FoldForSearch(typed)
	n := len(labels)
	for i := 1; i <= n; i++ {
		j := (cur + i) % n
		if strings.HasPrefix(crisis.FoldForSearch(labels[j]), letter) {
			return j
		}
	}
	return cur
}

// FieldLabel renders a field's name, marked when it has the keyboard.
func (s *Session) FieldLabel(focused bool, name string) string {
	if focused {
		return s.St.LabelFocused.Render("› " + name)
	}
	return s.St.Label.Render("  " + name)
}

// ChoiceWords renders each choice, the chosen one in brackets.
func (s *Session) ChoiceWords(labels []string, chosen int, focused bool) []string {
	sty := s.St
	words := make([]string, len(labels))
	for i, l := range labels {
		switch {
		case i == chosen && focused:
			words[i] = sty.Chosen.Render("[" + l + "]")
		case i == chosen:
			words[i] = sty.FormTitle.Render("[" + l + "]")
		default:
			words[i] = sty.Choice.Render(" " + l + " ")
		}
	}
	return words
}

// AfterLabel puts body after a rendered label, wrapped under the input
// column when the terminal is narrow.
func AfterLabel(label, body string, width int) []string {
	wrapped := strings.Split(ansi.Wrap(body, max(width-LabelWidth-1, 10), ""), "\n")
	lines := make([]string, len(wrapped))
	for i, l := range wrapped {
		if i == 0 {
			lines[i] = PadLabel(label) + l
		} else {
			lines[i] = strings.Repeat(" ", LabelWidth) + l
		}
	}
	return lines
}

// ErrorLines wraps a refusal to the form's width.
func ErrorLines(msg string, width int) []string {
	if msg == "" {
		return nil
	}
	return strings.Split(ansi.Wrap(crisis.SanitizeLine(msg), max(width-2, 10), ""), "\n")
}

// Answer handles a key while the form asks its yes/no question: yes drops
// the text (and quits when quitting was asked), no goes back to the form.
// Other keys Leave the question asked.
func (c *Confirm) Answer(msg tea.KeyPressMsg, yes, no key.Binding) FormAction {
	switch {
	case key.Matches(msg, yes):
		if *c == ConfirmQuit {
			return FormQuit
		}
		return FormCancel
	case key.Matches(msg, no):
		*c = ConfirmNone
	}
	return FormNone
}

// Leave is Esc (want FormCancel) or ctrl+c (want FormQuit) in a form: at
// once when nothing is typed, else the form asks first.
func (c *Confirm) Leave(want FormAction, dirty bool) FormAction {
	if !dirty {
		return want
	}
	*c = ConfirmDiscard
	if want == FormQuit {
		*c = ConfirmQuit
	}
	return FormNone
}

// OneGroup is the help of a form or a question: the same keys short and
// full.
func OneGroup(keys ...key.Binding) HelpKeys {
	return HelpKeys{Short: keys, Full: [][]key.Binding{keys}}
}

// ConfirmHelp is the help while a form asks its yes/no question.
func (k *Keys) ConfirmHelp() HelpKeys { return OneGroup(k.Yes, k.No) }

// FormStatus is what a form shows under its fields: the question it asks
// (discard is its own wording of dropping the text), that the save is on
// its way, or the service's refusal.
func (s *Session) FormStatus(c Confirm, discard string, saving bool, errLines []string) []string {
	sty := s.St
	switch {
	case c == ConfirmDiscard:
		return []string{" " + sty.Confirm.Render(discard)}
	case c == ConfirmQuit:
		return []string{" " + sty.Confirm.Render(s.Text.ConfirmQuit)}
	case saving:
		return []string{" " + sty.Hint.Render(s.Text.Saving)}
	}
	lines := make([]string, len(errLines))
	for i, l := range errLines {
		lines[i] = " " + sty.FormError.Render(l)
	}
	return lines
}

// FormHelp is the help of a form with several fields: its question's
// answers while it asks one, else save, cancel, the field keys and the
// focused field's own keys (extra).
func (k *Keys) FormHelp(c Confirm, extra ...key.Binding) HelpKeys {
	if c != ConfirmNone {
		return k.ConfirmHelp()
	}
	return OneGroup(append([]key.Binding{k.Save, k.Cancel, k.NextField, k.PrevField}, extra...)...)
}

// FormAction is what the form asks of its owner after a key.
type FormAction int

const (
	FormNone FormAction = iota
	FormSave
	FormCancel
	FormQuit
)

// Confirm is the yes/no question the form is asking, if any: typed text
// is never thrown away on one key press.
type Confirm int

const (
	ConfirmNone Confirm = iota
	ConfirmDiscard
	ConfirmQuit
)

// LabelWidth lines the fields' inputs up after their labels.
const LabelWidth = 14

// PadLabel pads a rendered label to the input column.
func PadLabel(s string) string {
	if w := lipgloss.Width(s); w < LabelWidth {
		return s + strings.Repeat(" ", LabelWidth-w)
	}
	return s + " "
}
