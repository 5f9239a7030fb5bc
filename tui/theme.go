package tui

import (
	tea "charm.land/bubbletea/v2"

	"cellule/tui/kit"
)

// restyle takes the shell's styles for the session's theme (built once
// per theme for every console, kit.ForTheme).
func (s *session) restyle() {
	s.recovery = kit.ForTheme(s.Session, "kit.recovery", kit.NewRecoveryStyles)
	s.sh = kit.ForTheme(s.Session, "shell.styles", newShellStyles)
}

// background takes the terminal's answer to the background-colour query:
// with the auto theme, a light background gets the light palette. Only
// the first answer counts (a terminal that answers twice does not make the
// screen flicker), and a user's own choice is never overridden.
func (m *model) background(msg tea.BackgroundColorMsg) {
	if !m.auto || msg.Color == nil {
		m.quiet = true
		return
	}
	m.auto = false
	theme := kit.ThemeDark
	if !msg.IsDark() {
		theme = kit.ThemeLight
	}
	if theme == m.s.Theme {
		m.quiet = true
		return
	}
	m.s.SetTheme(theme)
	m.s.restyle()
	m.help.Styles = m.s.St.Help
	m.drawn = drawn{}
	for _, t := range m.tabs {
		if r, ok := t.model.(kit.Restyler); ok {
			r.Restyle()
		}
	}
}
