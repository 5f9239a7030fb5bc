package timeline

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// styles are the tab's own, drawn from the session's palette; the list's
// and the forms' are the kit's.
type styles struct {
	when, corrects, original lipgloss.Style
	kind                     map[crisis.Kind]lipgloss.Style
}

func newStyles(p kit.Palette) *styles {
	plain := lipgloss.NewStyle()
	fg := func(c color.Color) lipgloss.Style { return plain.Foreground(c) }
	return &styles{
		when:     plain,
		corrects: fg(p.Warning),
		original: fg(p.Muted),
		kind: map[crisis.Kind]lipgloss.Style{
			crisis.KindFact:          fg(p.Accent).Bold(true),
			crisis.KindInfo:          fg(p.Info).Bold(true),
			crisis.KindDecision:      fg(p.Strong).Bold(true),
			crisis.KindAction:        fg(p.OK).Bold(true),
			crisis.KindCommunication: fg(p.Warning).Bold(true),
			crisis.KindEscalation:    fg(p.Error).Bold(true),
			crisis.KindClosure:       plain.Bold(true).Underline(true),
		},
	}
}

// kindStyle falls back to plain text for a kind this binary does not know.
func (s *styles) kindStyle(k crisis.Kind) lipgloss.Style {
	if st, ok := s.kind[k]; ok {
		return st
	}
	return lipgloss.NewStyle()
}
