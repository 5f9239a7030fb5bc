package kit

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A paste that fits in part is cut at the limit, a key into a full field
// adds nothing; both say so on the status line. Text that fits says
// nothing.
func TestBoundedFieldsStopAtTheirLimit(t *testing.T) {
	s := &Session{Text: TextFor("en"), St: NewStyles(Dark())}
	in := NewTextInput(s, "", "", 10)
	in.Focus()
	area := NewTextArea(s, "", 10)
	area.Focus()
	for _, f := range []struct {
		name   string
		update func(tea.Msg)
		length func() int
	}{
		{"input", func(m tea.Msg) { in, _ = in.Update(m) }, func() int { return len([]rune(in.Value())) }},
		{"area", func(m tea.Msg) { area, _ = area.Update(m) }, func() int { return area.Length() }},
	} {
		f.update(tea.PasteMsg{Content: "abcdé"})
		if n := s.Note(); n.Text != "" || f.length() != 5 {
			t.Fatalf("%s: text that fits: %d characters, note %q", f.name, f.length(), n.Text)
		}
		f.update(tea.PasteMsg{Content: strings.Repeat("é", 1000)})
		if n := s.Note(); f.length() != 10 || !n.IsErr || !strings.Contains(n.Text, "full (10 characters") {
			t.Fatalf("%s: a paste past the limit: %d characters, note %q", f.name, f.length(), n.Text)
		}
		s.ClearNote()
		f.update(tea.KeyPressMsg{Code: 'z', Text: "z"})
		if n := s.Note(); f.length() != 10 || !n.IsErr {
			t.Fatalf("%s: a key into the full field: %d characters, note %q", f.name, f.length(), n.Text)
		}
		s.ClearNote()
	}
}
