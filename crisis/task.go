package crisis

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// TaskStatus is where a task stands. The codes are the words commands and
// JSON use; front ends translate them for display.
type TaskStatus string

const (
	TaskTodo       TaskStatus = "todo"
	TaskInProgress TaskStatus = "in-progress"
	TaskBlocked    TaskStatus = "blocked"
	TaskDone       TaskStatus = "done"
	TaskCancelled  TaskStatus = "cancelled"
)

// TaskStatuses in the order pickers and groupings show them.
var TaskStatuses = []TaskStatus{TaskTodo, TaskInProgress, TaskBlocked, TaskDone, TaskCancelled}

var taskStatusAliases = map[string]TaskStatus{
	"to-do":      TaskTodo,
	"open":       TaskTodo,
	"inprogress": TaskInProgress,
	"doing":      TaskInProgress,
	"canceled":   TaskCancelled,
}

// ParseTaskStatus accepts a status's code (or a common spelling) in any case.
func ParseTaskStatus(s string) (TaskStatus, error) {
	v := fromFrench(s)
	if v == "fact" { // "fait": a done task is "faite", but people type it
		v = string(TaskDone)
	}
	for _, known := range TaskStatuses {
		if TaskStatus(v) == known {
			return known, nil
		}
	}
	if alias, ok := taskStatusAliases[v]; ok {
		return alias, nil
	}
	codes := make([]string, len(TaskStatuses))
	for i, st := range TaskStatuses {
		codes[i] = string(st)
	}
	return "", invalidf("task.status-unknown", SanitizeLine(s), strings.Join(codes, ", "))
}

// Closed reports whether the status ends the task's work (done or
// cancelled): such a task is never late.
func (st TaskStatus) Closed() bool { return st == TaskDone || st == TaskCancelled }

// Priorities run from P1 (most urgent) to P3; a task without one is P2.
const (
	TaskPriorityHigh    = 1
	TaskPriorityDefault = 2
	TaskPriorityLow     = 3
)

// ParseTaskPriority accepts 1, 2, 3 or P1, P2, P3.
func ParseTaskPriority(s string) (int, error) {
	v := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "p")
	n, err := strconv.Atoi(v)
	if err != nil || n < TaskPriorityHigh || n > TaskPriorityLow {
		return 0, invalidf("task.priority-bad", SanitizeLine(s))
	}
	return n, nil
}

// checkTaskPhase accepts no phase (0) or one of the recovery's phases
// (1 core infrastructure ... 4 workstations).
func checkTaskPhase(p int) error {
	if p < 0 || p > PhaseCount {
		return invalidf("task.phase-bad", p, PhaseCount)
	}
	return nil
}

// Bounds on what a task holds: a title fits a list line, details are a
// note, not a document.
const (
	MaxTaskTitle   = 120 // runes
	MaxTaskDetails = 4 * 1024
	MaxTaskReason  = 300 // runes
)

// Task is a piece of work the crisis cell hands out: who does what, by when.
type Task struct {
	ID      uint64 `json:"id"`
	Title   string `json:"title"`
	Details string `json:"details,omitempty"`
	// Assignee is a registered user's name, or "" for nobody. (The demo's
	// tasks name the organisations of the Cahors incident instead.)
	Assignee string     `json:"assignee,omitempty"`
	Status   TaskStatus `json:"status"`
	// Reason says why a blocked task is blocked; empty otherwise.
	Reason   string     `json:"reason,omitempty"`
	Priority int        `json:"priority"`
	Phase    int        `json:"phase,omitempty"` // recovery phase 1-4, 0 for none
	Due      *time.Time `json:"due,omitempty"`
	// Unseen is set when the task is given to someone else and cleared when
	// that person opens it (or acts on it): until then their header flags it.
	Unseen    bool      `json:"unseen,omitempty"`
	CreatedBy string    `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Overdue is how late the task is at now: 0 when it has no due time, is
// closed, or is not late yet.
func (t Task) Overdue(now time.Time) time.Duration {
	if t.Due == nil || t.Status.Closed() || !now.After(*t.Due) {
		return 0
	}
	return now.Sub(*t.Due)
}

// LateBy is how late the task is at now, to the minute (45m, 2h05,
// 3d 04h), as the board and the task list show it; "" when it is not late.
func (t Task) LateBy(now time.Time) string {
	late := t.Overdue(now)
	if late <= 0 {
		return ""
	}
	mins := int64(late / time.Minute)
	switch {
	case mins < 60:
		return fmt.Sprintf("%dm", max(mins, 1))
	case mins < 24*60:
		return fmt.Sprintf("%dh%02d", mins/60, mins%60)
	}
	return fmt.Sprintf("%dd %02dh", mins/(24*60), (mins/60)%24)
}

// NewFor reports whether the task waits for name to open it.
func (t Task) NewFor(name string) bool { return t.Unseen && t.Assignee != "" && t.Assignee == name }

// SortTasks orders tasks as the board shows them: open ones first, then by
// priority, then by due time (those without one last), then by number.
func SortTasks(ts []Task) {
	sort.SliceStable(ts, func(i, j int) bool {
		a, b := ts[i], ts[j]
		if a.Status.Closed() != b.Status.Closed() {
			return !a.Status.Closed()
		}
		if a.Priority != b.Priority {
			return a.Priority < b.Priority
		}
		switch {
		case a.Due != nil && b.Due != nil && !a.Due.Equal(*b.Due):
			return a.Due.Before(*b.Due)
		case (a.Due == nil) != (b.Due == nil):
			return a.Due != nil
		}
		return a.ID < b.ID
	})
}

// TaskDraft is what a person submits for a new task.
type TaskDraft struct {
	Title    string
	Details  string
	Assignee string // "" for nobody
	Priority int    // 0 for the default, P2
	Phase    int    // 0 for none
	Due      string // see ParseDue; "" for none
}

// TaskChange is an edit of a task: nil fields stay as they are.
type TaskChange struct {
	Title    *string
	Details  *string
	Priority *int
	Phase    *int
	// Due is a ParseDue expression; "" removes the due time.
	Due    *string
	Status *TaskStatus
	// Reason is why the task is blocked (required for blocked); with
	// another status it is added to the logbook entry as a note.
	Reason string
}

// Empty reports whether the change changes nothing.
func (c TaskChange) Empty() bool {
	return c.Title == nil && c.Details == nil && c.Priority == nil && c.Phase == nil && c.Due == nil && c.Status == nil
}

func taskTitle(s string) (string, error) {
	title := strings.Join(strings.Fields(SanitizeLine(s)), " ")
	if title == "" {
		return "", invalidf("task.title-empty")
	}
	if len([]rune(title)) > MaxTaskTitle {
		return "", invalidf("task.title-long", MaxTaskTitle)
	}
	return title, nil
}

func taskDetails(s string) (string, error) {
	if len(s) > MaxTaskDetails {
		return "", invalidf("task.details-long", MaxTaskDetails)
	}
	d := strings.TrimSpace(Sanitize(s))
	if len(d) > MaxTaskDetails {
		return "", invalidf("task.details-long", MaxTaskDetails)
	}
	return d, nil
}

func taskReason(s string) (string, error) {
	r := strings.Join(strings.Fields(SanitizeLine(s)), " ")
	if len([]rune(r)) > MaxTaskReason {
		return "", invalidf("task.reason-long", MaxTaskReason)
	}
	return r, nil
}

// taskMsg is a sentence of the logbook about t, which names it by number
// and title: Task 12 'Disconnect the backup server' ...
func taskMsg(code string, t Task) Msg { return say(code, num(t.ID), t.Title) }
