package tasks_test

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"cellule/crisis"
	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"
)

func TestGoldenTaskBoard(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedTasks(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "1 new task for you")
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "LATE 1h12")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestGoldenTaskBoardByAssignee(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedTasks(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	tuitest.Press(tm, "v")
	tuitest.Press(tm, "v")
	scr.WaitFor(t, tm, "By assignee")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestGoldenTaskBoardResponderMine(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedTasks(t)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	tuitest.Press(tm, "v")
	scr.WaitFor(t, tm, "My tasks")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestGoldenTaskDetail(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedTasks(t)
	changes, stop := f.Svc.Subscribe()
	t.Cleanup(stop)
	tm := tabtest.Start(t, f, tuitest.Lead, changes)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "LATE 1h12")
	tuitest.Press(tm, "down")
	tuitest.Press(tm, "down")
	tuitest.Press(tm, "down")
	tuitest.Press(tm, "enter")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "Start with the admins") && !strings.Contains(s, "new task for you")
	}, "the task open and its flag gone")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestGoldenNewTaskForm(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "Press n to add the first one")
	tuitest.Press(tm, "n")
	scr.WaitFor(t, tm, "New task")
	tm.Type("Disconnect the backup server")
	scr.WaitFor(t, tm, "backup server")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestGoldenTaskStatusPicker(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedTasks(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "LATE 1h12")
	tuitest.Press(tm, "c")
	scr.WaitFor(t, tm, "Status of task #1")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

// The form saves a task with everything a lead gives it at once, and the
// logbook tells it.
func TestNewTaskFormSaves(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "Press n")
	tuitest.Press(tm, "n")
	scr.WaitFor(t, tm, "New task")
	tm.Type("Disconnect the backup server")
	tuitest.Press(tm, "tab") // details
	tm.Type("Unplug it.")
	tuitest.Press(tm, "tab") // priority
	tuitest.Press(tm, "left")
	tuitest.Press(tm, "tab") // phase
	tuitest.Press(tm, "1")
	tuitest.Press(tm, "tab") // assignee: nobody, alice, bob
	tuitest.Press(tm, "right")
	tuitest.Press(tm, "right")
	tuitest.Press(tm, "tab") // due
	tm.Type("+2h")
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "Task #1 added")
	ts, err := f.Svc.Tasks()
	if err != nil || len(ts) != 1 {
		t.Fatalf("tasks: %v %v", ts, err)
	}
	got := ts[0]
	if got.Title != "Disconnect the backup server" || got.Details != "Unplug it." || got.Priority != 1 || got.Phase != 1 ||
		got.Assignee != "bob" || got.Due == nil || !got.Due.Equal(tuitest.TestNow.Add(2*time.Hour)) {
		t.Errorf("saved %+v", got)
	}
	scr.WaitFor(t, tm, "06:12")
}

// A bad due time is refused with the service's sentence; the form stays
// open with what was typed.
func TestNewTaskFormShowsRefusal(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	tuitest.Press(tm, "n")
	scr.WaitFor(t, tm, "New task")
	tm.Type("Call the CNIL")
	tuitest.Press(tm, "shift+tab") // due, going backwards
	tm.Type("tomorrow")
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "cannot read the due time")
	if !strings.Contains(scr.Text(), "Call the CNIL") {
		t.Errorf("the form lost its title:\n%s", scr.Text())
	}
	if ts, _ := f.Svc.Tasks(); len(ts) != 0 {
		t.Errorf("a refused task was saved: %+v", ts)
	}
}

// Blocked asks why before saving; the board then shows the reason.
func TestBlockingAsksForAReason(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedTasks(t)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "LATE 1h12")
	tuitest.Press(tm, "c")
	scr.WaitFor(t, tm, "Status of task #1")
	tuitest.Press(tm, "down") // from in progress to blocked
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "Blocked by:")
	tm.Type("no console access to the core switch")
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "blocked: no console access to the core switch")
	task, _ := f.Svc.Task(1)
	if task.Status != crisis.TaskBlocked || task.Reason != "no console access to the core switch" {
		t.Errorf("task = %+v", task)
	}
}

