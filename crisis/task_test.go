package crisis_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"cellule/crisis"
)

func lastEntry(t *testing.T, svc *crisis.Service) crisis.Entry {
	t.Helper()
	page, err := svc.Timeline(crisis.TimelineQuery{Limit: 1})
	if err != nil || len(page.Entries) != 1 {
		t.Fatalf("timeline: %v %+v", err, page)
	}
	return page.Entries[0]
}

func addTask(t *testing.T, svc *crisis.Service, a crisis.Actor, d crisis.TaskDraft) crisis.Task {
	t.Helper()
	task, err := svc.AddTask(a, d)
	if err != nil {
		t.Fatalf("add task %q: %v", d.Title, err)
	}
	return task
}

func TestAddTaskIsLoggedAndAudited(t *testing.T) {
	svc, db := newService(t)
	before := auditCount(t, db)
	task := addTask(t, svc, lead, crisis.TaskDraft{Title: "  Disconnect the backup server ", Assignee: "bob", Priority: 1, Phase: 1, Due: "+2h", Details: "Unplug it."})
	if task.ID != 1 || task.Title != "Disconnect the backup server" || task.Status != crisis.TaskTodo ||
		task.Assignee != "bob" || task.Priority != 1 || task.Phase != 1 || task.CreatedBy != "alice" ||
		!task.CreatedAt.Equal(fixedNow) || !task.UpdatedAt.Equal(fixedNow) || task.Due == nil || !task.Due.Equal(fixedNow.Add(2*time.Hour)) {
		t.Fatalf("task = %+v", task)
	}
	e := lastEntry(t, svc)
	want := "Task 1 'Disconnect the backup server' created (P1, phase 1, due 2022-09-12 06:00, assigned to bob)"
	if e.Kind != crisis.KindAction || e.Task != 1 || e.Text != want || e.Author != "alice" {
		t.Errorf("entry = %+v, want %q", e, want)
	}
	if n := auditCount(t, db); n != before+2 {
		t.Errorf("audit records %d -> %d, want one for the task and one for the entry", before, n)
	}
	st, _ := svc.Status()
	if st.NewTasks["bob"] != 1 || st.NewTasks["alice"] != 0 {
		t.Errorf("new tasks = %v, want bob's one", st.NewTasks)
	}
	// A task without priority is P2; one I give myself is not new to me.
	mine := addTask(t, svc, responder, crisis.TaskDraft{Title: "Call the provider", Assignee: "bob"})
	if mine.Priority != 2 || mine.Unseen || mine.Due != nil {
		t.Errorf("default task = %+v", mine)
	}
}

func TestTaskChangesAreLogged(t *testing.T) {
	svc, _ := newService(t)
	task := addTask(t, svc, lead, crisis.TaskDraft{Title: "Disable external VPN access", Priority: 2})
	steps := []struct {
		do   func() (crisis.Task, error)
		text string
	}{
		{func() (crisis.Task, error) { return svc.AssignTask(lead, task.ID, "bob") }, "Task 1 'Disable external VPN access' assigned to bob"},
		{func() (crisis.Task, error) { return svc.SetTaskStatus(responder, task.ID, "in-progress", "") }, "Task 1 'Disable external VPN access' in progress"},
		{func() (crisis.Task, error) {
			return svc.SetTaskStatus(responder, task.ID, crisis.TaskBlocked, "waiting for the firewall admin password")
		}, "Task 1 'Disable external VPN access' blocked: waiting for the firewall admin password"},
		{func() (crisis.Task, error) {
			p, due := 1, "17:00"
			return svc.UpdateTask(lead, task.ID, crisis.TaskChange{Priority: &p, Due: &due})
		}, "Task 1 'Disable external VPN access' edited: priority P1, due 2022-09-12 17:00"},
		{func() (crisis.Task, error) { return svc.SetTaskStatus(responder, task.ID, "done", "") }, "Task 1 'Disable external VPN access' done"},
		{func() (crisis.Task, error) { return svc.AssignTask(lead, task.ID, "") }, "Task 1 'Disable external VPN access' unassigned (was bob)"},
	}
	for _, s := range steps {
		got, err := s.do()
		if err != nil {
			t.Fatalf("%s: %v", s.text, err)
		}
		if e := lastEntry(t, svc); e.Text != s.text || e.Task != task.ID || e.Kind != crisis.KindAction {
			t.Errorf("entry %q (task %d), want %q", e.Text, e.Task, s.text)
		}
		if got.ID != task.ID {
			t.Errorf("returned task %d", got.ID)
		}
	}
	final, err := svc.Task(task.ID)
	if err != nil {
		t.Fatal(err)
	}
	if final.Status != crisis.TaskDone || final.Reason != "" || final.Priority != 1 || final.Assignee != "" {
		t.Errorf("final task = %+v", final)
	}
	// 17:00 Paris is 15:00 UTC.
	if final.Due == nil || !final.Due.Equal(time.Date(2022, 9, 12, 15, 0, 0, 0, time.UTC)) {
		t.Errorf("due = %v", final.Due)
	}
}

