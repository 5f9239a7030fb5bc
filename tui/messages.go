package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// Messages the console's commands return. Every read and write of the
// service runs in a command, off the event loop; the model only applies the
// results.

// changedMsg: the service signalled a committed change, a join or a leave.
type changedMsg struct{}

// clockMsg: the header's elapsed time reached its next minute.
type clockMsg struct{}

// changesClosedMsg: the change channel was closed; stop waiting on it.
type changesClosedMsg struct{}

// statusLoadedMsg carries the header's data.
type statusLoadedMsg struct {
	status crisis.Status
	now    time.Time
	err    error
}

// stageSetMsg is the result of SetStage.
type stageSetMsg struct {
	action int
	stage  crisis.Stage
	entry  crisis.Entry
	err    error
}

// waitCmd waits for the next change or for the clock to reach its next
// minute, whichever comes first. One such command is pending per session at
// any time: it is re-issued when it returns. d = 0 waits for changes only
// (an ended crisis's header does not move). The session's end closes the
// channel, which ends the wait.
func waitCmd(changes <-chan struct{}, d time.Duration) tea.Cmd {
	return func() tea.Msg {
		var tick <-chan time.Time // nil, never fires, when d is 0
		if d > 0 {
			t := time.NewTimer(d)
			defer t.Stop()
			tick = t.C
		}
		select {
		case _, ok := <-changes: // a nil channel never fires: clock only
			if !ok {
				return changesClosedMsg{}
			}
			return changedMsg{}
		case <-tick:
			return clockMsg{}
		}
	}
}

// untilNextMinute is how long until the elapsed time since opened shows a
// different minute. now is truncated to the second, so the wait ends at or
// just after the change, never before it.
func untilNextMinute(opened, now time.Time) time.Duration {
	if opened.IsZero() || now.Before(opened) {
		return time.Minute - time.Duration(now.Second())*time.Second
	}
	elapsed := now.Sub(opened)
	d := time.Minute - elapsed%time.Minute
	if d < time.Second {
		d = time.Second
	}
	return d
}

// loadStatusCmd reads what the header shows.
func loadStatusCmd(l *kit.Loader[statusLoadedMsg], svc *crisis.Service) tea.Cmd {
	return l.Load(func() statusLoadedMsg {
		st, err := svc.Status()
		return statusLoadedMsg{status: st, now: svc.Now(), err: err}
	})
}

// reloadedMsg carries what a change makes the console read again: the
// header's status and the active tab's message (nil if it read nothing).
type reloadedMsg struct {
	status tea.Msg
	tab    tea.Msg
}

// reloadCmd runs both reads one after the other in one command. A tab's
// Reload is one read that returns one message.
func reloadCmd(status, tab tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		msg := reloadedMsg{status: status()}
		if tab != nil {
			msg.tab = tab()
		}
		return msg
	}
}
