package crisis

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dueLayout is how the logbook writes a due time, in the service's zone.
const dueLayout = "2006-01-02 15:04"

// AddTask creates a task and logs it. A responder may leave it to nobody or
// take it; only a lead gives it to someone else.
func (s *Service) AddTask(a Actor, d TaskDraft) (Task, error) {
	title, err := taskTitle(d.Title)
	if err != nil {
		return Task{}, err
	}
	details, err := taskDetails(d.Details)
	if err != nil {
		return Task{}, err
	}
	prio := d.Priority
	if prio == 0 {
		prio = TaskPriorityDefault
	}
	if prio < TaskPriorityHigh || prio > TaskPriorityLow {
		return Task{}, invalidf("task.priority-bad", fmt.Sprint(prio))
	}
	if err := checkTaskPhase(d.Phase); err != nil {
		return Task{}, err
	}
	var due *time.Time
	if strings.TrimSpace(d.Due) != "" {
		t, err := ParseDue(d.Due, s.Now(), s.loc)
		if err != nil {
			return Task{}, err
		}
		due = &t
	}
	assignee := strings.TrimSpace(d.Assignee)
	var t Task
	err = s.write(a, ActWriteTask, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		if err := checkAssignee(tx, a, assignee); err != nil {
			return nil, err
		}
		t = Task{Title: title, Details: details, Assignee: assignee, Status: TaskTodo, Priority: prio,
			Phase: d.Phase, Due: due, Unseen: assignee != "" && assignee != a.Name,
			CreatedBy: a.Name, CreatedAt: now, UpdatedAt: now}
		var err error
		if t, err = tx.AppendTask(t); err != nil {
			return nil, err
		}
		text := taskMsg("task.created", t)
		text.Parts = append(text.Parts, say("task.p", strconv.Itoa(t.Priority)))
		if t.Phase != 0 {
			text.Parts = append(text.Parts, say("task.phase", strconv.Itoa(t.Phase)))
		}
		if t.Due != nil {
			text.Parts = append(text.Parts, say("task.due", t.Due.In(s.loc).Format(time.RFC3339)))
		}
		if t.Assignee != "" {
			text.Parts = append(text.Parts, say("task.assigned-to", t.Assignee))
		}
		return s.logTask(tx, a, now, "task.add", text, t)
	})
	return t, err
}

// AssignTask gives task id to the user name, or to nobody when name is
// empty. A responder may only take an unassigned task for themselves, or
// let go of their own.
func (s *Service) AssignTask(a Actor, id uint64, name string) (Task, error) {
	name = strings.TrimSpace(name)
	return s.changeTask(a, id, "task.assign", func(tx WriteTx, t *Task, _ time.Time) (Msg, error) {
		if err := checkAssignee(tx, a, name); err != nil {
			return Msg{}, err
		}
		if t.Assignee != "" && t.Assignee != a.Name && name != t.Assignee {
			// Taking a task away from someone else (to oneself or to
			// nobody) is giving out work: a lead's call.
			cur, err := currentActor(tx, a)
			if err != nil {
				return Msg{}, err
			}
			if err := cur.Check(ActAssignTask); err != nil {
				return Msg{}, err
			}
		}
		if name == t.Assignee {
			if name == "" {
				return Msg{}, conflictf("task.unassigned-already", t.ID)
			}
			return Msg{}, conflictf("task.assigned-already", t.ID, name)
		}
		old := t.Assignee
		t.Assignee, t.Unseen = name, name != a.Name
		if name == "" {
			t.Unseen = false
			m := taskMsg("task.unassigned", *t)
			m.Args = append(m.Args, old)
			return m, nil
		}
		m := taskMsg("task.assigned", *t)
		m.Args = append(m.Args, name)
		return m, nil
	})
}

// SetTaskStatus changes a task's status; blocked needs a reason.
func (s *Service) SetTaskStatus(a Actor, id uint64, st TaskStatus, reason string) (Task, error) {
	return s.UpdateTask(a, id, TaskChange{Status: &st, Reason: reason})
}

