package tasks

import (
	"charm.land/lipgloss/v2"

	"cellule/tui/kit"
)

// taskStyles are the board's own styles, built per session like the rest.
type taskStyles struct {
	late, blocked, closed, fresh, heading, label lipgloss.Style
	prio                                         map[int]lipgloss.Style
}

func newTaskStyles(p kit.Palette) *taskStyles {
	plain := lipgloss.NewStyle()
	return &taskStyles{
		late:    plain.Foreground(p.Error).Bold(true),
		blocked: plain.Foreground(p.Warning).Bold(true),
		closed:  plain.Foreground(p.Muted),
		fresh:   plain.Foreground(p.Warning).Bold(true).Reverse(true),
		heading: plain.Bold(true).Underline(true),
		label:   plain.Foreground(p.Muted),
		prio: map[int]lipgloss.Style{
			1: plain.Foreground(p.Error).Bold(true),
			2: plain.Foreground(p.Warning),
			3: plain.Foreground(p.Muted),
		},
	}
}