func TestTaskRefusalsChangeNothing(t *testing.T) {
	svc, db := newService(t)
	task := addTask(t, svc, lead, crisis.TaskDraft{Title: "Block inbound attachments", Assignee: "bob"})
	leads := addTask(t, svc, lead, crisis.TaskDraft{Title: "Call the insurer", Assignee: "alice"})
	p0, p4, phase9 := 0, 4, 9
	past, title := "2022-09-11 10:00", "  "
	cases := []struct {
		name string
		do   func() error
		kind error
		says string
	}{
		{"unknown assignee", func() error { _, err := svc.AssignTask(lead, task.ID, "mallory"); return err }, crisis.ErrNotFound, `no user "mallory"`},
		{"viewer assignee", func() error { _, err := svc.AssignTask(lead, task.ID, "vera"); return err }, crisis.ErrInvalid, "vera is a viewer"},
		{"unknown assignee on add", func() error {
			_, err := svc.AddTask(lead, crisis.TaskDraft{Title: "x", Assignee: "mallory"})
			return err
		}, crisis.ErrNotFound, "mallory"},
		{"bad status", func() error { _, err := svc.SetTaskStatus(lead, task.ID, "finished", ""); return err }, crisis.ErrInvalid, `unknown status "finished"`},
		{"blocked without reason", func() error { _, err := svc.SetTaskStatus(lead, task.ID, crisis.TaskBlocked, " "); return err }, crisis.ErrInvalid, "needs a reason"},
		{"same status", func() error { _, err := svc.SetTaskStatus(lead, task.ID, crisis.TaskTodo, ""); return err }, crisis.ErrConflict, "already todo"},
		{"bad priority", func() error { _, err := svc.UpdateTask(lead, task.ID, crisis.TaskChange{Priority: &p4}); return err }, crisis.ErrInvalid, "priority"},
		{"zero priority", func() error { _, err := svc.UpdateTask(lead, task.ID, crisis.TaskChange{Priority: &p0}); return err }, crisis.ErrInvalid, "priority"},
		{"bad phase", func() error { _, err := svc.UpdateTask(lead, task.ID, crisis.TaskChange{Phase: &phase9}); return err }, crisis.ErrInvalid, "phase 9"},
		{"bad due", func() error {
			_, err := svc.AddTask(lead, crisis.TaskDraft{Title: "x", Due: "tomorrow-ish"})
			return err
		}, crisis.ErrInvalid, "cannot read the due time"},
		{"past due", func() error { _, err := svc.UpdateTask(lead, task.ID, crisis.TaskChange{Due: &past}); return err }, crisis.ErrInvalid, "already past"},
		{"empty title", func() error { _, err := svc.UpdateTask(lead, task.ID, crisis.TaskChange{Title: &title}); return err }, crisis.ErrInvalid, "needs a title"},
		{"missing task", func() error { _, err := svc.SetTaskStatus(lead, 99, crisis.TaskDone, ""); return err }, crisis.ErrNotFound, "no task 99"},
		{"missing task assign", func() error { _, err := svc.AssignTask(lead, 99, "bob"); return err }, crisis.ErrNotFound, "no task 99"},
		{"nothing to change", func() error { _, err := svc.UpdateTask(lead, task.ID, crisis.TaskChange{}); return err }, crisis.ErrInvalid, "nothing to change"},
		{"viewer adds", func() error { _, err := svc.AddTask(viewer, crisis.TaskDraft{Title: "x"}); return err }, crisis.ErrForbidden, "viewer may not change tasks"},
		{"viewer sets status", func() error { _, err := svc.SetTaskStatus(viewer, task.ID, crisis.TaskDone, ""); return err }, crisis.ErrForbidden, "viewer"},
		{"responder gives to another", func() error { _, err := svc.AssignTask(responder, task.ID, "alice"); return err }, crisis.ErrForbidden, "only take a task for themselves"},
		{"responder takes another's", func() error { _, err := svc.AssignTask(responder, leads.ID, "bob"); return err }, crisis.ErrForbidden, "only take a task for themselves"},
		{"responder unassigns another's", func() error { _, err := svc.AssignTask(responder, leads.ID, ""); return err }, crisis.ErrForbidden, "only take a task for themselves"},
		{"responder adds for another", func() error {
			_, err := svc.AddTask(responder, crisis.TaskDraft{Title: "x", Assignee: "alice"})
			return err
		}, crisis.ErrForbidden, "for themselves"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			audits := auditCount(t, db)
			entries := lastEntry(t, svc).ID
			err := c.do()
			if !errors.Is(err, c.kind) || !strings.Contains(crisis.Message(err), c.says) {
				t.Fatalf("err = %v, want %v saying %q", err, c.kind, c.says)
			}
			if n := auditCount(t, db); n != audits {
				t.Errorf("audit records %d -> %d", audits, n)
			}
			if e := lastEntry(t, svc); e.ID != entries {
				t.Errorf("a refused change logged #%d: %s", e.ID, e.Text)
			}
			got, _ := svc.Task(task.ID)
			if got.Status != crisis.TaskTodo || got.Assignee != "bob" || got.Priority != 2 || got.Title != "Block inbound attachments" || got.Due != nil {
				t.Errorf("task changed: %+v", got)
			}
			if ts, _ := svc.Tasks(); len(ts) != 2 {
				t.Errorf("%d tasks", len(ts))
			}
			if got, _ := svc.Task(leads.ID); got.Assignee != "alice" {
				t.Errorf("the lead's task changed hands: %+v", got)
			}
		})
	}
}

