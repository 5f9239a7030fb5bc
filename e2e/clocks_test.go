package e2e

import (
	"encoding/json"
	"image/color"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"cellule/internal/hostile"
	"cellule/tui/kit"
)

// paletteColour is how a colour of the console's (dark) palette reaches a
// 256-colour terminal, as the e2e consoles are.
func paletteColour(c color.Color) color.Color { return colorprofile.ANSI256.Convert(c) }

// fgAt is the foreground colour of the cell where text starts on screen.
func (c *console) fgAt(text string) (color.Color, bool) {
	x, y, ok := c.at(text)
	if !ok {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	cell := c.em.CellAt(x, y)
	if cell == nil {
		return nil, false
	}
	return cell.Style.Fg, true
}

// fgOf is the foreground colour where text starts, nil when it is not on
// screen.
func fgOf(c *console, text string) color.Color {
	fg, _ := c.fgAt(text)
	return fg
}

// A clock started over SSH shows at once in every console's header: a
// deadline under six hours away in the warning colour, a late one in the
// late colour; recorded sent, it goes.
func TestDeclarationDeadlineShowsLiveInAnotherConsole(t *testing.T) {
	l := newLab(t)
	watcher := openConsole(t, l.viewer, 80, 24)
	watcher.waitText("Timeline")

	// Awareness 67 hours ago: the CNIL's 72 hours end in about five.
	if out, errOut, code := run(t, l.responder, "", "clock", "start", "cnil", "--at", "-67h"); code != 0 || strings.TrimSpace(out) == "" {
		t.Fatalf("clock start: exit %d %q %s", code, out, errOut)
	}
	watcher.waitFor("the CNIL deadline", func(s string) bool {
		return strings.Contains(s, "CNIL due in 4h5") || strings.Contains(s, "CNIL due in 5h00")
	})
	if fg, want := fgOf(watcher, "CNIL due in"), paletteColour(kit.Dark().Warning); fg != want {
		t.Errorf("under 6 h the flag is drawn in %v, want the warning colour %v", fg, want)
	}

	// NIS2, turned on, with an early warning already an hour late.
	if _, errOut, code := run(t, l.responder, "", "clock", "enable", "nis2"); code != 1 || !strings.Contains(errOut, "leads only") {
		t.Errorf("responder enable: exit %d %s", code, errOut)
	}
	if _, errOut, code := run(t, l.lead, "", "clock", "enable", "nis2"); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code := run(t, l.responder, "", "clock", "start", "nis2-warning", "--at", "-25h"); code != 0 {
		t.Fatal(errOut)
	}
	watcher.waitText("NIS2-WARNING LATE 1h0")
	if fg, want := fgOf(watcher, "NIS2-WARNING LATE"), paletteColour(kit.Dark().Late); fg != want {
		t.Errorf("late flag drawn in %v, want the late colour %v", fg, want)
	}
	if _, errOut, code := run(t, l.responder, "", "clock", "done", "nis2-warning", "--ref", "ANSSI-1"); code != 0 {
		t.Fatal(errOut)
	}
	watcher.waitText("CNIL due in")
	if _, errOut, code := run(t, l.responder, "", "clock", "done", "cnil", "--ref", "CNIL-2026-42", "--to", "CNIL (téléservice)"); code != 0 {
		t.Fatal(errOut)
	}
	watcher.waitFor("the flag to go", func(s string) bool {
		first, _, _ := strings.Cut(s, "\n")
		return !strings.Contains(first, "due in") && !strings.Contains(first, "LATE")
	})
}

func TestClockCommandsOverSSH(t *testing.T) {
	l := newLab(t)
	if _, errOut, code := run(t, l.viewer, "", "clock", "start", "cnil"); code != 1 || !strings.Contains(errOut, "viewer may not") {
		t.Errorf("viewer start: exit %d %s", code, errOut)
	}
	if _, errOut, code := run(t, l.responder, "", "clock", "start", "cnil", "--at", "-80h"); code != 0 {
		t.Fatal(errOut)
	}
	// Late: the CNIL asks for the reasons of the delay.
	if _, errOut, code := run(t, l.responder, "", "clock", "done", "cnil", "--ref", "C-1"); code != 1 || !strings.Contains(errOut, "--reason") {
		t.Errorf("late without a reason: exit %d %s", code, errOut)
	}
	var running []struct {
		Name    string `json:"name"`
		Running *int64 `json:"running_seconds"`
		Left    *int64 `json:"left_seconds"`
	}
	out, _, _ := run(t, l.viewer, "", "clocks", "--json")
	if err := json.Unmarshal([]byte(out), &running); err != nil || running[1].Running == nil || *running[1].Running < 80*3600 ||
		running[1].Left == nil || *running[1].Left > -8*3600 || running[0].Running != nil {
		t.Errorf("running clocks --json: %v\n%s", err, out)
	}
	text, _, _ := run(t, l.viewer, "", "clocks")
	if !strings.Contains(text, "LATE by 8h0") || !strings.Contains(text, "nis2-final         off") {
		t.Errorf("clocks:\n%s", text)
	}
	// The corpus of hostile text through the reference, the recipient and
	// the reasons, then read back by someone else.
	evil := hostile.Corpus()
	if _, errOut, code := run(t, l.responder, "", "clock", "done", "cnil", "--ref", evil[0].Text, "--to", evil[1%len(evil)].Text, "--reason", evil[2%len(evil)].Text); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code := run(t, l.responder, "", "clock", "skip", "complaint", "--reason", "x"); code != 1 || !strings.Contains(errOut, "leads only") {
		t.Errorf("responder skip: exit %d %s", code, errOut)
	}
	if _, errOut, code := run(t, l.lead, "", "clock", "skip", "complaint", "--reason", evil[3%len(evil)].Text); code != 0 {
		t.Fatal(errOut)
	}
	for _, args := range [][]string{{"clocks"}, {"clocks", "--json"}, {"timeline"}} {
		out, _, _ := run(t, l.viewer, "", args...)
		if err := hostile.Check(out); err != nil {
			t.Errorf("%v: %v", args, err)
		}
	}
	var doc []struct {
		Name          string `json:"name"`
		State         string `json:"state"`
		Late          bool   `json:"late"`
		MarginSeconds *int64 `json:"margin_seconds"`
	}
	out, _, _ = run(t, l.viewer, "", "clocks", "--json")
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc) != 6 || doc[1].Name != "cnil" || doc[1].State != "sent" ||
		!doc[1].Late || doc[1].MarginSeconds == nil || *doc[1].MarginSeconds > -8*3600 || doc[2].State != "skipped" {
		t.Fatalf("clocks --json: %v\n%s", err, out)
	}
	// The definitions print as the YAML the import reads back.
	defs, _, _ := run(t, l.lead, "", "clocks", "--definitions")
	edited := strings.Replace(defs, "deadline: 72h", "deadline: 48h", 1)
	if out, errOut, code := run(t, l.lead, edited, "clock", "import"); code != 0 || !strings.Contains(out, "replaced cnil") {
		t.Fatalf("import of the edited definitions: exit %d %q %s\n%s", code, out, errOut, edited)
	}
	if _, errOut, code := run(t, l.responder, defs, "clock", "import"); code != 1 || !strings.Contains(errOut, "leads only") {
		t.Errorf("responder import: exit %d %s", code, errOut)
	}
}
