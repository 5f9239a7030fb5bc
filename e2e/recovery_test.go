package e2e

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rowOf is the screen line of a recovery item, "" when it is not shown.
func rowOf(screen, name string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " ›"), name+"  ") {
			return l
		}
	}
	return ""
}

// A lead lifts the gate for one item over SSH; a manager watching the
// Recovery tab sees it at once, then sees the item go back in service.
func TestRecoveryOverrideSeenLiveInAnotherConsole(t *testing.T) {
	l := newLab(t)
	watcher := openConsole(t, l.viewer, 80, 24)
	watcher.waitText("Timeline")
	watcher.typeKeys("3")
	watcher.waitText("Patient-record interfaces")

	// Past the gate without an override: refused, nothing changes.
	_, errOut, code := run(t, l.responder, "", "recovery", "set", "mail", "--state", "in-service")
	if code != 1 || !strings.Contains(errOut, "before phase 1 (Core infrastructure) is validated") {
		t.Fatalf("mail in service before phase 1: exit %d, %q", code, errOut)
	}

	out, errOut, code := run(t, l.lead, "", "recovery", "override", "mail", "--reason", "Administrative services need mail; Zimbra rebuilt and patched")
	if code != 0 {
		t.Fatalf("override: exit %d: %s", code, errOut)
	}
	id, err := strconv.Atoi(strings.TrimSpace(out))
	if err != nil {
		t.Fatalf("override printed %q; want the decision entry's number", out)
	}
	watcher.waitFor("the gate lifted on the Mail row", func(s string) bool {
		return strings.Contains(rowOf(s, "Mail"), "[gate lifted]")
	})

	if _, errOut, code := run(t, l.responder, "", "recovery", "set", "Mail", "--state", "in-service", "--note", "back for the administrative services"); code != 0 {
		t.Fatalf("mail in service after the override: exit %d: %s", code, errOut)
	}
	screen := watcher.waitFor("Mail back in service", func(s string) bool {
		return strings.Contains(rowOf(s, "Mail"), "in-service")
	})
	if !strings.Contains(screen, "2 Business services and mail") || !strings.Contains(screen, "20%") {
		t.Errorf("phase 2's progress did not follow:\n%s", screen)
	}

	// The override is a decision in the logbook, by the lead.
	tl, _, _ := run(t, l.viewer, "", "timeline", "--json")
	var entries []map[string]any
	if err := json.Unmarshal([]byte(tl), &entries); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		if e["id"] == float64(id) {
			found = e["kind"] == "decision" && e["author"] == l.leadName && strings.Contains(e["text"].(string), "Zimbra rebuilt and patched")
		}
	}
	if !found {
		t.Errorf("no decision entry #%d for the override in:\n%s", id, tl)
	}
}

func TestRecoveryCommandsOverSSH(t *testing.T) {
	l := newLab(t)
	before, _, _ := run(t, l.viewer, "", "recovery", "--json")

	refusals := []struct {
		who    *client
		args   []string
		code   int
		stderr string
	}{
		{l.viewer, []string{"recovery", "set", "firewall", "--state", "verified"}, 1, "viewer may not update the recovery"},
		{l.responder, []string{"recovery", "set", "firewall", "--state", "fixed"}, 1, `unknown recovery state "fixed"`},
		{l.responder, []string{"recovery", "set", "workstations", "--count", "1500"}, 1, "above the total of Workstations (1400)"},
		{l.responder, []string{"recovery", "set", "firewall"}, 2, "say what changes"},
		{l.responder, []string{"recovery", "validate", "1"}, 1, "responder may not validate"},
		{l.lead, []string{"recovery", "validate", "1"}, 1, "cannot be validated yet"},
		{l.lead, []string{"recovery", "validate", "7"}, 1, `no phase "7"`},
		{l.lead, []string{"recovery", "override", "lab"}, 2, "reason"},
		{l.responder, []string{"recovery", "add", "Telephony", "--phase", "2"}, 1, "may not edit the recovery plan"},
	}
	for _, r := range refusals {
		_, errOut, code := run(t, r.who, "", r.args...)
		if code != r.code || !strings.Contains(errOut, r.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", r.args, code, errOut, r.code, r.stderr)
		}
	}
	if after, _, _ := run(t, l.viewer, "", "recovery", "--json"); after != before {
		t.Errorf("refused commands changed the plan:\n%s\n->\n%s", before, after)
	}

	for _, args := range [][]string{
		{"recovery", "set", "firewall", "--state", "in-service", "--owner", "bob"},
		{"recovery", "set", "core-switches", "--state", "in-service"},
		{"recovery", "set", "dc", "--state", "verified"},
		{"recovery", "set", "dns-dhcp", "--state", "verified"},
		{"recovery", "set", "backup", "--state", "verified"},
		{"recovery", "set", "workstations", "--state", "rebuilt", "--count", "612"},
	} {
		if _, errOut, code := run(t, l.responder, "", args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
	}
	if _, errOut, code := run(t, l.lead, "", "recovery", "validate", "1"); code != 0 {
		t.Fatalf("validate 1: %s", errOut)
	}
	if out, errOut, code := run(t, l.lead, "", "recovery", "add", "Telephony (IPBX)", "--phase", "2"); code != 0 || strings.TrimSpace(out) != "telephony-ipbx" {
		t.Fatalf("add: exit %d, %q %s", code, out, errOut)
	}

	out, _, _ := run(t, l.viewer, "", "recovery", "--json")
	var got struct {
		Phases []struct {
			Number      int     `json:"number"`
			Name        string  `json:"name"`
			State       string  `json:"state"`
			ValidatedBy *string `json:"validated_by"`
			ValidatedAt *string `json:"validated_at"`
			Progress    int     `json:"progress"`
			Items       []struct {
				ID    string `json:"id"`
				Name  string `json:"name"`
				State string `json:"state"`
				Owner string `json:"owner"`
				Count *int   `json:"count"`
				Total *int   `json:"total"`
				Note  string `json:"note"`
			} `json:"items"`
		} `json:"phases"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("recovery --json: %v\n%s", err, out)
	}
	if len(got.Phases) != 4 {
		t.Fatalf("%d phases", len(got.Phases))
	}
	p1, p2, p4 := got.Phases[0], got.Phases[1], got.Phases[3]
	if p1.State != "validated" || p1.ValidatedBy == nil || *p1.ValidatedBy != l.leadName || p1.ValidatedAt == nil {
		t.Fatalf("phase 1: %+v", p1)
	}
	if ts, err := time.Parse(time.RFC3339, *p1.ValidatedAt); err != nil || !strings.HasSuffix(*p1.ValidatedAt, "Z") || time.Since(ts) > time.Hour {
		t.Errorf("validated_at %q is not a recent RFC 3339 UTC time", *p1.ValidatedAt)
	}
	// (100 + 100 + 75 + 75 + 75) / 5 = 85.
	if p1.Progress != 85 || p1.Items[0].Owner != "bob" || p1.Items[0].Count != nil {
		t.Errorf("phase 1: progress %d, firewall %+v", p1.Progress, p1.Items[0])
	}
	if p2.State != "not-started" || p2.ValidatedBy != nil || p2.Items[len(p2.Items)-1].ID != "telephony-ipbx" {
		t.Errorf("phase 2: %+v", p2)
	}
	ws := p4.Items[0]
	if ws.ID != "workstations" || ws.State != "rebuilt" || ws.Count == nil || *ws.Count != 612 || *ws.Total != 1400 || p4.Progress != 35 {
		t.Errorf("phase 4: %d%%, %+v", p4.Progress, ws)
	}
}
