package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cellule/crisis"
	"cellule/store"
)

// host runs commands as the host operator against a real database.
type host struct {
	t   *testing.T
	svc *crisis.Service
	dir string
}

func newHost(t *testing.T) *host {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	svc := crisis.NewService(db)
	if _, err := svc.Open(crisis.LocalActor("test"), "Test"); err != nil {
		t.Fatal(err)
	}
	return &host{t: t, svc: svc, dir: t.TempDir()}
}

// run executes a command line; remote runs it as over SSH, with stdin.
func (h *host) run(remote bool, stdin string, args ...string) (string, string, int) {
	var out, errOut bytes.Buffer
	env := Env{
		Remote:  remote,
		Actor:   crisis.LocalActor("test"),
		Service: func(string) (*crisis.Service, func(), error) { return h.svc, func() {}, nil },
		In:      strings.NewReader(stdin),
		Out:     &out,
		Err:     &errOut,
	}
	code := Execute(context.Background(), env, args)
	return out.String(), errOut.String(), code
}

func (h *host) file(name, content string) string {
	p := filepath.Join(h.dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		h.t.Fatal(err)
	}
	return p
}

func TestContactsImportReportsBadRowsAndImportsNothing(t *testing.T) {
	h := newHost(t)
	csv := h.file("annuaire.csv", "name,role,organisation,phone,backup_phone,notes\n"+
		"Camille Martin,On-call administrator,DSI,05 65 00 00 01,,\n"+
		"Nobody,Role,Org,,,\n"+
		"Claire Moreau,Crisis lead,Direction,05 65 00 00 03,,\n"+
		"Bad,Role,Org,not a number,,\n")
	out, errOut, code := h.run(false, "", "contacts", "import", csv)
	if code != ExitFail || !strings.Contains(errOut, "annuaire.csv:3: Nobody has no phone number") ||
		!strings.Contains(errOut, "annuaire.csv:5: \"not a number\" is not a phone number") || !strings.Contains(errOut, "nothing was imported") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	if out, _, _ := h.run(false, "", "contacts"); !strings.Contains(out, "No contact") {
		t.Errorf("a file with errors imported contacts:\n%s", out)
	}
	out, errOut, code = h.run(false, "", "contacts", "import", csv, "--skip-bad")
	if code != ExitOK || !strings.Contains(out, "2 added, 0 replaced, 2 rejected") || !strings.Contains(errOut, "annuaire.csv:3:") {
		t.Fatalf("--skip-bad: exit %d\n%s\n%s", code, out, errOut)
	}
	out, _, _ = h.run(false, "", "contacts", "--json")
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 2 || list[0]["name"] != "Camille Martin" || list[0]["backup_phone"] != "" {
		t.Errorf("contacts --json: %v\n%s", err, out)
	}
	if out, _, _ := h.run(false, "", "contacts", "crisis"); !strings.Contains(out, "Claire Moreau") || strings.Contains(out, "Camille") {
		t.Errorf("contacts crisis:\n%s", out)
	}
	// Over SSH the file comes on stdin; a path would name a server file.
	if _, errOut, code := h.run(true, "", "contacts", "import", csv); code != ExitUsage || !strings.Contains(errOut, "standard input") {
		t.Errorf("remote import with a path: %d %s", code, errOut)
	}
	in := "name,role,organisation,phone,backup_phone,notes\nCamille Martin,On-call administrator,DSI,05 65 00 00 09,,\n"
	if out, errOut, code := h.run(true, in, "contacts", "import"); code != ExitOK || !strings.Contains(out, "0 added, 1 replaced") {
		t.Errorf("remote import: %d %s %s", code, out, errOut)
	}
}

