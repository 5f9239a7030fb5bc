package tasks

import "cellule/crisis"

// Text holds the task board's strings (tab 2) in one language, and the
// words of its keys: another language is one more table of this type.
type Text struct {
	Tab string
	// Link marks a logbook entry that records a task's change: "task %d".
	Link string

	// Header, third line: tasks given to me that I have not opened.

	// Views, cycled with v.
	ViewAll, ViewMine, ViewByAssignee, ViewByStatus string
	Count                                           string // "%d tasks"
	// Counts: each "%d" format has its singular (kit.Text.Plural).
	CountOne                            string
	Open, OpenOne                       string // "%d open"
	Late, LateOne                       string // "%d late"
	Blocked, BlockedOne                 string // "%d blocked"
	ViewHint                            string
	Nobody                              string // the assignee of an unassigned task
	NewMark                             string // before the title of a task new to me
	LateBy                              string // "LATE %s" (how late)
	BlockedBy                           string // "blocked: %s" (the reason)
	DueLayout                           string // time.Format layout of due times in the list
	EmptyWriter, EmptyViewer, EmptyMine string
	LoadFailed                          string // "Cannot read the tasks: %s"

	// The open task.
	TaskTitle                                         string // "Task #%d"
	Status, Priority, Assignee, Due, Phase, Details   string // field labels
	Created, Updated                                  string // field labels
	CreatedBy                                         string // "%s by %s" (time, name)
	NoDue, NoPhase, NoDetails                         string
	PhaseNames                                        [crisis.PhaseCount + 1]string
	LongLayout                                        string // time.Format layout of times in full
	StatusSet, Assigned, Unassigned, Added, Saved     string // status-line outcomes, "%d" the task
	TakenAlready                                      string
	AssignTitle, StatusTitle                          string // "Assign task #%d to:", "Status of task #%d:"
	Current                                           string
	ReasonPrompt, ReasonHint, DuePrompt, DueHint      string
	NewTitle, EditTitle                               string // form titles; EditTitle has "%d"
	TitleField, DetailsField, PriorityField           string
	PhaseField, AssigneeField, DueField               string
	TitlePlaceholder, DetailsPlaceholder, DueEmpty    string
	DueFormHint                                       string // "%s" the time zone
	ConfirmDiscard                                    string
	Statuses                                          map[crisis.TaskStatus]string
	HelpOpen, HelpNew, HelpEdit, HelpAssign, HelpTake string
	HelpStatus, HelpDue, HelpView, HelpViewBack       string
	HelpBack, HelpChoose                              string

	ConfirmDiscardReason string // a blocking reason typed at its prompt

	// Unchanged: an edit that changes nothing writes nothing ("%d" the
	// task); NoAssignee: the assignee search shows no name to give it to.
	Unchanged, NoAssignee string
	// Columns are the list's column names: number, priority, status,
	// assignee, due, title.
	Columns [6]string
}

// textFor picks the tab's strings in a language; English is the fallback
// so a tab never shows blanks.
func textFor(lang string) *Text {
	var t Text
	switch lang {
	case "fr":
		t = french
	default: // "", "en"
		t = english // shared and never changed: sessions only read it
	}
	return &t
}

var english = Text{
	Tab:  "Tasks",
	Link: "task %d",

	ViewAll: "All tasks", ViewMine: "My tasks", ViewByAssignee: "By assignee", ViewByStatus: "By status",
	Count: "%d tasks", CountOne: "%d task", Open: "%d open", Late: "%d late", Blocked: "%d blocked",
	OpenOne: "%d open", LateOne: "%d late", BlockedOne: "%d blocked",
	ViewHint:  "enter: open  v: view",
	Nobody:    "—",
	NewMark:   "NEW ",
	LateBy:    "LATE %s",
	BlockedBy: "blocked: %s",
	DueLayout: "01-02 15:04",

	EmptyWriter: "No task yet. Press n to add the first one.",
	EmptyViewer: "No task yet.",
	EmptyMine:   "Nothing is assigned to you. Press v to see every task.",
	LoadFailed:  "Cannot read the tasks: %s",

	TaskTitle: "Task #%d",
	Status:    "Status", Priority: "Priority", Assignee: "Assignee", Due: "Due", Phase: "Phase",
	Details: "Details", Created: "Created", Updated: "Updated",
	CreatedBy: "%s by %s",
	NoDue:     "none", NoPhase: "none", NoDetails: "(no details)",
	PhaseNames: [crisis.PhaseCount + 1]string{"none", "1 core infrastructure", "2 business services and mail",
		"3 other services and servers", "4 workstations"},
	LongLayout: "2006-01-02 15:04",

	StatusSet:    "Task #%d: %s",
	Assigned:     "Task #%d assigned to %s",
	Unassigned:   "Task #%d assigned to nobody",
	Added:        "Task #%d added",
	Saved:        "Task #%d saved",
	TakenAlready: "Task #%d is already yours",
	AssignTitle:  "Assign task #%d to:",
	StatusTitle:  "Status of task #%d:",
	Current:      "(current)",
	ReasonPrompt: "Blocked by: ",
	ReasonHint:   "what is it waiting for?",
	DuePrompt:    "Due: ",
	DueHint:      "17:00, +2h, 2022-09-13 08:00; empty = none",

	NewTitle: "New task", EditTitle: "Edit task #%d",
	TitleField: "Title", DetailsField: "Details", PriorityField: "Priority",
	Columns:    [6]string{"#", "P", "Status", "Assignee", "Due", "Task"},
	PhaseField: "Phase", AssigneeField: "Assignee", DueField: "Due",
	TitlePlaceholder:   "What must be done",
	DetailsPlaceholder: "How, where, who to call…",
	DueEmpty:           "none",
	DueFormHint:        "17:00, +2h, 2022-09-13 08:00, 2022-09-13; empty = none; %s time",
	ConfirmDiscard:     "Discard this task? y/n",

	Statuses: map[crisis.TaskStatus]string{
		crisis.TaskTodo:       "to do",
		crisis.TaskInProgress: "in progress",
		crisis.TaskBlocked:    "blocked",
		crisis.TaskDone:       "done",
		crisis.TaskCancelled:  "cancelled",
	},

	HelpOpen: "open", HelpNew: "new", HelpEdit: "edit", HelpAssign: "assign", HelpTake: "take",
	HelpStatus: "status", HelpDue: "due", HelpView: "view", HelpViewBack: "view back",
	HelpBack: "back", HelpChoose: "choose",

	ConfirmDiscardReason: "Discard this reason? y/n",

	Unchanged:  "Nothing changed: task #%d already reads like that",
	NoAssignee: "No name matches the assignee search: change the search",
}

// status is a task status's label, or its code for one this language
// does not know.
func (t *Text) status(s crisis.TaskStatus) string {
	if l, ok := t.Statuses[s]; ok {
		return l
	}
	return crisis.SanitizeLine(string(s))
}
