package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/vt"

	"cellule/cli"
	"cellule/internal/hostile"
)

// tagged gives each case of the corpus a visible tag, so a screen shows
// which case a line comes from: "c07 AAA<sequence>ZZZ".
func tagged() []string {
	var texts []string
	for i, c := range hostile.Corpus() {
		texts = append(texts, fmt.Sprintf("c%02d %s", i, c.Text))
	}
	return texts
}

// hostileField is one place where a user's text is stored. write pushes
// every case of the corpus through it, as a user would, and returns
// whether the texts are stored (false: the field must refuse them).
// A new field or export is one more row in hostileFields, and one more
// surface in checkSurfaces.
type hostileField struct {
	name string
	// onConsole: the console shows what the field stores.
	onConsole bool
	write     func(t *testing.T, l *lab, texts []string) (stored bool)
}

var hostileFields = []hostileField{
	{"log text as arguments", true, func(t *testing.T, l *lab, texts []string) bool {
		for _, text := range texts {
			mustRun(t, l.responder, "", "log", text)
		}
		return true
	}},
	{"log text on standard input", true, func(t *testing.T, l *lab, texts []string) bool {
		for _, text := range texts {
			mustRun(t, l.responder, text, "log", "--kind", "info")
		}
		return true
	}},
	{"correction text", true, func(t *testing.T, l *lab, texts []string) bool {
		id := strings.TrimSpace(mustRun(t, l.responder, "", "log", "to be corrected"))
		for _, text := range texts {
			mustRun(t, l.responder, text, "log", "--amends", id)
		}
		return true
	}},
	{"stage note", true, func(t *testing.T, l *lab, texts []string) bool {
		for i, text := range texts {
			stage := []string{"qualification", "containment"}[i%2]
			mustRun(t, l.lead, "", "stage", stage, "--note", text)
		}
		return true
	}},
	{"key comment", false, func(t *testing.T, l *lab, texts []string) bool {
		for i, text := range texts {
			_, pub := newKey(t)
			mustRun(t, l.lead, pub+" "+text+"\n", "user", "add", fmt.Sprintf("kc%02d", i), "--role", "viewer")
		}
		return true
	}},
	{"user name (refused)", false, func(t *testing.T, l *lab, texts []string) bool {
		for _, text := range texts {
			_, pub := newKey(t)
			_, errOut, code := run(t, l.lead, pub, "user", "add", text, "--role", "viewer")
			if code == 0 {
				t.Errorf("user add accepted the name %q", text)
			}
			if err := hostile.Check(errOut); err != nil {
				t.Errorf("the refusal of a name: %v", err)
			}
		}
		return false
	}},
	{"time expression (refused)", false, func(t *testing.T, l *lab, texts []string) bool {
		for _, text := range texts {
			_, errOut, code := run(t, l.responder, "", "log", "--at", text, "entry")
			if code == 0 {
				t.Errorf("log --at accepted %q", text)
			}
			if err := hostile.Check(errOut); err != nil {
				t.Errorf("the refusal of a time: %v", err)
			}
		}
		return false
	}},
}

// hostileOutputs are the commands that print stored text (an export
// format is one more row); those with --json are run with it too, and the
// decoded strings checked.
var hostileOutputs = []struct {
	args    []string
	hasJSON bool
}{
	{[]string{"timeline"}, true},
	{[]string{"user", "list"}, true},
}

func mustRun(t *testing.T, c *client, stdin string, args ...string) string {
	t.Helper()
	out, errOut, code := run(t, c, stdin, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d %s", args, code, errOut)
	}
	return out
}

func TestHostileTextReachesNoTerminal(t *testing.T) {
	for _, f := range hostileFields {
		t.Run(f.name, func(t *testing.T) {
			l := newLab(t)
			// Another person's console, on a screen tall enough for all.
			watcher := openConsole(t, l.viewer, 160, 70)
			watcher.waitText("Timeline")
			var titles []string
			var mu sync.Mutex
			watcher.mu.Lock()
			watcher.em.SetCallbacks(vt.Callbacks{Title: func(s string) { mu.Lock(); titles = append(titles, s); mu.Unlock() }})
			watcher.mu.Unlock()

			texts := tagged()
			stored := f.write(t, l, texts) && f.onConsole
			if stored {
				watcher.waitText(fmt.Sprintf("c%02d AAA", len(texts)-1))
			}
			checkSurfaces(t, l, watcher, stored)
			mu.Lock()
			for _, title := range titles {
				if strings.Contains(title, "PWNED") {
					t.Errorf("another user's text set the terminal title to %q", title)
				}
			}
			mu.Unlock()
		})
	}
}