func TestNewTaskFlagLastsUntilTheAssigneeOpensIt(t *testing.T) {
	svc, db := newService(t)
	task := addTask(t, svc, lead, crisis.TaskDraft{Title: "Change the exposed passwords", Assignee: "bob"})
	newFor := func(name string) int {
		st, err := svc.Status()
		if err != nil {
			t.Fatal(err)
		}
		return st.NewTasks[name]
	}
	if newFor("bob") != 1 {
		t.Fatal("bob is not told about his new task")
	}
	// Someone else opening it changes nothing.
	if _, err := svc.OpenTask(lead, task.ID); err != nil || newFor("bob") != 1 {
		t.Fatalf("lead opened bob's task: %v, bob's flag %d", err, newFor("bob"))
	}
	entries, audits := lastEntry(t, svc).ID, auditCount(t, db)
	if _, err := svc.OpenTask(responder, task.ID); err != nil {
		t.Fatal(err)
	}
	if newFor("bob") != 0 {
		t.Error("bob opened his task and is still flagged")
	}
	// Seen is audited (evidence that he saw it) but is no task change.
	if lastEntry(t, svc).ID != entries || auditCount(t, db) != audits+1 {
		t.Error("opening a task should add one audit record and no logbook entry")
	}
	// Opening again writes nothing.
	if _, err := svc.OpenTask(responder, task.ID); err != nil || auditCount(t, db) != audits+1 {
		t.Errorf("opening a seen task wrote: %v", err)
	}

	// Reassigned: new to the new assignee; acting on it counts as seeing it.
	if _, err := svc.AssignTask(lead, task.ID, "alice"); err != nil {
		t.Fatal(err)
	}
	if newFor("alice") != 0 {
		t.Error("a task I give myself is not new to me")
	}
	if _, err := svc.AssignTask(lead, task.ID, "bob"); err != nil || newFor("bob") != 1 {
		t.Fatalf("reassigned to bob: %v, flag %d", err, newFor("bob"))
	}
	if _, err := svc.SetTaskStatus(responder, task.ID, crisis.TaskInProgress, ""); err != nil || newFor("bob") != 0 {
		t.Errorf("bob started his task: %v, flag %d", err, newFor("bob"))
	}
	// Taking a task for oneself: never new.
	other := addTask(t, svc, lead, crisis.TaskDraft{Title: "Block inbound attachments"})
	if _, err := svc.AssignTask(responder, other.ID, "bob"); err != nil || newFor("bob") != 0 {
		t.Errorf("bob took a task: %v, flag %d", err, newFor("bob"))
	}
	// Unassigned: the flag goes with it.
	if _, err := svc.AssignTask(lead, other.ID, "alice"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AssignTask(lead, task.ID, "alice"); err != nil {
		t.Fatal(err)
	}
	third := addTask(t, svc, lead, crisis.TaskDraft{Title: "Collect the logs", Assignee: "bob"})
	if _, err := svc.AssignTask(lead, third.ID, ""); err != nil || newFor("bob") != 0 {
		t.Errorf("unassigned: %v, flag %d", err, newFor("bob"))
	}
}

func TestTasksSortByPriorityThenDue(t *testing.T) {
	svc, _ := newService(t)
	add := func(title string, prio int, due string) crisis.Task {
		return addTask(t, svc, lead, crisis.TaskDraft{Title: title, Priority: prio, Due: due})
	}
	add("p2 later", 2, "+3h")
	add("p1 no due", 1, "")
	add("p2 soon", 2, "+1h")
	closed := add("p1 done", 1, "+10m")
	add("p1 due", 1, "+5h")
	if _, err := svc.SetTaskStatus(lead, closed.ID, crisis.TaskDone, ""); err != nil {
		t.Fatal(err)
	}
	ts, err := svc.Tasks()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, task := range ts {
		got = append(got, task.Title)
	}
	want := "p1 due, p1 no due, p2 soon, p2 later, p1 done"
	if strings.Join(got, ", ") != want {
		t.Errorf("order %q, want %q", strings.Join(got, ", "), want)
	}
}

func TestOverdue(t *testing.T) {
	due := fixedNow
	task := crisis.Task{Status: crisis.TaskInProgress, Due: &due}
	if d := task.Overdue(fixedNow.Add(90 * time.Minute)); d != 90*time.Minute {
		t.Errorf("overdue %v", d)
	}
	if d := task.Overdue(fixedNow.Add(-time.Minute)); d != 0 {
		t.Errorf("not yet due, overdue %v", d)
	}
	task.Status = crisis.TaskDone
	if d := task.Overdue(fixedNow.Add(time.Hour)); d != 0 {
		t.Errorf("a done task is late by %v", d)
	}
}

// TestLateBy: the board and the task list say how late a task is in the
// same words.
func TestLateBy(t *testing.T) {
	due := fixedNow
	task := crisis.Task{Status: crisis.TaskInProgress, Due: &due}
	for _, c := range []struct {
		after time.Duration
		want  string
	}{
		{-time.Minute, ""},
		{20 * time.Second, "1m"},
		{45 * time.Minute, "45m"},
		{2*time.Hour + 5*time.Minute, "2h05"},
		{3*24*time.Hour + 4*time.Hour + 30*time.Minute, "3d 04h"},
	} {
		if got := task.LateBy(fixedNow.Add(c.after)); got != c.want {
			t.Errorf("%v after the due time: %q, want %q", c.after, got, c.want)
		}
	}
}

func TestParseDue(t *testing.T) {
	paris := time.FixedZone("CEST", 2*3600)
	now := fixedNow // 04:00 in Paris
	cases := []struct {
		in   string
		want time.Time
	}{
		{"17:00", time.Date(2022, 9, 12, 17, 0, 0, 0, paris)},
		{"03:00", time.Date(2022, 9, 13, 3, 0, 0, 0, paris)}, // passed today: tomorrow
		{"17h", time.Date(2022, 9, 12, 17, 0, 0, 0, paris)},
		{"+2h", now.Add(2 * time.Hour)},
		{"+1d", now.Add(24 * time.Hour)},
		{"+1h30m", now.Add(90 * time.Minute)},
		{"2022-09-13 08:00", time.Date(2022, 9, 13, 8, 0, 0, 0, paris)},
		{"2022-09-13T08:00", time.Date(2022, 9, 13, 8, 0, 0, 0, paris)},
		{"2022-09-13", time.Date(2022, 9, 13, 23, 59, 0, 0, paris)},
		{"2022-09-13T06:00:00Z", time.Date(2022, 9, 13, 6, 0, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		got, err := crisis.ParseDue(c.in, now, paris)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("ParseDue(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "soon", "-2h", "+", "+2x", "25:00", "2022-09-11 10:00", "2022-09-11"} {
		if _, err := crisis.ParseDue(bad, now, paris); !errors.Is(err, crisis.ErrInvalid) {
			t.Errorf("ParseDue(%q) = %v, want a refusal", bad, err)
		}
	}
}

func TestTaskTextIsSanitised(t *testing.T) {
	svc, _ := newService(t)
	task := addTask(t, svc, lead, crisis.TaskDraft{Title: "Reboot\x1b[2J the\tfirewall\x07", Details: "line one\x1b]0;pwned\x07\nline two"})
	if task.Title != "Reboot the firewall" || strings.ContainsAny(task.Details, "\x1b\x07") {
		t.Errorf("task = %q / %q", task.Title, task.Details)
	}
	if _, err := svc.SetTaskStatus(lead, task.ID, crisis.TaskBlocked, "waiting\x1b[31m for\nthe vendor"); err != nil {
		t.Fatal(err)
	}
	got, _ := svc.Task(task.ID)
	if got.Reason != "waiting for the vendor" {
		t.Errorf("reason = %q", got.Reason)
	}
}

func TestDemoTasksFollowTheChronology(t *testing.T) {
	svc, _ := openDemoService(t)
	if err := svc.LoadDemo(crisis.LocalActor("test")); err != nil {
		t.Fatal(err)
	}
	ts, err := svc.Tasks()
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) < 6 {
		t.Fatalf("%d demo tasks, want the six containment measures at least", len(ts))
	}
	night := time.Date(2022, 9, 12, 19, 0, 0, 0, time.UTC) // 21:00 in Paris
	titles := map[string]bool{}
	for _, task := range ts {
		titles[task.Title] = true
		if task.Status != crisis.TaskDone || task.Assignee == "" || task.CreatedBy == "" {
			t.Errorf("demo task %+v: want done, with an owner", task)
		}
		if task.CreatedAt.Before(night) || task.UpdatedAt.Before(task.CreatedAt) {
			t.Errorf("demo task %q created %s, done %s", task.Title, task.CreatedAt, task.UpdatedAt)
		}
		if task.Due != nil && task.UpdatedAt.After(*task.Due) {
			t.Errorf("demo task %q done after its due time", task.Title)
		}
	}
	for _, want := range []string{"Disconnect the physical backup server", "Block inbound attachments on the mail service", "Change the passwords exposed on the Internet"} {
		if !titles[want] {
			t.Errorf("no demo task %q", want)
		}
	}
}

// An edit equal to what the task already shows writes nothing: not the
// task, not a logbook entry, not an audit record; it says so.
func TestUnchangedEditWritesNothing(t *testing.T) {
	svc, db := newService(t)
	// A due time with seconds, shown to the minute: 08:00 typed again is
	// the time already shown.
	task := addTask(t, svc, lead, crisis.TaskDraft{Title: "Call the insurer", Priority: 2, Due: "2022-09-12 08:00:42"})
	entries := lastEntry(t, svc).ID
	audits := auditCount(t, db)
	for name, c := range map[string]crisis.TaskChange{
		"due to the minute": {Due: ptr("08:00")},
		"same title":        {Title: ptr("Call the insurer")},
		"same priority":     {Priority: ptr(2)},
	} {
		_, err := svc.UpdateTask(lead, task.ID, c)
		var ce *crisis.Error
		if !errors.As(err, &ce) || ce.Code != "task.unchanged" || !strings.HasPrefix(err.Error(), "conflict: Nothing changed") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	if got := lastEntry(t, svc).ID; got != entries {
		t.Errorf("an unchanged edit was logged: last entry #%d, was #%d", got, entries)
	}
	if got := auditCount(t, db); got != audits {
		t.Errorf("an unchanged edit was audited: %d records, was %d", got, audits)
	}
	if got, _ := svc.Task(task.ID); !got.Due.Equal(*task.Due) {
		t.Errorf("due %v, was %v", got.Due, task.Due)
	}
}

func ptr[T any](v T) *T { return &v }
