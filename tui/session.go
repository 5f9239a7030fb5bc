package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
)

// IdleWarningMsg tells the console that its session will be closed for
// inactivity in Left unless a key is pressed. The server sends it.
type IdleWarningMsg struct{ Left time.Duration }

// PasteRefusedMsg tells the console that the server dropped a paste longer
// than Limit bytes before it reached the program.
type PasteRefusedMsg struct{ Limit int }

// hasUnsaved reports whether any tab holds text not saved yet (an open
// form, kit.Tab's Unsaved): the idle warning is louder then.
func (m *model) hasUnsaved() bool {
	if m.picker != nil && m.picker.IsDirty() {
		return true // a stage's note
	}
	for _, t := range m.tabs {
		if t.model.Unsaved() {
			return true
		}
	}
	return false
}

// sessionNotice shows a message from the server about this session on the
// status line.
func (m *model) sessionNotice(msg tea.Msg) {
	switch msg := msg.(type) {
	case IdleWarningMsg:
		left := msg.Left.Round(time.Second)
		if left < time.Second {
			left = time.Second
		}
		format := m.s.text.IdleWarning
		if m.hasUnsaved() {
			format = m.s.text.IdleWarningUnsaved
		}
		m.s.Notify(m.s.Action(), fmt.Sprintf(format, left), true, m.status.Entries)
	case PasteRefusedMsg:
		m.s.Notify(m.s.Action(), fmt.Sprintf(m.s.text.PasteRefused, msg.Limit), true, m.status.Entries)
	}
}
