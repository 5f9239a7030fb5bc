package tui

import (
	"fmt"

	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
)

// handoverFlag is the right end of the header's third line: a shift
// handover that the incoming person has not acknowledged yet, so nobody
// takes over without reading it, in room cells at most. Empty when there
// is none.
func handoverFlag(s *session, st crisis.Status, room int) string {
	pending := st.PendingHandovers
	if len(pending) == 0 {
		return ""
	}
	t := &s.text.Header
	text := fmt.Sprintf(t.HandoverPending, pending[0].ID, crisis.SanitizeLine(pending[0].By))
	if len(pending) > 1 {
		text = fmt.Sprintf(t.HandoverPendingMany, len(pending))
	}
	text = ansi.Truncate(text, max(room, 12), "…")
	return s.St.FilterActive.Render(text)
}
