package tui

import (
	"fmt"
	"strings"
	"time"

	"cellule/crisis"
)

// Thresholds of the header's declaration flag: shown under a day before
// the deadline, in the warning style under six hours, as late past it.
const (
	dueShown = 24 * time.Hour
	dueWarn  = 6 * time.Hour
)

// dueFlag is the nearest running declaration deadline, for the header's
// first line, when it is under a day away: "CNIL due in 5h20", or "CNIL
// LATE 2h10" once past. Empty otherwise. To the minute, as the header's
// clock is.
func dueFlag(s *session, st crisis.Status, now time.Time) string {
	due := st.NextDue
	if due == nil || st.Crisis.Closed != nil {
		// A closed record takes no more declarations: nothing to act on.
		return ""
	}
	t := &s.text.Header
	name := strings.ToUpper(crisis.SanitizeLine(due.Name))
	left := due.Due.Sub(now)
	switch {
	case left > dueShown:
		return ""
	case left <= 0:
		return s.sh.dueLate.Render(fmt.Sprintf(t.DeclarationLate, name, crisis.DurationText(-left)))
	case left < dueWarn:
		return s.sh.dueWarn.Render(fmt.Sprintf(t.DeclarationDue, name, crisis.DurationText(left)))
	}
	return s.sh.dueSoon.Render(fmt.Sprintf(t.DeclarationDue, name, crisis.DurationText(left)))
}

// untilDueChange is how long until dueFlag reads differently (its minute
// turns, or it comes into view), 0 when no deadline runs. The minutes
// count from the deadline, so the wait ends on its second, not the
// crisis clock's: at most one more redraw a minute, never one a second.
func untilDueChange(due *crisis.ClockDue, now time.Time) time.Duration {
	if due == nil {
		return 0
	}
	left := due.Due.Sub(now)
	if left > dueShown {
		return left - dueShown
	}
	if left > 0 {
		if r := left % time.Minute; r > 0 {
			return r
		}
		return time.Minute
	}
	return time.Minute - (-left)%time.Minute
}

// dueKey tells apart the headers dueFlag draws differently: none (0),
// out of view (1), or the minutes left (even) or late (odd), from 2 on.
func dueKey(due *crisis.ClockDue, now time.Time) int64 {
	if due == nil {
		return 0
	}
	left := due.Due.Sub(now)
	switch {
	case left > dueShown:
		return 1
	case left > 0:
		return 2 + 2*int64(left/time.Minute)
	}
	return 3 + 2*int64(-left/time.Minute)
}

// soonest is the shorter of two waits, 0 meaning none.
func soonest(a, b time.Duration) time.Duration {
	switch {
	case a <= 0:
		return b
	case b <= 0 || a < b:
		return a
	}
	return b
}
