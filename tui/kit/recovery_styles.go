package kit

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"

	"cellule/crisis"
)

// RecoveryStyles are the recovery's colours, drawn by the Recovery tab and
// the header's summary; the bars read without them
// (full and empty cells differ), as on a terminal without colours.
type RecoveryStyles struct {
	Fill, FillDone, Empty, Label, Number, PhaseName, PhaseState, Validated lipgloss.Style
	// Suspended marks a validation that does not stand for now.
	Suspended                            lipgloss.Style
	State                                map[crisis.ItemState]lipgloss.Style
	Override, Owner, Note, Detail, Count lipgloss.Style
}

// NewRecoveryStyles draws a palette's recovery styles (shared between
// consoles: a pointer, not a copy per session).
func NewRecoveryStyles(p Palette) *RecoveryStyles {
	plain := lipgloss.NewStyle()
	fg := func(c color.Color) lipgloss.Style { return plain.Foreground(c) }
	return &RecoveryStyles{
		Fill:       fg(p.Accent),
		FillDone:   fg(p.OK),
		Empty:      fg(p.Muted),
		Label:      fg(p.Muted),
		Number:     plain.Bold(true),
		PhaseName:  plain.Bold(true),
		PhaseState: fg(p.Muted),
		Validated:  fg(p.OK).Bold(true),
		Suspended:  fg(p.Warning).Bold(true),
		State: map[crisis.ItemState]lipgloss.Style{
			crisis.StateIsolated:      fg(p.Muted),
			crisis.StateInvestigating: fg(p.Warning),
			crisis.StateCleaned:       fg(p.Info),
			crisis.StateRebuilt:       fg(p.Info),
			crisis.StateVerified:      fg(p.Accent),
			crisis.StateInService:     fg(p.OK).Bold(true),
			crisis.StateCompromised:   fg(p.Error).Bold(true),
		},
		Override: fg(p.Strong).Bold(true),
		Owner:    fg(p.Accent),
		Note:     fg(p.Muted),
		Detail:   fg(p.Muted),
		Count:    plain,
	}
}

// ProgressBar draws pct (0-100) in width cells, rounded down: a full bar
// means 100%, never 97%.
func ProgressBar(st *RecoveryStyles, pct, width int, validated bool) string {
	full := min(max(pct, 0), 100) * width / 100
	fill := st.Fill
	if validated {
		fill = st.FillDone
	}
	return fill.Render(strings.Repeat("█", full)) + st.Empty.Render(strings.Repeat("░", width-full))
}
