package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// shellStyles are the header's and the tabs line's, drawn from the
// session's palette; the rest is the kit's and the tabs' own.
type shellStyles struct {
	product, crisisName, sep, clock, online, me lipgloss.Style
	stage                                       map[crisis.Stage]lipgloss.Style
	// dueSoon, dueWarn, dueLate: the nearest declaration's deadline, a
	// day, six hours away, and past.
	dueSoon, dueWarn, dueLate lipgloss.Style

	tabActive, tabInactive lipgloss.Style
}

func newShellStyles(p kit.Palette) *shellStyles {
	plain := lipgloss.NewStyle()
	fg := func(c color.Color) lipgloss.Style { return plain.Foreground(c) }
	return &shellStyles{
		product:    plain.Bold(true),
		crisisName: plain.Bold(true),
		sep:        fg(p.Muted),
		clock:      fg(p.Accent).Bold(true),
		online:     plain,
		me:         fg(p.Muted),
		dueSoon:    fg(p.Accent),
		dueWarn:    fg(p.Warning).Bold(true),
		dueLate:    fg(p.Late).Bold(true),
		stage: map[crisis.Stage]lipgloss.Style{
			crisis.StageAlert:         fg(p.Error).Bold(true),
			crisis.StageQualification: fg(p.Warning).Bold(true),
			crisis.StageContainment:   fg(p.Warning).Bold(true),
			crisis.StageInvestigation: fg(p.Info).Bold(true),
			crisis.StageRemediation:   fg(p.Accent).Bold(true),
			crisis.StageEnd:           fg(p.OK).Bold(true),
		},

		tabActive:   plain.Bold(true).Reverse(true),
		tabInactive: fg(p.Muted),
	}
}

// stageStyle falls back to bold text for a stage this binary does not
// know.
func (s *shellStyles) stageStyle(st crisis.Stage) lipgloss.Style {
	if v, ok := s.stage[st]; ok {
		return v
	}
	return lipgloss.NewStyle().Bold(true)
}
