package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// A responder registers and moves assets over SSH; the lead's open
// console shows the header's count and the Register tab change at once,
// without a key press.
func TestRegisterReachesAnotherOpenConsole(t *testing.T) {
	l := newLab(t)
	lead := openConsole(t, l.lead, 100, 30)
	lead.waitText("Timeline")
	lead.typeKeys("6")
	lead.waitText("The register is empty")

	run1 := func(args ...string) string {
		t.Helper()
		out, errOut, code := run(t, l.responder, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		return strings.TrimSpace(out)
	}
	id := run1("register", "add", "domain-admin", "adm-jdupont", "--state", "compromised", "--evidence", "4624 logons from 10.2.3.4", "--item", "dc")
	run1("register", "add", "workstation", "PC-URG-04")
	run1("register", "add", "server", "srv-backup", "--state", "compromised")
	lead.waitText("2 compromised, 1 suspected")
	lead.waitText("compromised (2)")
	lead.waitText("adm-jdupont")

	run1("register", "set", id, "--state", "contained", "--note", "account disabled in AD")
	lead.waitText("1 compromised, 1 suspected")
	lead.waitText("contained (1)")

	// The history is one Enter away; the logbook links the entry to it.
	lead.typeKeys("f") // state filter: compromised
	lead.waitText("state: compromised")
	lead.typeKeys("f") // confirmed (none of them): the filter tells it
	lead.waitText("No asset matches")
	for i := 0; i < 5; i++ {
		lead.typeKeys("f") // suspected, contained, blocked, remediated, cleared
	}
	lead.typeKeys("f") // back to all
	lead.waitText("3 assets")
	lead.typeKeys("/")
	lead.typeKeys("jdupont\r")
	lead.waitText("search: jdupont")
	lead.typeKeys("\r")
	lead.waitText("History")
	lead.waitText("compromised -> contained")
	lead.waitText("account disabled in AD")
	lead.typeKeys("1")
	lead.waitText("asset " + id)

	// The viewer reads the register, and may not change it.
	out, _, code := run(t, l.viewer, "", "register", "list", "--json")
	var list []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) != 3 {
		t.Fatalf("viewer list: %d %s", code, out)
	}
	if _, errOut, code := run(t, l.viewer, "", "register", "set", id, "--state", "remediated"); code == 0 || !strings.Contains(errOut, "viewer may not change the register") {
		t.Errorf("viewer set: %d %s", code, errOut)
	}
}

// The console's forms register an asset and change its state.
func TestRegisterTabForms(t *testing.T) {
	l := newLab(t)
	bob := openConsole(t, l.responder, 100, 30)
	bob.waitText("Timeline")
	bob.typeKeys("6")
	bob.waitText("The register is empty")
	bob.typeKeys("n")
	bob.waitText("Register an asset")
	// The kind from a searched list, the state by its first letter.
	bob.typeKeys("server\tsrv-pacs\tc\tRadiology\t\t\tEDR alert 14:02\r")
	bob.waitText("Asset #1 registered")
	bob.waitText("1 compromised")
	bob.typeKeys("c")
	bob.waitText("Change asset #1")
	// Only the states a compromised machine can go to are offered.
	bob.waitFor("the states that can follow", func(s string) bool {
		return strings.Contains(s, "contained") && strings.Contains(s, "remediated") && !strings.Contains(s, "cleared")
	})
	bob.typeKeys("\tsome typed text\x1b")
	bob.waitText("Discard what you typed?")
	bob.typeKeys("y")
	bob.waitFor("the form to close", func(s string) bool { return !strings.Contains(s, "Change asset #1") })
	bob.typeKeys("c")
	bob.waitText("Change asset #1")
	bob.typeKeys("\tisolated from the network\t\r")
	bob.waitText("Asset #1 is now contained")
	bob.waitFor("the header's count to go", func(s string) bool { return !strings.Contains(s, "1 compromised") })

	// A viewer's n is refused with the reason.
	vera := openConsole(t, l.viewer, 100, 30)
	vera.waitText("Timeline")
	vera.typeKeys("6")
	vera.waitText("srv-pacs")
	vera.typeKeys("n")
	vera.waitText("may not change the register")
}