// t takes the task under the cursor; d sets its due time.
func TestTakeAndSetDue(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedTasks(t)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "LATE 1h12")
	tuitest.Press(tm, "G") // the last one: the P3 inventory, nobody's
	tuitest.Press(tm, "up")
	tuitest.Press(tm, "t")
	scr.WaitFor(t, tm, "assigned to bob")
	tuitest.Press(tm, "d")
	scr.WaitFor(t, tm, "Due:")
	tm.Type("17:00")
	tuitest.Press(tm, "enter")
	scr.WaitFor(t, tm, "saved")
	task, _ := f.Svc.Task(6)
	if task.Assignee != "bob" || task.Due == nil || !task.Due.Equal(time.Date(2022, 9, 12, 17, 0, 0, 0, time.UTC)) {
		t.Errorf("task = %+v", task)
	}
}

// A task given to me is flagged in the header until I open it; then the
// flag goes, and stays gone (it is in the record).
func TestOpeningANewTaskClearsTheFlag(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedTasks(t)
	changes, stop := f.Svc.Subscribe()
	t.Cleanup(stop)
	tm := tabtest.Start(t, f, tuitest.Lead, changes)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "1 new task for you")
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "NEW")
	tuitest.Press(tm, "down")
	tuitest.Press(tm, "down")
	tuitest.Press(tm, "down")
	tuitest.Press(tm, "enter")
	scr.WaitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "new task for you") && strings.Contains(s, "Task #4") }, "the flag to go")
	if st, _ := f.Svc.Status(); st.NewTasks["alice"] != 0 {
		t.Errorf("still new for alice in the record: %v", st.NewTasks)
	}
}

// Changes made elsewhere show on the open board without a key press.
func TestBoardIsLive(t *testing.T) {
	f := tuitest.NewFixture(t)
	changes, stop := f.Svc.Subscribe()
	t.Cleanup(stop)
	tm := tabtest.Start(t, f, tuitest.Responder, changes)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "Press n")
	if _, err := f.Svc.AddTask(tuitest.Lead, crisis.TaskDraft{Title: "Call the CERT duty officer", Assignee: "bob", Priority: 1}); err != nil {
		t.Fatal(err)
	}
	scr.WaitFor(t, tm, "Call the CERT duty officer")
	scr.WaitFor(t, tm, "1 new task for you")
	// The timeline tells it, marked with the task it is about.
	tuitest.Press(tm, "1")
	scr.WaitFor(t, tm, "alice  ACTION  task 1")
	scr.WaitFor(t, tm, "Task 1 'Call the CERT duty officer' created (P1, assigned to bob)")
}

// A viewer reads the board; its writing keys are not offered, and pressed
// anyway they get the service's refusal.
func TestViewerReadsTheBoardOnly(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedTasks(t)
	tm := tabtest.Start(t, f, tuitest.Viewer, nil)
	scr := tuitest.NewScreen(t)
	tuitest.Press(tm, "2")
	scr.WaitFor(t, tm, "LATE 1h12")
	footer := lastLine(scr.Text())
	for _, k := range []string{"n new", "take", "status", "assign"} {
		if strings.Contains(footer, k) {
			t.Errorf("the viewer's footer offers %q: %s", k, footer)
		}
	}
	tuitest.Press(tm, "c")
	scr.WaitFor(t, tm, "a viewer may not change tasks")
	tuitest.Press(tm, "t")
	scr.WaitFor(t, tm, "a viewer may not change tasks")
	if task, _ := f.Svc.Task(3); task.Assignee != "" {
		t.Errorf("a viewer took a task: %+v", task)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n "), "\n")
	return lines[len(lines)-1]
}
