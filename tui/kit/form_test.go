package kit

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func formSession() *Session {
	t := TextFor("en")
	return &Session{Text: t, St: NewStyles(Dark()), Keys: NewKeys(t.Help)}
}

func press(f *Form, k string) FormAction {
	var msg tea.KeyPressMsg
	switch k {
	case "tab":
		msg = tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		msg = tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "esc":
		msg = tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		msg = tea.KeyPressMsg{Code: tea.KeyEnter}
	case "right":
		msg = tea.KeyPressMsg{Code: tea.KeyRight}
	case "backspace":
		msg = tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+s":
		msg = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	default:
		msg = tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
	}
	act, _ := f.Key(msg)
	return act
}

func typeIn(f *Form, s string) {
	for _, r := range s {
		press(f, string(r))
	}
}

// Tab and Shift-Tab go round the fields; a time the reader refuses is
// told beside its field and keeps the form open; the refusal goes once
// the field changes; Esc with text typed asks first.
func TestFormFieldsErrorsAndLeaving(t *testing.T) {
	s := formSession()
	f := NewForm(s, 80, 20)
	f.Discard = "Discard? y/n"
	f.Text("Title", "", "", 50)
	f.Choice("Kind", []string{"FACT", "INFO"}, 0)
	when := f.Time("When", "", "", func(v string) string {
		if v != "14:05" {
			return "cannot read " + v
		}
		return ""
	})
	f.FocusCmd()
	typeIn(f, "Hello")
	press(f, "tab")
	press(f, "right")
	if f.Fields[1].Chosen != 1 {
		t.Fatalf("right did not choose: %d", f.Fields[1].Chosen)
	}
	press(f, "tab")
	typeIn(f, "41:05")
	if act := press(f, "ctrl+s"); act != FormNone || when.Err == "" {
		t.Fatalf("an unreadable time was let through: %v %q", act, when.Err)
	}
	if view := ansi.Strip(f.View()); !strings.Contains(view, "cannot read 41:05") {
		t.Fatalf("the refusal is not shown:\n%s", view)
	}
	press(f, "backspace")
	if when.Err != "" || strings.Contains(ansi.Strip(f.View()), "cannot read") {
		t.Fatalf("the refusal stayed after the field changed")
	}
	typeIn(f, "5")
	press(f, "shift+tab")
	press(f, "shift+tab")
	press(f, "shift+tab")
	if f.Focus != 2 {
		t.Fatalf("shift+tab went to %d", f.Focus)
	}
	for range 5 {
		press(f, "backspace")
	}
	typeIn(f, "14:05")
	if act := press(f, "ctrl+s"); act != FormSave {
		t.Fatalf("a readable form did not save: %v", act)
	}
	if act := press(f, "esc"); act != FormNone || f.Confirm != ConfirmDiscard {
		t.Fatalf("esc with text did not ask: %v", act)
	}
	if act := press(f, "n"); act != FormNone || f.Confirm != ConfirmNone {
		t.Fatalf("n did not go back")
	}
	press(f, "esc")
	if act := press(f, "y"); act != FormCancel {
		t.Fatalf("y did not drop the text: %v", act)
	}
}

// A picker shows the choice in effect whatever moved it, and a search
// that hides it moves it to the first match: what is saved is what is
// shown.
func TestPickerChoiceIsAlwaysShown(t *testing.T) {
	s := formSession()
	f := NewForm(s, 80, 20)
	var names []string
	for _, n := range "abcdefghijkl" {
		names = append(names, "person-"+string(n))
	}
	p := f.Picker("Who", names, 0, true)
	p.Inline, p.Rows = true, 3
	f.FocusCmd()
	for range 8 {
		press(f, "right")
	}
	if p.Chosen != 8 || !strings.Contains(ansi.Strip(f.View()), "[person-i]") {
		t.Fatalf("chosen %d not shown:\n%s", p.Chosen, ansi.Strip(f.View()))
	}
	typeIn(f, "-k")
	if p.Chosen != 10 || !strings.Contains(ansi.Strip(f.View()), "[person-k]") {
		t.Fatalf("the search chose %d:\n%s", p.Chosen, ansi.Strip(f.View()))
	}
	typeIn(f, "zz")
	if !p.NoMatch() {
		t.Fatalf("a search matching nothing is not told")
	}
}
