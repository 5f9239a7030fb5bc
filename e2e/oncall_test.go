package e2e

import (
	"encoding/json"
	"strings"
	"testing"
)

// A step ticked by a script over SSH shows at once in a console that is
// open on the On-call tab, with nothing typed there.
func TestTickOverSSHShowsLiveInAnotherConsole(t *testing.T) {
	l := newLab(t)
	watcher := openConsole(t, l.viewer, 80, 24)
	watcher.waitText("Timeline")
	watcher.typeKeys("4")
	watcher.waitText("No checklist is running.")

	out, errOut, code := run(t, l.responder, "", "checklist", "start", "hno", "--label", "night of 12 September")
	if code != 0 || strings.TrimSpace(out) != "1" {
		t.Fatalf("checklist start: exit %d %q %s", code, out, errOut)
	}
	watcher.waitText("0/13 · next: 1")

	if _, errOut, code := run(t, l.responder, "", "checklist", "tick", "1", "1"); code != 0 {
		t.Fatalf("checklist tick: %s", errOut)
	}
	watcher.waitText("[x]  1. Confirm the alert")
	watcher.waitText("1/13 · next: 2")

	// The tick is in the logbook, by the one who ticked.
	tl, _, _ := run(t, l.lead, "", "timeline")
	if !strings.Contains(tl, "step 1/13 done — Confirm the alert") || !strings.Contains(tl, "bob") {
		t.Errorf("the tick is not in the logbook:\n%s", tl)
	}
	// A viewer's tick is refused with a reason, and changes nothing.
	if _, errOut, code := run(t, l.viewer, "", "checklist", "tick", "1", "2"); code != 1 || !strings.Contains(errOut, "viewer may not") {
		t.Errorf("viewer tick: exit %d %s", code, errOut)
	}
}

func TestHandoverFlagUntilAcknowledged(t *testing.T) {
	l := newLab(t)
	lead := openConsole(t, l.lead, 80, 24)
	lead.waitText("Timeline")

	out, errOut, code := run(t, l.responder, "Mail and VPN cut since 00:40.\n", "handover", "--next", "call the mail provider at 08:00")
	if code != 0 || strings.TrimSpace(out) != "1" {
		t.Fatalf("handover: exit %d %q %s", code, out, errOut)
	}
	lead.waitText("Handover #1 (bob) to acknowledge")
	if _, errOut, code := run(t, l.responder, "", "handover", "--ack", "1"); code != 1 || !strings.Contains(errOut, "is yours") {
		t.Errorf("the author acknowledged: exit %d %s", code, errOut)
	}
	if _, errOut, code := run(t, l.lead, "", "handover", "--ack", "1"); code != 0 {
		t.Fatal(errOut)
	}
	lead.waitFor("the flag to go", func(s string) bool { return !strings.Contains(s, "to acknowledge") })
}

func TestImportsOverSSH(t *testing.T) {
	l := newLab(t)
	csv := "name,role,organisation,phone,backup_phone,notes\nCamille Martin,On-call administrator,DSI,05 65 00 00 01,,\nBad Row,x,y,,,\n"
	_, errOut, code := run(t, l.lead, csv, "contacts", "import")
	if code != 1 || !strings.Contains(errOut, "stdin:3: Bad Row has no phone number") {
		t.Fatalf("bad CSV over SSH: exit %d %s", code, errOut)
	}
	if out, _, _ := run(t, l.lead, "", "contacts", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("a file with errors imported contacts: %s", out)
	}
	if out, errOut, code := run(t, l.lead, csv, "contacts", "import", "--skip-bad"); code != 0 || !strings.Contains(out, "1 added") {
		t.Fatalf("--skip-bad: %d %s %s", code, out, errOut)
	}
	list := "checklist pharmacy: Pharmacy software down\n1. Call the pharmacist on duty\n"
	if _, errOut, code := run(t, l.responder, list, "checklist", "import"); code != 1 || !strings.Contains(errOut, "may not import") {
		t.Errorf("responder import: %d %s", code, errOut)
	}
	if out, errOut, code := run(t, l.lead, list, "checklist", "import"); code != 0 || out != "imported pharmacy\n" {
		t.Fatalf("lead import: %d %q %s", code, out, errOut)
	}
	if out, _, code := run(t, l.responder, "", "checklist", "start", "pharmacy"); code != 0 || strings.TrimSpace(out) != "1" {
		t.Errorf("start imported: %d %q", code, out)
	}
}

func TestDemoHasTheNightRunsAndContacts(t *testing.T) {
	leadKey, leadPub := newKey(t)
	srv := startServer(t, t.TempDir(), homeWithKey(t, leadPub), true)
	c := connect(t, srv.addr, leadKey)
	out, _, code := run(t, c, "", "checklist", "--json")
	var doc struct {
		Runs []struct {
			Label string `json:"label"`
			Done  int    `json:"done"`
			Total int    `json:"total"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &doc); code != 0 || err != nil || len(doc.Runs) != 2 ||
		doc.Runs[0].Label != "night of 12 September" || doc.Runs[1].Label != "night of 13 September" {
		t.Fatalf("demo runs: %v %s", err, out)
	}
	contacts, _, _ := run(t, c, "", "contacts")
	if !strings.Contains(contacts, "05 65 00 00 01") || !strings.Contains(contacts, "On-call administrator") {
		t.Errorf("demo contacts:\n%s", contacts)
	}
}
