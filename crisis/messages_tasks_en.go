package crisis

// englishTasks is the task board's sentences, merged into English at start:
// a file of their own keeps the board's codes together.
var englishTasks = map[string]string{
	"task.status-unknown":        "unknown status %q (use one of: %s)",
	"task.priority-bad":          "unknown priority %q (use 1, 2 or 3; P1 is the most urgent)",
	"task.phase-bad":             "there is no recovery phase %d (use 1 to %d, or 0 for none)",
	"task.title-empty":           "the task needs a title",
	"task.title-long":            "the title is too long (at most %d characters): put the rest in the details",
	"task.details-long":          "the details are too long (at most %d bytes)",
	"task.reason-long":           "the reason is too long (at most %d characters)",
	"task.reason-needed":         "a blocked task needs a reason: say what it is waiting for",
	"task.reason-without-status": "a reason goes with a status: give the status too",
	"task.nothing":               "nothing to change: give a status, a title, details, a priority, a phase or a due time",
	"task.status-same":           "task %d is already %s",
	"task.unchanged":             "Nothing changed: task %d already reads like that",
	"task.missing":               "there is no task %d",
	"task.unassigned-already":    "task %d is already assigned to nobody",
	"task.assigned-already":      "task %d is already assigned to %s",
	"task.assignee-unknown":      "there is no user %q to give the task to (leads see them with: user list)",
	"task.assignee-revoked":      "%s has been revoked and cannot take tasks",
	"task.assignee-viewer":       "%s is a viewer and cannot work on tasks",
	"due.unreadable":             "cannot read the due time %q (use 17:00, +2h, +1d, 2022-09-13 08:00 or 2022-09-13)",
	"due.past":                   "the due time %q is already past; give one still to come",
	"forbidden.write-task":       "a %s may not change tasks",
	"forbidden.assign-task":      "a %s may only take a task for themselves; a lead gives tasks to others",
}

func init() {
	for code, sentence := range englishTasks {
		English[code] = sentence
	}
}
