package kit

import (
	"fmt"
	"unicode/utf8"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// Every text field of the console holds at most its limit: the service's
// own limit plus one rune, so that a text one rune too long is refused
// with the service's message rather than saved cut short. What a key or a
// paste would add past it is dropped, and the status line says so: a
// responder typing megabytes into the entry form, or a viewer into a
// search, costs the server no more than a full field. Limits count runes,
// so a field holds at most four bytes per rune of its limit.

// Input is a one-line field bounded by its CharLimit.
type Input struct {
	textinput.Model
	s *Session
}

// Area is a multi-line field bounded by its CharLimit.
type Area struct {
	textarea.Model
	s *Session
}

// Bound makes a one-line field report, on s's status line, what it drops.
func (s *Session) Bound(m textinput.Model) Input { return Input{Model: m, s: s} }

// BoundArea makes a multi-line field report, on s's status line, what it
// drops.
func (s *Session) BoundArea(m textarea.Model) Area { return Area{Model: m, s: s} }

// Update is the field's Update, but for text past the limit: a key when
// the field is full is dropped at once, a paste is cut at the limit; both
// are told on the status line.
func (in Input) Update(msg tea.Msg) (Input, tea.Cmd) {
	typed := typedText(msg)
	if typed == "" || in.CharLimit <= 0 {
		var cmd tea.Cmd
		in.Model, cmd = in.Model.Update(msg)
		return in, cmd
	}
	have := utf8.RuneCountInString(in.Value())
	if have >= in.CharLimit {
		in.s.fieldFull(in.CharLimit)
		return in, nil
	}
	var cmd tea.Cmd
	in.Model, cmd = in.Model.Update(msg)
	if have+utf8.RuneCountInString(typed) > in.CharLimit {
		in.s.fieldFull(in.CharLimit)
	}
	return in, cmd
}

// Update is Input.Update for a multi-line field.
func (a Area) Update(msg tea.Msg) (Area, tea.Cmd) {
	typed := typedText(msg)
	if typed == "" || a.CharLimit <= 0 {
		var cmd tea.Cmd
		a.Model, cmd = a.Model.Update(msg)
		return a, cmd
	}
	have := a.Length()
	if have >= a.CharLimit {
		a.s.fieldFull(a.CharLimit)
		return a, nil
	}
	var cmd tea.Cmd
	a.Model, cmd = a.Model.Update(msg)
	if have+utf8.RuneCountInString(typed) > a.CharLimit {
		a.s.fieldFull(a.CharLimit)
	}
	return a, cmd
}

// typedText is the text a key or a paste would insert ("" for other
// messages and for keys that insert nothing).
func typedText(msg tea.Msg) string {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return msg.Text
	case tea.PasteMsg:
		return msg.Content
	}
	return ""
}

// fieldFull says on the status line that a field dropped what was typed
// past its limit.
func (s *Session) fieldFull(limit int) {
	if s == nil || s.Text == nil {
		return
	}
	s.Notify(s.Action(), fmt.Sprintf(s.Text.FieldFull, limit), true, 0)
}
