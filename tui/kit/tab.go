package kit

import (
	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
)

// Tab is one numbered screen of the console, as the shell drives it. Tabs
// are pointers changed in place by the shell's Update; the commands they
// return never touch them (they capture the values they need).
type Tab interface {
	// Title is the tab's name on the tabs line.
	Title() string
	// Update handles a message: keys only while the tab is shown, any
	// other message always (each tab ignores what is not its own).
	Update(msg tea.Msg) tea.Cmd
	// SetSize gives the tab the area below the tabs line.
	SetSize(width, height int)
	// View renders exactly the size last given.
	View() string
	// Reload reads again what the tab shows, after a change.
	Reload() tea.Cmd
	// Capturing reports that a text field or a question has the keyboard,
	// so the shell's one-letter keys (q, ?, s, 1-5, tab) must go to the tab.
	Capturing() bool
	// Help lists the tab's keys that work now.
	Help() HelpKeys
	// Unsaved reports typed text that a save has not taken yet: it gets
	// the louder idle warning, because the idle close would lose it.
	Unsaved() bool
}

// LineViewer is a tab that can give its view as lines (View joins them):
// the shell takes them as they are.
type LineViewer interface {
	ViewLines() []string
}

// HelpKeeper is a tab whose keys (its Help) a message of its own does not
// change: the timeline's keys do not depend on the page it shows.
type HelpKeeper interface {
	KeepsHelp(msg tea.Msg) bool
}

// RefusedMsg carries the service's answer to an action the role may not
// take (see Refuse); the shell shows it on the status line.
type RefusedMsg struct {
	Action int
	Err    error
}

// Refuse reports why the role may not take an action whose key the view
// does not offer, in the words of the one place that decides.
func Refuse(s *Session, act crisis.Action) tea.Cmd {
	me, action, svc := s.Me, s.Action(), s.Svc
	return func() tea.Msg {
		err := me.Check(act)
		if err == nil {
			// My role may: the record says why not (it is closed).
			err = svc.CanWrite(me, act)
		}
		return RefusedMsg{Action: action, Err: err}
	}
}
