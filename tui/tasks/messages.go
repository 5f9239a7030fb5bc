package tasks

import "cellule/crisis"

// tasksLoadedMsg carries the board's data.
type tasksLoadedMsg struct {
	tasks     []crisis.Task
	assignees []string
	err       error
}

// taskSavedMsg is the result of any change to a task made from the board.
type taskSavedMsg struct {
	action int
	task   crisis.Task
	note   string // what the status line says on success
	// upTo is the newest entry once the change committed: the change's own
	// entry must not make its note stale (see kit.Note's UpTo).
	upTo uint64
	err  error
}

// savedMsg reads the newest entry id after a change and builds its message.
func savedMsg(svc *crisis.Service, action int, t crisis.Task, note string, err error) taskSavedMsg {
	m := taskSavedMsg{action: action, task: t, note: note, err: err}
	if err == nil {
		if st, serr := svc.Status(); serr == nil {
			m.upTo = st.Entries
		}
	}
	return m
}

// taskOpenedMsg is the result of OpenTask (which may mark it as seen).
type taskOpenedMsg struct {
	task crisis.Task
	err  error
}
