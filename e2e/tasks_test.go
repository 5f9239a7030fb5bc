package e2e

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A lead gives a task to bob over SSH; bob's open console shows it at once,
// without a key press: in the header, on the board and in the logbook.
func TestAssignedTaskReachesTheAssigneesOpenConsole(t *testing.T) {
	l := newLab(t)
	bob := openConsole(t, l.responder, 100, 30)
	bob.waitText("Timeline")

	out, errOut, code := run(t, l.lead, "", "task", "add", "Disconnect the backup server", "--priority", "1", "--phase", "1", "--due", "+2h")
	if code != 0 {
		t.Fatalf("task add exit %d: %s", code, errOut)
	}
	id := strings.TrimSpace(out)
	if _, err := strconv.Atoi(id); err != nil {
		t.Fatalf("task add printed %q; want the task's number", out)
	}
	if _, errOut, code := run(t, l.lead, "", "task", "assign", id, "bob"); code != 0 {
		t.Fatalf("task assign exit %d: %s", code, errOut)
	}

	// No input from bob: the header flags it and the logbook tells it.
	bob.waitText("1 new task for you")
	bob.waitText("Task " + id + " 'Disconnect the backup server' assigned to bob")

	// The flag is in the record: a new session of bob's shows it too.
	again := openConsole(t, l.responder, 100, 30)
	again.waitText("1 new task for you")

	// Bob opens the task: the flag goes from both of his consoles.
	bob.typeKeys("2")
	bob.waitText("NEW")
	bob.typeKeys("\r")
	bob.waitText("Task #" + id)
	for _, c := range []*console{bob, again} {
		c.waitFor("the new-task flag to go", func(s string) bool { return !strings.Contains(s, "new task for you") })
	}

	// He starts it from the board; the lead's list says so.
	bob.typeKeys("c")
	bob.waitText("Status of task #" + id)
	bob.typeKeys("\x1b[B\r") // down to in progress, enter
	bob.waitText("Task #" + id + ": in progress")
	out, _, _ = run(t, l.lead, "", "task", "list")
	if !strings.Contains(out, "in-progress") || !strings.Contains(out, "bob") {
		t.Errorf("task list after bob started it:\n%s", out)
	}
}