func accountsCSV(n int, bad map[int]string) string {
	var b strings.Builder
	b.WriteString("identifier,kind,state,owner,note\n")
	for line := 2; line <= n+1; line++ {
		if row, ok := bad[line]; ok {
			b.WriteString(row + "\n")
			continue
		}
		fmt.Fprintf(&b, "user%04d,user,suspected,Pole %d,AD export\n", line, line%9)
	}
	return b.String()
}

// A directory export comes on standard input over SSH: a bad row is named
// by its line and nothing is imported, unless --skip-bad.
func TestRegisterImportOverSSH(t *testing.T) {
	for _, n := range []int{50, 2000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			l := newLab(t)
			data := accountsCSV(n, map[int]string{7: "x,toaster,,,", 31: "user0002,user,,,"})
			out, errOut, code := run(t, l.responder, data, "register", "import")
			if code == 0 || !strings.Contains(errOut, "stdin:7:") || !strings.Contains(errOut, "stdin:31:") || !strings.Contains(errOut, "nothing was imported") {
				t.Fatalf("import with bad rows: exit %d\n%s\n%s", code, out, errOut)
			}
			list, _, _ := run(t, l.lead, "", "register", "list")
			if strings.TrimSpace(list) != "" {
				t.Fatalf("a refused import left:\n%s", list)
			}
			out, errOut, code = run(t, l.responder, data, "register", "import", "--skip-bad")
			if code != 0 || !strings.Contains(out, fmt.Sprintf("%d added, 2 rejected", n-2)) {
				t.Fatalf("--skip-bad: exit %d\n%s\n%s", code, out, errOut)
			}
			list, _, _ = run(t, l.lead, "", "register", "list", "--state", "suspected", "--kind", "user")
			if got := strings.Count(list, "\n"); got != n-2 {
				t.Errorf("listed %d suspected users, want %d", got, n-2)
			}
			if _, errOut, code := run(t, l.responder, "", "register", "import", "file.csv"); code == 0 || !strings.Contains(errOut, "standard input") {
				t.Errorf("a path over SSH: %d %s", code, errOut)
			}
		})
	}
}

// The register gates the recovery: a lead validates a phase whose item
// holds a compromised asset only after lifting the gate, with a reason.
func TestRegisterGateOverSSH(t *testing.T) {
	l := newLab(t)
	if _, errOut, code := run(t, l.lead, "", "register", "add", "server", "srv-dc1", "--state", "compromised", "--item", "dc"); code != 0 {
		t.Fatal(errOut)
	}
	var plan struct {
		Phases []struct {
			Items []struct{ ID string } `json:"items"`
		} `json:"phases"`
	}
	out, _, _ := run(t, l.lead, "", "recovery", "--json")
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	for _, it := range plan.Phases[0].Items {
		if _, errOut, code := run(t, l.lead, "", "recovery", "set", it.ID, "--state", "verified"); code != 0 {
			t.Fatalf("set %s: %s", it.ID, errOut)
		}
	}
	if _, errOut, code := run(t, l.lead, "", "recovery", "validate", "1"); code == 0 || !strings.Contains(errOut, "srv-dc1") {
		t.Fatalf("validate with a compromised asset: %d %s", code, errOut)
	}
	if _, errOut, code := run(t, l.responder, "", "recovery", "lift-register", "1", "--reason", "urgent"); code == 0 {
		t.Errorf("a responder lifted the gate: %s", errOut)
	}
	if _, errOut, code := run(t, l.lead, "", "recovery", "lift-register", "1", "--reason", "DC isolated, ER needs the network"); code != 0 {
		t.Fatalf("lift: %s", errOut)
	}
	if _, errOut, code := run(t, l.lead, "", "recovery", "validate", "1"); code != 0 {
		t.Fatalf("validate after the lift: %s", errOut)
	}
	tl, _, _ := run(t, l.viewer, "", "timeline")
	if !strings.Contains(tl, "Register gate lifted for recovery phase 1") {
		t.Errorf("the decision is not in the timeline:\n%s", tl)
	}
}