// UpdateTask edits a task and logs what changed, in one entry.
func (s *Service) UpdateTask(a Actor, id uint64, c TaskChange) (Task, error) {
	if c.Empty() {
		if strings.TrimSpace(c.Reason) != "" {
			return Task{}, invalidf("task.reason-without-status")
		}
		return Task{}, invalidf("task.nothing")
	}
	var title, details string
	var err error
	if c.Title != nil {
		if title, err = taskTitle(*c.Title); err != nil {
			return Task{}, err
		}
	}
	if c.Details != nil {
		if details, err = taskDetails(*c.Details); err != nil {
			return Task{}, err
		}
	}
	if c.Priority != nil && (*c.Priority < TaskPriorityHigh || *c.Priority > TaskPriorityLow) {
		return Task{}, invalidf("task.priority-bad", fmt.Sprint(*c.Priority))
	}
	if c.Phase != nil {
		if err := checkTaskPhase(*c.Phase); err != nil {
			return Task{}, err
		}
	}
	var due *time.Time
	if c.Due != nil && strings.TrimSpace(*c.Due) != "" {
		t, err := ParseDue(*c.Due, s.Now(), s.loc)
		if err != nil {
			return Task{}, err
		}
		due = &t
	}
	var status TaskStatus
	if c.Status != nil {
		if status, err = ParseTaskStatus(string(*c.Status)); err != nil {
			return Task{}, err
		}
	}
	reason, err := taskReason(c.Reason)
	if err != nil {
		return Task{}, err
	}
	if status == TaskBlocked && reason == "" {
		return Task{}, invalidf("task.reason-needed")
	}
	return s.changeTask(a, id, "task.update", func(_ WriteTx, t *Task, _ time.Time) (Msg, error) {
		var head *Msg
		if status != "" {
			switch {
			case status == t.Status && (status != TaskBlocked || reason == t.Reason):
				if c.Title == nil && c.Details == nil && c.Priority == nil && c.Phase == nil && c.Due == nil {
					return Msg{}, conflictf("task.status-same", t.ID, status)
				}
			case status == TaskBlocked:
				head = &Msg{Code: "task.to-reason", Args: []string{string(status), reason}}
			default:
				head = &Msg{Code: "task.to", Args: []string{string(status)}}
				if reason != "" {
					head = &Msg{Code: "task.to-reason", Args: []string{string(status), reason}}
				}
			}
			t.Status, t.Reason = status, ""
			if status == TaskBlocked {
				t.Reason = reason
			}
		}
		var edits []Msg
		if c.Title != nil && title != t.Title {
			edits = append(edits, say("task.renamed", t.Title))
			t.Title = title
		}
		if c.Details != nil && details != t.Details {
			edits = append(edits, say("task.details"))
			t.Details = details
		}
		if c.Priority != nil && *c.Priority != t.Priority {
			edits = append(edits, say("task.priority", strconv.Itoa(*c.Priority)))
			t.Priority = *c.Priority
		}
		if c.Phase != nil && *c.Phase != t.Phase {
			if *c.Phase == 0 {
				edits = append(edits, say("task.no-phase"))
			} else {
				edits = append(edits, say("task.phase", strconv.Itoa(*c.Phase)))
			}
			t.Phase = *c.Phase
		}
		if c.Due != nil && !s.sameDue(due, t.Due) {
			if due == nil {
				edits = append(edits, say("task.no-due"))
			} else {
				edits = append(edits, say("task.due", due.In(s.loc).Format(time.RFC3339)))
			}
			t.Due = due
		}
		if head == nil && len(edits) == 0 {
			return Msg{}, conflictf("task.unchanged", t.ID)
		}
		text := taskMsg("task.changed", *t)
		if head != nil {
			text.Parts = append(text.Parts, *head)
		}
		if len(edits) > 0 {
			if head != nil {
				text.Parts = append(text.Parts, say("task.then"))
			}
			text.Parts = append(text.Parts, Msg{Code: "task.edited", Parts: edits})
		}
		return text, nil
	})
}

// sameDue: two due times read the same wherever a due time is shown (to
// the minute, in the service's zone), so setting one to the other changes
// nothing anyone could see, and writes nothing.
func (s *Service) sameDue(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.In(s.loc).Format(dueLayout) == b.In(s.loc).Format(dueLayout)
}

