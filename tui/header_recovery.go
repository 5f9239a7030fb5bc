package tui

import (
	"image/color"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// summaryBarWidth is the width of each phase's bar in the header.
const summaryBarWidth = 5

// recoveryStyles are the recovery's colours; the bars read without them
// (full and empty cells differ), as on a terminal without colours.
type recoveryStyles struct {
	fill, fillDone, empty, label, number, phaseName, phaseState, validated lipgloss.Style
	state                                                                  map[crisis.ItemState]lipgloss.Style
	override, owner, note, detail, count                                   lipgloss.Style
}

func newRecoveryStyles() recoveryStyles {
	p := kit.Dark()
	plain := lipgloss.NewStyle()
	fg := func(c color.Color) lipgloss.Style { return plain.Foreground(c) }
	return recoveryStyles{
		fill:       fg(p.Accent),
		fillDone:   fg(p.OK),
		empty:      fg(p.Muted),
		label:      fg(p.Muted),
		number:     plain.Bold(true),
		phaseName:  plain.Bold(true),
		phaseState: fg(p.Muted),
		validated:  fg(p.OK).Bold(true),
		state: map[crisis.ItemState]lipgloss.Style{
			crisis.StateIsolated:      fg(p.Muted),
			crisis.StateInvestigating: fg(p.Warning),
			crisis.StateCleaned:       fg(p.Info),
			crisis.StateRebuilt:       fg(p.Info),
			crisis.StateVerified:      fg(p.Accent),
			crisis.StateInService:     fg(p.OK).Bold(true),
			crisis.StateCompromised:   fg(p.Error).Bold(true),
		},
		override: fg(p.Strong).Bold(true),
		owner:    fg(p.Accent),
		note:     fg(p.Muted),
		detail:   fg(p.Muted),
		count:    plain,
	}
}

// progressBar draws pct (0-100) in width cells, rounded down: a full bar
// means 100%, never 97%.
func progressBar(st recoveryStyles, pct, width int, validated bool) string {
	full := min(max(pct, 0), 100) * width / 100
	fill := st.fill
	if validated {
		fill = st.fillDone
	}
	return fill.Render(strings.Repeat("█", full)) + st.empty.Render(strings.Repeat("░", width-full))
}

// recoverySummary is the left of the header's third line: a small bar per
// phase, a tick after the validated ones.
func recoverySummary(s *session, phases []crisis.PhaseProgress) string {
	if len(phases) == 0 {
		return ""
	}
	st := s.recovery
	parts := []string{st.label.Render(s.text.Recovery.Summary)}
	for _, ph := range phases {
		done := ph.State == crisis.PhaseValidated
		mark := " "
		if done {
			mark = st.validated.Render("✓")
		}
		parts = append(parts, st.number.Render(strconv.Itoa(ph.Number))+" "+progressBar(st, ph.Progress, summaryBarWidth, done)+mark)
	}
	return strings.Join(parts, " ")
}
