package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// headerView renders the three header lines: what crisis, at what stage, for
// how long; who is connected, and who I am. Everything a user typed (the
// crisis name, people's names) goes through SanitizeLine again here.
func headerView(s *session, st crisis.Status, now time.Time, width int) string {
	sh, t := s.sh, s.text
	sep := sh.sep.Render(" │ ")

	// Line 1: product │ crisis │ stage ........ T+3d 04h12
	product := sh.product.Render(t.Product)
	stage := fmt.Sprintf(t.StageLabel, sh.stageStyle(st.Crisis.Stage).Render(t.Stage(st.Crisis.Stage)))
	clock := ""
	if !st.Crisis.OpenedAt.IsZero() {
		if end := st.Crisis.EndedAt; end != nil {
			// An ended crisis says when it ended and how long it lasted:
			// a T+ clock would read as still counting.
			stage = sh.stageStyle(st.Crisis.Stage).Render(fmt.Sprintf(t.Ended, t.Date(end.In(s.Svc.Location()), t.EndedLayout)))
			clock = sh.clock.Render(fmt.Sprintf(t.Lasted, lastedText(t, st.Crisis.Duration(now))))
		} else {
			clock = sh.clock.Render(elapsedText(t, st.Crisis.Duration(now)))
		}
	}
	if due := dueFlag(s, st, now); due != "" {
		clock = due + "  " + clock
	}
	fixed := lipgloss.Width(product) + 2*lipgloss.Width(sep) + lipgloss.Width(stage) + lipgloss.Width(clock) + 2
	name := crisis.SanitizeLine(st.Crisis.Name)
	if room := width - fixed; room < lipgloss.Width(name) {
		name = kit.Cut(name, room)
	}
	left := product + sep + sh.crisisName.Render(name) + sep + stage
	line1 := kit.Spread(left, clock, width)

	// Line 2: 3 online: ann, bob +1 ........ me: ann (lead)
	me := sh.me.Render(fmt.Sprintf(t.Me, crisis.SanitizeLine(s.Me.Name), t.Role(s.Me.Role)))
	// The register's count sits before me, and the names give it room.
	right := me
	if reg := registerFlag(s, st); reg != "" {
		right = reg + "  " + me
	}
	line2 := kit.Spread(onlineText(t, st.Online, width-lipgloss.Width(right)-2), right, width)
	// Line 3: the recovery's four phases ........ flags that call for my
	// attention (tasks new to me, a handover to acknowledge).
	recovery, tasks := recoverySummary(s, st.Recovery), newTasksFlag(s, st)
	if st.Crisis.Closed != nil {
		// A closed record calls for no work: it says it is read-only.
		return line1 + "\n" + line2 + "\n" + kit.Spread(recovery, sh.stageStyle(st.Crisis.Stage).Render(t.Closed), width)
	}
	room := width - lipgloss.Width(recovery) - 1
	if tasks != "" {
		room -= lipgloss.Width(tasks) + 2
	}
	line3 := kit.Spread(recovery, joinFlags(tasks, handoverFlag(s, st, room)), width)
	return line1 + "\n" + line2 + "\n" + line3
}

// onlineText lists who is connected in at most room cells; the names that
// do not fit are counted as "+N".
func onlineText(t *Text, online []crisis.Presence, room int) string {
	if len(online) == 0 {
		return t.OnlineNobody
	}
	head := fmt.Sprintf(t.OnlineCount, len(online))
	out := head
	for i, p := range online {
		name := crisis.SanitizeLine(p.Name)
		sep := " "
		if i > 0 {
			sep = ", "
		}
		rest := len(online) - i - 1
		more := ""
		if rest > 0 {
			more = " " + fmt.Sprintf(t.MoreNames, rest)
		}
		if lipgloss.Width(out+sep+name+more) > room {
			// Not even this one: count it and the rest.
			return out + " " + fmt.Sprintf(t.MoreNames, len(online)-i)
		}
		out += sep + name
	}
	return out
}

// elapsedText is the time since the crisis opened, to the minute:
// "T+04h12", or "T+3d 04h12" once it has run for days (Cahors: four weeks).
func elapsedText(t *Text, d time.Duration) string {
	if d < 0 {
		d = 0
	}
	mins := int64(d / time.Minute)
	days, hours, minutes := mins/(24*60), (mins/60)%24, mins%60
	if days > 0 {
		return fmt.Sprintf(t.ElapsedDays, days, hours, minutes)
	}
	return fmt.Sprintf(t.ElapsedHours, hours, minutes)
}

// lastedText is how long an ended crisis lasted: "28d 00h30", "4h12".
func lastedText(t *Text, d time.Duration) string {
	mins := int64(max(d, 0) / time.Minute)
	days, hours, minutes := mins/(24*60), (mins/60)%24, mins%60
	if days > 0 {
		return fmt.Sprintf(t.LastedDays, days, hours, minutes)
	}
	return fmt.Sprintf(t.LastedHours, hours, minutes)
}

// joinFlags puts the header's attention flags side by side, skipping the
// empty ones.
func joinFlags(flags ...string) string {
	var out []string
	for _, f := range flags {
		if f != "" {
			out = append(out, f)
		}
	}
	return strings.Join(out, "  ")
}
