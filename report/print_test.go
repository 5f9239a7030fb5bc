package report_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/report"
)

// kitRecord is the demo crisis (not closed) with open tasks beside the
// demo's finished ones: two with an owner and a due time, one blocked,
// one unassigned, and one done and one cancelled that the kit leaves out.
func kitRecord(t *testing.T) *crisis.Service {
	t.Helper()
	svc := demo(t, false)
	lead := crisistest.Register(t, svc, "claire", crisis.RoleLead)
	add := func(title, owner, due string, prio int) crisis.Task {
		task, err := svc.AddTask(lead, crisis.TaskDraft{Title: title, Assignee: owner, Due: due, Priority: prio})
		if err != nil {
			t.Fatal(err)
		}
		return task
	}
	add("Re-image the finance floor", "bob", "2022-09-21 18:00", 2)
	add("Call the insurer back", "alice", "2022-09-21 09:00", 1)
	blocked := add("Restore the PACS archive", "bob", "", 1)
	if _, err := svc.SetTaskStatus(lead, blocked.ID, crisis.TaskBlocked, "waiting for the vendor"); err != nil {
		t.Fatal(err)
	}
	add("Count the printed forms left", "", "", 3)
	done := add("Unplug the finance share", "bob", "", 1)
	if _, err := svc.SetTaskStatus(lead, done.ID, crisis.TaskDone, ""); err != nil {
		t.Fatal(err)
	}
	gone := add("Order new 4G keys", "alice", "", 2)
	if _, err := svc.SetTaskStatus(lead, gone.ID, crisis.TaskCancelled, "banned"); err != nil {
		t.Fatal(err)
	}
	return svc
}

