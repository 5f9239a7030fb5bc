package tui

import (
	"fmt"

	"cellule/crisis"
)

// newTasksFlag is the right end of the header's third line: how many tasks
// were given to me that I have not opened yet. The count lives in the
// record (crisis.Task.Unseen), so it survives reconnecting; opening the
// task on the Tasks tab clears it.
func newTasksFlag(s *session, st crisis.Status) string {
	tx := &s.text.Header
	switch n := st.NewTasks[s.Me.Name]; {
	case n == 1:
		return s.St.FilterActive.Render(tx.NewTaskOne)
	case n > 1:
		return s.St.FilterActive.Render(fmt.Sprintf(tx.NewTasksMany, n))
	}
	return ""
}