func TestChecklistImportStartTick(t *testing.T) {
	h := newHost(t)
	bad := h.file("pharmacy.txt", "checklist pharmacy: Pharmacy software down\n1. Call the pharmacist on duty\n   contact: Pharmacist\nchecklist hno: Mine\n- x\n")
	out, errOut, code := h.run(false, "", "checklist", "import", bad)
	if code != ExitFail || !strings.Contains(errOut, "pharmacy.txt:4: \"hno\" is the name of a built-in checklist") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	if out, _, _ := h.run(false, "", "checklist"); strings.Contains(out, "pharmacy") {
		t.Errorf("a bad file imported a checklist:\n%s", out)
	}
	if out, _, code := h.run(false, "", "checklist", "import", bad, "--skip-bad"); code != ExitOK || out != "imported pharmacy\n" {
		t.Fatalf("--skip-bad: %d %q", code, out)
	}
	yaml := h.file("lab.yaml", "- name: lab\n  title: {en: Lab down, fr: Labo en panne}\n  steps: [Tell the emergency department]\n")
	if out, errOut, code := h.run(false, "", "checklist", "import", yaml); code != ExitOK || out != "imported lab\n" {
		t.Fatalf("yaml import: %d %q %s", code, out, errOut)
	}

	out, _, code = h.run(false, "", "checklist", "start", "hno", "--label", "night of 12 September")
	if code != ExitOK || out != "1\n" {
		t.Fatalf("start: %d %q", code, out)
	}
	if out, errOut, code := h.run(false, "", "checklist", "tick", "1", "2"); code != ExitOK || strings.TrimSpace(out) == "" {
		t.Fatalf("tick: %d %q %s", code, out, errOut)
	}
	if _, errOut, code := h.run(false, "", "checklist", "tick", "1", "2"); code != ExitFail || !strings.Contains(errOut, "already ticked") {
		t.Errorf("tick twice: %d %s", code, errOut)
	}
	if _, errOut, code := h.run(false, "", "checklist", "tick", "1", "2", "--undo"); code != ExitFail || !strings.Contains(errOut, "needs a reason") {
		t.Errorf("untick without reason: %d %s", code, errOut)
	}
	if _, errOut, code := h.run(false, "", "checklist", "tick", "1", "two"); code != ExitFail || !strings.Contains(errOut, "STEP is a step's number") {
		t.Errorf("tick with a word: %d %s", code, errOut)
	}
	if _, _, code := h.run(false, "", "checklist", "tick", "1"); code != ExitUsage {
		t.Errorf("tick without a step: exit %d", code)
	}

	out, _, _ = h.run(false, "", "checklist")
	for _, want := range []string{"hno", "end-of-crisis", "pharmacy", "Run #1  Out-of-hours on-call — suspected compromise (night of 12 September)  1/13 done, next: step 1",
		"[x]  2. Call the on-call administrator  — host:test", "call: Crisis lead (not in the directory)", "pharmacy         Pharmacy software down — 1 step, imported"} {
		if !strings.Contains(out, want) {
			t.Errorf("checklist lacks %q:\n%s", want, out)
		}
	}
	if out, _, _ := h.run(false, "", "checklist", "--lang", "fr"); !strings.Contains(out, "Astreinte HNO — suspicion de compromission") || !strings.Contains(out, "Labo en panne") {
		t.Errorf("checklist --lang fr:\n%s", out)
	}

	if _, errOut, code := h.run(false, "", "checklist", "tick", "1", "2", "--undo", "--reason", "called the wrong number"); code != ExitOK {
		t.Fatalf("untick: %s", errOut)
	}
	out, _, _ = h.run(false, "", "checklist", "--json")
	var doc struct {
		Templates []struct {
			Name string `json:"name"`
		} `json:"templates"`
		Runs []struct {
			ID    uint64 `json:"id"`
			Label string `json:"label"`
			Done  int    `json:"done"`
			Total int    `json:"total"`
			Next  int    `json:"next"`
			Steps []struct {
				Number int     `json:"number"`
				Done   bool    `json:"done"`
				DoneAt *string `json:"done_at"`
			} `json:"steps"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(doc.Templates) != 4 || len(doc.Runs) != 1 || doc.Runs[0].Done != 0 || doc.Runs[0].Total != 13 || doc.Runs[0].Steps[1].Done || doc.Runs[0].Steps[1].DoneAt != nil {
		t.Errorf("checklist --json after the untick:\n%s", out)
	}
	tl, _, _ := h.run(false, "", "timeline")
	if !strings.Contains(tl, "step 2/13 done") || !strings.Contains(tl, "Reason: called the wrong number") {
		t.Errorf("the logbook lacks the tick and the untick:\n%s", tl)
	}
}

func TestHandoverCommand(t *testing.T) {
	h := newHost(t)
	out, errOut, code := h.run(true, "Mail and VPN cut.\n", "handover", "--open", "passwords", "--next", "call the provider")
	if code != ExitOK || out != "1\n" {
		t.Fatalf("handover: %d %q %s", code, out, errOut)
	}
	out, _, _ = h.run(false, "", "handover", "--list")
	if !strings.Contains(out, "Handover #1") || !strings.Contains(out, "NOT ACKNOWLEDGED") || !strings.Contains(out, "Next steps: call the provider") {
		t.Errorf("handover --list:\n%s", out)
	}
	if _, errOut, code := h.run(false, "", "handover", "--ack", "1"); code != ExitFail || !strings.Contains(errOut, "is yours") {
		t.Errorf("own ack: %d %s", code, errOut)
	}
	if _, _, code := h.run(false, "", "handover", "--ack", "1", "more text"); code != ExitUsage {
		t.Errorf("ack and text together: exit %d", code)
	}
	out, _, _ = h.run(false, "", "handover", "--list", "--json")
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 || list[0]["situation"] != "Mail and VPN cut." || list[0]["acked_at"] != nil {
		t.Errorf("--json: %v %s", err, out)
	}
}

func TestImportHintNamesStdin(t *testing.T) {
	root := newRoot(&Env{})
	root.SetArgs([]string{"checklist", "import", "/tmp/my list.yaml", "--skip-bad"})
	cmd, _, err := root.Find([]string{"checklist", "import"})
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.ParseFlags([]string{"/tmp/my list.yaml", "--skip-bad"}); err != nil {
		t.Fatal(err)
	}
	if got := sshEquivalent(cmd); got != "'checklist import --skip-bad true' < '/tmp/my list.yaml'" && got != "checklist import --skip-bad true < '/tmp/my list.yaml'" {
		t.Errorf("hint = %s", got)
	}
}
