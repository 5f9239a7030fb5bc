package tui

import "cellule/crisis"

// newTasksFlag is the right end of the header's third line: how many tasks
// were given to me that I have not opened yet. The count lives in the
// record (crisis.Task.Unseen), so it survives reconnecting; opening the
// task on the Tasks tab clears it.
func newTasksFlag(s *session, st crisis.Status) string {
	tx := &s.text.Header
	if n := st.NewTasks[s.Me.Name]; n > 0 {
		return s.St.FilterActive.Render(s.text.Plural(n, tx.NewTaskOne, tx.NewTasksMany))
	}
	return ""
}