// checkSurfaces looks at everywhere stored text is shown: another
// session's screen, the text and JSON outputs.
func checkSurfaces(t *testing.T, l *lab, watcher *console, stored bool) {
	t.Helper()
	screen := watcher.screen()
	lines := strings.Split(screen, "\n")
	// The header has three lines; the tabs line comes right after them.
	if len(lines) < 4 || !strings.HasPrefix(lines[0], "Cellule") || !strings.Contains(lines[3], "1 Timeline") {
		t.Errorf("the console's layout moved (header not on rows 1-3, tabs line not on row 4):\n%s", screen)
	}
	for _, trace := range hostile.Traces {
		if strings.Contains(screen, trace) {
			t.Errorf("the payload %q reached the screen:\n%s", trace, screen)
		}
	}
	if stored {
		// Each case's line keeps its frame, in order, on one line: no
		// cursor move, carriage return or backspace rewrote it.
		for i := range hostile.Corpus() {
			tag := fmt.Sprintf("c%02d AAA", i)
			ok := false
			for _, line := range lines {
				if j := strings.Index(line, tag); j >= 0 && strings.Contains(line[j:], "ZZZ") {
					ok = true
				}
			}
			if !ok && strings.Contains(screen, tag) {
				t.Errorf("case %s lost its frame on screen:\n%s", tag, screen)
			}
		}
	}
	for _, o := range hostileOutputs {
		name, args := strings.Join(o.args, " "), o.args
		out := mustRun(t, l.lead, "", args...)
		if err := hostile.Check(out); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for _, trace := range hostile.Traces {
			if strings.Contains(out, trace) {
				t.Errorf("%s shows the payload %q", name, trace)
			}
		}
		if !o.hasJSON {
			continue
		}
		jsonOut := mustRun(t, l.lead, "", append(args, "--json")...)
		if err := hostile.Check(jsonOut); err != nil {
			t.Errorf("%s --json (raw): %v", name, err)
		}
		// A script that decodes the JSON and prints a field prints it
		// clean too.
		dec := json.NewDecoder(strings.NewReader(jsonOut))
		for dec.More() {
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Fatalf("%s --json: %v", name, err)
			}
			walkStrings(v, func(s string) {
				if err := hostile.Check(s); err != nil {
					t.Errorf("%s --json (decoded): %v", name, err)
				}
			})
		}
	}
}

func walkStrings(v any, fn func(string)) {
	switch v := v.(type) {
	case string:
		fn(v)
	case []any:
		for _, x := range v {
			walkStrings(x, fn)
		}
	case map[string]any:
		for k, x := range v {
			fn(k)
			walkStrings(x, fn)
		}
	}
}

func TestHostileCrisisNameReachesNoTerminal(t *testing.T) {
	leadKey, leadPub := newKey(t)
	dir, home := t.TempDir(), homeWithKey(t, leadPub)
	for i, c := range hostile.Corpus() {
		name := fmt.Sprintf("n%02d %s", i, c.Text)
		srv := startServerWith(t, dir, home, cli.ServeOptions{Name: name})
		if err := hostile.Check(srv.out.String()); err != nil {
			t.Errorf("%s: the start-up report: %v", c.Name, err)
		}
		lead := connect(t, srv.addr, leadKey)
		con := openConsole(t, lead, 120, 30)
		screen := con.waitText(fmt.Sprintf("n%02d AAA", i))
		for _, trace := range hostile.Traces {
			if strings.Contains(screen, trace) {
				t.Errorf("%s: the payload %q reached the header", c.Name, trace)
			}
		}
		if out := mustRun(t, lead, "", "timeline", "--json"); hostile.Check(out) != nil {
			t.Errorf("%s: timeline --json: %v", c.Name, hostile.Check(out))
		}
		con.sess.Close()
		lead.Close()
		srv.stop()
	}
}