func TestTaskCommands(t *testing.T) {
	l := newLab(t)
	add := func(args ...string) string {
		t.Helper()
		out, errOut, code := run(t, l.lead, "", append([]string{"task", "add"}, args...)...)
		if code != 0 {
			t.Fatalf("task add %v: exit %d: %s", args, code, errOut)
		}
		return strings.TrimSpace(out)
	}
	// ssh joins the words: the title needs no quotes of its own.
	first := add("Disconnect", "the", "backup", "server", "--assignee", "bob", "--priority", "1", "--phase", "1", "--due", "+2h", "--details", "Unplug it.")
	second := add("Block inbound attachments", "--priority", "P2")
	if first != "1" || second != "2" {
		t.Fatalf("ids %q %q", first, second)
	}

	out, errOut, code := run(t, l.viewer, "", "task", "list", "--json")
	if code != 0 {
		t.Fatalf("task list --json: exit %d: %s", code, errOut)
	}
	var tasks []map[string]any
	if err := json.Unmarshal([]byte(out), &tasks); err != nil || len(tasks) != 2 {
		t.Fatalf("task list --json: %v\n%s", err, out)
	}
	var keys []string
	for k := range tasks[0] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if strings.Join(keys, ",") != "assignee,created_at,created_by,details,due,id,phase,priority,status,title,updated_at" {
		t.Errorf("JSON fields %v", keys)
	}
	got := tasks[0]
	if got["id"] != 1.0 || got["title"] != "Disconnect the backup server" || got["assignee"] != "bob" || got["status"] != "todo" ||
		got["priority"] != 1.0 || got["phase"] != 1.0 || got["details"] != "Unplug it." || got["created_by"] != l.leadName {
		t.Errorf("task 1 = %v", got)
	}
	for _, field := range []string{"due", "created_at", "updated_at"} {
		s, _ := got[field].(string)
		if _, err := time.Parse(time.RFC3339, s); err != nil || !strings.HasSuffix(s, "Z") {
			t.Errorf("%s = %q is not RFC 3339 UTC", field, s)
		}
	}
	if tasks[1]["due"] != nil || tasks[1]["assignee"] != nil || tasks[1]["phase"] != nil {
		t.Errorf("task 2 without due, assignee or phase = %v", tasks[1])
	}

	// --mine: bob's own list.
	out, _, _ = run(t, l.responder, "", "task", "list", "--mine")
	if !strings.Contains(out, "Disconnect the backup server") || strings.Contains(out, "Block inbound") {
		t.Errorf("bob's --mine list:\n%s", out)
	}

	// Status changes, with the reason a blocked task needs.
	if _, errOut, code := runRaw(t, l.responder, "", "task set 1 --status blocked --reason 'waiting for the provider'"); code != 0 {
		t.Fatalf("set blocked: exit %d: %s", code, errOut)
	}
	out, _, _ = run(t, l.viewer, "", "task", "list")
	if !strings.Contains(out, "blocked: waiting for the provider") {
		t.Errorf("the list does not show why it is blocked:\n%s", out)
	}
	if _, errOut, code := run(t, l.responder, "", "task", "set", "1", "--status", "done"); code != 0 {
		t.Fatalf("set done: %s", errOut)
	}
	timeline, _, _ := run(t, l.viewer, "", "timeline")
	for _, want := range []string{
		"Task 1 'Disconnect the backup server' created (P1, phase 1, due ",
		"Task 1 'Disconnect the backup server' blocked: waiting for the provider",
		"Task 1 'Disconnect the backup server' done",
	} {
		if !strings.Contains(timeline, want) {
			t.Errorf("the timeline lacks %q:\n%s", want, timeline)
		}
	}

	// Refusals: a sentence, exit 1, nothing changed.
	before, _, _ := run(t, l.lead, "", "task", "list", "--json")
	entries, _, _ := run(t, l.lead, "", "timeline", "--json")
	for _, c := range []struct {
		who  *client
		args []string
		says string
	}{
		{l.lead, []string{"task", "assign", "2", "mallory"}, `no user "mallory"`},
		{l.lead, []string{"task", "assign", "2", "vera"}, "vera is a viewer"},
		{l.lead, []string{"task", "set", "2", "--status", "finished"}, `unknown status "finished"`},
		{l.lead, []string{"task", "set", "2", "--status", "blocked"}, "needs a reason"},
		{l.lead, []string{"task", "set", "2", "--priority", "7"}, "unknown priority"},
		{l.lead, []string{"task", "set", "2", "--due", "next week"}, "cannot read the due time"},
		{l.lead, []string{"task", "add", "Call the CNIL", "--due", "2001-01-01"}, "already past"},
		{l.lead, []string{"task", "set", "9", "--status", "done"}, "no task 9"},
		{l.viewer, []string{"task", "add", "Look busy"}, "viewer may not change tasks"},
		{l.responder, []string{"task", "assign", "2", l.leadName}, "only take a task for themselves"},
	} {
		_, errOut, code := run(t, c.who, "", c.args...)
		if code != 1 || !strings.Contains(errOut, c.says) {
			t.Errorf("%v: exit %d, %q; want 1 saying %q", c.args, code, errOut, c.says)
		}
	}
	if after, _, _ := run(t, l.lead, "", "task", "list", "--json"); after != before {
		t.Errorf("refused commands changed the tasks:\n%s\n->\n%s", before, after)
	}
	if after, _, _ := run(t, l.lead, "", "timeline", "--json"); after != entries {
		t.Error("refused commands wrote to the logbook")
	}
	// A word that is not a task number is a usage error.
	if _, _, code := run(t, l.lead, "", "task", "set", "twelve", "--status", "done"); code != 2 {
		t.Errorf("task set twelve: exit %d, want 2", code)
	}
	// A responder takes a task for themselves.
	if _, errOut, code := run(t, l.responder, "", "task", "assign", "2", "bob"); code != 0 {
		t.Errorf("bob taking task 2: %s", errOut)
	}
}

func TestDemoHasTheContainmentTasks(t *testing.T) {
	leadKey, leadPub := newKey(t)
	srv := startServer(t, t.TempDir(), homeWithKey(t, leadPub), true)
	c := connect(t, srv.addr, leadKey)
	out, errOut, code := run(t, c, "", "task", "list")
	if code != 0 {
		t.Fatal(errOut)
	}
	for _, want := range []string{"Disconnect the physical backup server", "Block inbound attachments", "done", "DSI", "Provider"} {
		if !strings.Contains(out, want) {
			t.Errorf("the demo's task list lacks %q:\n%s", want, out)
		}
	}
}