// changeTask makes a change to task id that the logbook tells: edit
// changes t and returns the entry's text. The task, the entry and their
// audit records are stored in one transaction. The assignee acting on
// their task has seen it.
func (s *Service) changeTask(a Actor, id uint64, action string, edit func(tx WriteTx, t *Task, now time.Time) (Msg, error)) (Task, error) {
	var t Task
	err := s.write(a, ActWriteTask, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		var ok bool
		var err error
		if t, ok, err = tx.Task(id); err != nil {
			return nil, err
		}
		if !ok {
			return nil, notFoundf("task.missing", id)
		}
		text, err := edit(tx, &t, now)
		if err != nil {
			return nil, err
		}
		if t.Assignee == a.Name && action != "task.assign" {
			t.Unseen = false
		}
		t.UpdatedAt = now
		if err := tx.PutTask(t); err != nil {
			return nil, err
		}
		return s.logTask(tx, a, now, action, text, t)
	})
	return t, err
}

// logTask appends the action entry that tells a task's change, linked to
// the task, and returns the audit records of both.
func (s *Service) logTask(tx WriteTx, a Actor, now time.Time, action string, text Msg, t Task) ([]AuditRecord, error) {
	e := systemEntry(a, now, KindAction, text)
	e.Task = t.ID
	e, err := tx.AppendEntry(e)
	if err != nil {
		return nil, err
	}
	return []AuditRecord{taskRecord(action, fmt.Sprintf("task %d, #%d", t.ID, e.ID), t), entryRecord("log", e)}, nil
}

func taskRecord(action, detail string, t Task) AuditRecord {
	return AuditRecord{Action: action, Subject: fmt.Sprintf("task/%d", t.ID), Detail: detail, Digest: DigestOf(t)}
}

// checkAssignee checks that name (if any) may be given a task by a: an
// active user who is not a viewer; and someone else only by a lead.
func checkAssignee(tx ReadTx, a Actor, name string) error {
	if name == "" {
		return nil
	}
	cur, err := currentActor(tx, a)
	if err != nil {
		return err
	}
	u, ok, err := tx.User(name)
	if err != nil {
		return err
	}
	if !ok {
		return notFoundf("task.assignee-unknown", SanitizeLine(name))
	}
	if !u.Active() {
		return invalidf("task.assignee-revoked", name)
	}
	if u.Role == RoleViewer {
		return invalidf("task.assignee-viewer", name)
	}
	if name != cur.Name {
		return cur.Check(ActAssignTask)
	}
	return nil
}

// OpenTask reads a task for a to look at. When a is its assignee and has
// not opened it since it was given to them, it is marked as seen (audited,
// not logged: nothing about the task changed), which clears their flag.
func (s *Service) OpenTask(a Actor, id uint64) (Task, error) {
	t, err := s.Task(id)
	if err != nil || !t.NewFor(a.Name) {
		return t, err
	}
	err = s.write(a, ActWriteTask, func(tx WriteTx, _ time.Time) ([]AuditRecord, error) {
		var ok bool
		var err error
		if t, ok, err = tx.Task(id); err != nil || !ok || !t.NewFor(a.Name) {
			return nil, err
		}
		t.Unseen = false
		if err := tx.PutTask(t); err != nil {
			return nil, err
		}
		return []AuditRecord{taskRecord("task.seen", fmt.Sprintf("task %d opened by its assignee", t.ID), t)}, nil
	})
	return t, err
}

// Task reads one task.
func (s *Service) Task(id uint64) (Task, error) {
	var t Task
	err := s.store.View(func(tx ReadTx) error {
		var ok bool
		var err error
		t, ok, err = tx.Task(id)
		if err == nil && !ok {
			err = notFoundf("task.missing", id)
		}
		return err
	})
	return t, err
}

// Tasks reads every task, in the board's order (see SortTasks).
func (s *Service) Tasks() ([]Task, error) {
	var ts []Task
	err := s.store.View(func(tx ReadTx) error {
		var err error
		ts, err = tx.Tasks()
		return err
	})
	SortTasks(ts)
	return ts, err
}

// Assignees lists the names a task may be given to: active users who are
// not viewers, by name.
func (s *Service) Assignees() ([]string, error) {
	var names []string
	err := s.store.View(func(tx ReadTx) error {
		us, err := tx.Users()
		for _, u := range us {
			if u.Active() && u.Role != RoleViewer {
				names = append(names, u.Name)
			}
		}
		return err
	})
	return names, err
}