// printed renders svc's paper kit.
func printed(t *testing.T, svc *crisis.Service) string {
	t.Helper()
	var b bytes.Buffer
	err := svc.Export(host, func(s *crisis.Snapshot) error {
		return report.Write(&b, s, report.Print, report.Options{Printed: demoNow})
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// section cuts the page's section with that id.
func section(t *testing.T, page, id string) string {
	t.Helper()
	start := strings.Index(page, `<section id="`+id+`">`)
	if start < 0 {
		t.Fatalf("the paper kit has no %s section", id)
	}
	end := strings.Index(page[start:], "</section>")
	return page[start : start+end]
}

// The paper kit holds what the cell needs when no screen is left: every
// step of the out-of-hours checklist with a box to tick and the number to
// call, the directory with those on duty first, every item of the
// recovery plan with its state, the open tasks only (with owners and due
// times, the soonest first), the audit head, and the crisis and the time
// printed on every page.
func TestPrintKitContent(t *testing.T) {
	svc := kitRecord(t)
	page := printed(t, svc)

	for _, want := range []string{"size: A4", "counter(page)", "counter(pages)", `content: "Crisis: CH Cahors`, "Printed 2022-09-20 16:00 CEST", "break-inside: avoid"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page's print rules lack %q", want)
		}
	}

	var hno crisis.ChecklistTemplate
	for _, tm := range mustChecklists(t, svc).Templates {
		if tm.Name == crisis.TemplateHNO {
			hno = tm
		}
	}
	list := section(t, page, "checklist")
	if n := strings.Count(list, `<td class="box"><span class="tick"></span></td>`); n != len(hno.Steps) {
		t.Errorf("the checklist has %d tick boxes for %d steps", n, len(hno.Steps))
	}
	at := -1
	for i, st := range hno.Steps {
		row := fmt.Sprintf(`<span class="tick"></span></td><td>%d</td><td>%s`, i+1, st.Text.In("en"))
		next := strings.Index(list, row)
		if next < at {
			t.Errorf("step %d (%q) is missing from the checklist, or out of order", i+1, st.Text.In("en"))
		}
		at = next
	}
	// Step 2 says to call the on-call administrator: the one on duty.
	if !strings.Contains(list, "Camille Martin<div>05 65 00 00 01</div>") {
		t.Errorf("the checklist does not give the on-duty administrator's number")
	}

	dir := section(t, page, "directory")
	contacts, err := svc.Contacts("")
	if err != nil {
		t.Fatal(err)
	}
	lastOnDuty, firstOff := -1, len(dir)
	for _, c := range contacts {
		i := strings.Index(dir, "<td>"+c.Name+"</td>")
		if i < 0 {
			t.Errorf("the directory lacks %s", c.Name)
			continue
		}
		if c.OnDuty {
			lastOnDuty = max(lastOnDuty, i)
		} else {
			firstOff = min(firstOff, i)
		}
	}
	if lastOnDuty < 0 || lastOnDuty > firstOff {
		t.Errorf("the contacts on duty are not listed first")
	}

	rec := section(t, page, "recovery")
	plan, err := svc.Recovery()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plan.Phases {
		for _, it := range p.Items {
			if !strings.Contains(rec, "<tr><td>"+it.Name+"</td><td>") {
				t.Errorf("the recovery plan lacks item %q", it.Name)
			}
		}
	}
	if !strings.Contains(rec, "<td>in service, 4/4</td>") || !strings.Contains(rec, "Phase 1: Core infrastructure: validated, 95%") {
		t.Errorf("the recovery plan does not show its states")
	}

	tasks := section(t, page, "tasks")
	for _, want := range []string{
		// The soonest due first, then the rest by priority.
		"<td>Call the insurer back</td><td>P1</td><td>to do</td><td>alice</td><td>2022-09-21 09:00</td>",
		"<td>Re-image the finance floor</td><td>P2</td><td>to do</td><td>bob</td><td>2022-09-21 18:00</td>",
		"<td>Restore the PACS archive</td><td>P1</td><td>blocked<div class=\"detail\">waiting for the vendor</div></td><td>bob</td><td>-</td>",
		"<td>Count the printed forms left</td><td>P3</td><td>to do</td><td>nobody</td><td>-</td>",
	} {
		if !strings.Contains(tasks, want) {
			t.Errorf("the open tasks lack %q", want)
		}
	}
	order := []string{"Call the insurer back", "Re-image the finance floor", "Restore the PACS archive", "Count the printed forms left"}
	for i := 1; i < len(order); i++ {
		if strings.Index(tasks, order[i-1]) > strings.Index(tasks, order[i]) {
			t.Errorf("%q is listed before %q", order[i], order[i-1])
		}
	}
	all, err := svc.Tasks()
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range all {
		open := task.Status != crisis.TaskDone && task.Status != crisis.TaskCancelled
		if shown := strings.Contains(tasks, "<td>"+task.Title+"</td>"); shown != open {
			t.Errorf("task %d %q (%s): shown %v", task.ID, task.Title, task.Status, shown)
		}
	}

	var head crisis.AuditRecord
	if err := svc.Export(host, func(s *crisis.Snapshot) error { head = s.Head; return nil }); err != nil {
		t.Fatal(err)
	}
	audit := section(t, page, "audit")
	if !strings.Contains(audit, fmt.Sprintf("<td>#%d</td>", head.Seq)) || !strings.Contains(audit, "<code>"+head.Hash+"</code>") {
		t.Errorf("the audit head (#%d %s) is not printed", head.Seq, head.Hash)
	}
}

func mustChecklists(t *testing.T, svc *crisis.Service) crisis.ChecklistOverview {
	t.Helper()
	o, err := svc.Checklists()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// The crisis name goes into the page's CSS, for the running header: a
// name that tries to close the string, the rule or the style element
// stays text there, and the page's heading shows it as it is.
func TestPrintKitNameStaysInItsString(t *testing.T) {
	svc := newService(t, t.TempDir())
	name := `Evil"; } @page { @top-left { content: "x" } } </style><script>alert(1)</script>\`
	if _, err := svc.Open(host, name); err != nil {
		t.Fatal(err)
	}
	page := printed(t, svc)
	low := strings.ToLower(page)
	if strings.Contains(low, "<script") || strings.Count(low, "</style>") != 2 {
		t.Fatalf("the crisis name broke out of the page's style:\n%s", page[:min(len(page), 3000)])
	}
	const open = `@top-left { content: "`
	rest := page[strings.Index(page, open)+len(open):]
	// The string runs to the first quote, the one the page put there.
	end := strings.Index(rest, `"`)
	if got := rest[:end]; got != "Crisis: Evil”; } @page { @top-left { content: ”x” } } ‹/style›‹script›alert(1)‹/script›/" ||
		!strings.HasPrefix(rest[end:], `"; font-size: 9pt; }`) {
		t.Errorf("the running header's string is %q, then %q", got, rest[end:min(len(rest), end+30)])
	}
	if !strings.Contains(page, "<h1>Paper kit: Evil&#34;; } @page { @top-left { content: &#34;x&#34; } } &lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;\\</h1>") {
		t.Errorf("the heading does not show the name as it is")
	}
}

// contactsCSV is a directory of n contacts with long notes, a third on
// duty, as a lead imports it.
func contactsCSV(n int) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"name", "role", "organisation", "phone", "backup_phone", "notes", "on_duty"})
	for i := range n {
		duty := "no"
		if i%3 == 0 {
			duty = "yes"
		}
		w.Write([]string{fmt.Sprintf("Contact %02d", i), "Nurse in charge", fmt.Sprintf("Ward %d", i%7), fmt.Sprintf("05 65 00 %02d %02d", i/100, i%100), "06 00 00 00 00",
			strings.Repeat("Reachable through the switchboard at night; ask for the ward by name. ", 1+i%4), duty})
	}
	w.Flush()
	return b.Bytes()
}
