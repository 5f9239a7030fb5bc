package tui

import (
	"strconv"
	"strings"

	"cellule/crisis"
	"cellule/tui/kit"
)

// summaryBarWidth is the width of each phase's bar in the header.
const summaryBarWidth = 5

// recoverySummary is the left of the header's third line: a small bar per
// phase, a tick after the validated ones, a pause mark after those whose
// validation is suspended.
func recoverySummary(s *session, phases []crisis.PhaseProgress) string {
	if len(phases) == 0 {
		return ""
	}
	st := s.recovery
	parts := []string{st.Label.Render(s.text.Header.RecoverySummary)}
	for _, ph := range phases {
		done := ph.State == crisis.PhaseValidated && !ph.Suspended
		mark := " "
		switch {
		case ph.Suspended:
			// Validated, but an earlier phase no longer is: gated again.
			mark = st.Suspended.Render(s.text.Header.SuspendedMark)
		case done:
			mark = st.Validated.Render("✓")
		}
		parts = append(parts, st.Number.Render(strconv.Itoa(ph.Number))+" "+kit.ProgressBar(st, ph.Progress, summaryBarWidth, done)+mark)
	}
	return strings.Join(parts, " ")
}
