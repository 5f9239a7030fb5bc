package tasks_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"
)

// twelvePeople registers ten more responders: with alice and bob, twelve
// people a task may be given to, more than a row of 80 columns holds.
func twelvePeople(t *testing.T, f *tuitest.Fixture) {
	t.Helper()
	for _, n := range []string{"dmitri", "eleonore", "fatoumata", "guillaume", "hippolyte", "ingrid", "jean-baptiste", "karima", "ludovic", "marguerite"} {
		crisistest.Register(t, f.Svc, n, crisis.RoleResponder)
	}
}

var assigneeRow = regexp.MustCompile(`Assignee +\[([^\]]*)\]`)

// shownAssignee is the name the form's assignee row shows as chosen.
func shownAssignee(t *testing.T, screen string) string {
	t.Helper()
	m := assigneeRow.FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no assignee row:\n%s", screen)
	}
	return m[1]
}

// At 80x24 with twelve people, the choice in effect is always on screen,
// and what Ctrl+S saves is that name.
func TestAssigneeChoiceAlwaysShown(t *testing.T) {
	f := tuitest.NewFixture(t)
	twelvePeople(t, f)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "Press n")
	tuitest.Press(tm, "n")
	scr.WaitFor(t, tm, "New task")
	tm.Type("Call the insurer")
	for range 4 {
		tuitest.Press(tm, "tab") // details, priority, phase, assignee
	}
	for range 8 {
		tuitest.Press(tm, "right")
	}
	names, _ := f.Svc.Assignees()
	want := names[7] // nobody first, then the eighth name
	scr.WaitUntil(t, tm, func(s string) bool { return assigneeRow.MatchString(s) && shownAssignee(t, s) == want }, "the eighth name chosen on the row")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Task #1 added")
	if task, _ := f.Svc.Task(1); task.Assignee != want {
		t.Fatalf("saved %q; the screen showed %q", task.Assignee, want)
	}
}

// A long list of people is searched as typed: the first match is the
// choice in effect, shown, and saved.
func TestAssigneeSearch(t *testing.T) {
	f := tuitest.NewFixture(t)
	twelvePeople(t, f)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "Press n")
	tuitest.Press(tm, "n")
	scr.WaitFor(t, tm, "New task")
	tm.Type("Call the insurer")
	for range 4 {
		tuitest.Press(tm, "tab")
	}
	tm.Type("rim")
	scr.WaitUntil(t, tm, func(s string) bool { return assigneeRow.MatchString(s) && shownAssignee(t, s) == "karima" }, "karima found")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Task #1 added")
	if task, _ := f.Svc.Task(1); task.Assignee != "karima" {
		t.Fatalf("saved %q", task.Assignee)
	}

	// The a picker is searched the same way.
	tuitest.Press(tm, "a")
	scr.WaitFor(t, tm, "Assign task #1 to:")
	tm.Type("ludo")
	scr.WaitUntil(t, tm, func(s string) bool { return strings.Contains(s, "›  ludovic") && !strings.Contains(s, "marguerite") }, "the list filtered to ludovic")
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "Task #1 assigned to ludovic")
	if task, _ := f.Svc.Task(1); task.Assignee != "ludovic" {
		t.Fatalf("assigned %q", task.Assignee)
	}
}

// d then Enter on the time already shown changes nothing, so it writes
// nothing and logs nothing; a refused time keeps the prompt open with
// the text and the reason.
func TestDuePromptUnchangedAndRefused(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Clock.Set(tuitest.TestNow.Add(37 * time.Second)) // a due time "+2h" then has seconds
	if _, err := f.Svc.AddTask(tuitest.Lead, crisis.TaskDraft{Title: "Call the insurer", Priority: 2, Due: "+2h"}); err != nil {
		t.Fatal(err)
	}
	before, _ := f.Svc.Timeline(crisis.TimelineQuery{})
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "Call the insurer")
	tuitest.Press(tm, "d")
	scr.WaitFor(t, tm, "Due: 2022-09-12 06:12")
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "Nothing changed")
	if after, _ := f.Svc.Timeline(crisis.TimelineQuery{}); after.Total != before.Total {
		t.Fatalf("an unchanged due time was logged: %d entries, was %d", after.Total, before.Total)
	}

	tuitest.Press(tm, "d")
	scr.WaitFor(t, tm, "Due: 2022-09-12 06:12")
	for range len("2022-09-12 06:12") {
		tuitest.Press(tm, "backspace")
	}
	tm.Type("25:99")
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "cannot read the due time")
	if !strings.Contains(scr.Text(), "Due: 25:99") {
		t.Fatalf("the prompt lost its text:\n%s", scr.Text())
	}
	for range 5 {
		tuitest.Press(tm, "backspace")
	}
	tm.Type("17:00")
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "Task #1 saved")
	if task, _ := f.Svc.Task(1); task.Due == nil || !task.Due.Equal(time.Date(2022, 9, 12, 17, 0, 0, 0, time.UTC)) {
		t.Fatalf("due %v", task.Due)
	}
}

// A late task's due time is past: editing its title leaves the due time
// as it is, and saves.
func TestEditingALateTaskKeepsItsDueTime(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedTasks(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "LATE 1h12")
	tuitest.Press(tm, "e")
	scr.WaitFor(t, tm, "Edit task #1")
	tm.Type(" now")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Task #1 saved")
	task, _ := f.Svc.Task(1)
	if task.Title != "Isolate the IS and end the illegitimate session now" || task.Due == nil || !task.Due.Equal(time.Date(2022, 9, 12, 3, 0, 0, 0, time.UTC)) {
		t.Fatalf("task = %+v", task)
	}
	// The late due time offered again at its prompt writes nothing.
	tuitest.Press(tm, "d")
	scr.WaitFor(t, tm, "Due: 2022-09-12 03:00")
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "Nothing changed")
}
