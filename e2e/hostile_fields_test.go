package e2e

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/vt"

	"cellule/cli"
	"cellule/internal/hostile"
)

// tagged gives each case of the corpus a visible tag, so a screen shows
// which case a line comes from: "c07 AAA<sequence>ZZZ".
func tagged() []string { return taggedAs("c") }

// taggedAs is tagged with another letter, for a second field written in
// the same row ("o07 AAA...ZZZ" for an organisation...).
func taggedAs(letter string) []string {
	var texts []string
	for i, c := range hostile.Corpus() {
		texts = append(texts, fmt.Sprintf("%s%02d %s", letter, i, c.Text))
	}
	return texts
}

// tag is how a case's visible frame starts on screen: "c07 AAA".
func tag(letter string, i int) string { return fmt.Sprintf("%s%02d %s", letter, i, hostile.Before) }

// last is the tag of the corpus's last case.
func last(letter string) string { return tag(letter, len(hostile.Corpus())-1) }

// hostileField is one place where a user's text is stored. write pushes
// every case of the corpus through it, as a user would, and returns
// whether the texts are stored (false: the field must refuse them).
// views are where another person's console shows the field: the keys that
// bring it up (a tab, a section, a selection) and what is on the screen
// once it shows; the screen is checked after each. A new field or export
// is one more row in hostileFields, and one more surface in checkSurfaces.
type hostileField struct {
	name  string
	views []view
	write func(t *testing.T, l *lab, texts []string) (stored bool)
}

// view is a screen of the watcher's console: keys to type, then texts to
// wait for.
type view struct {
	keys string
	wait []string
}

// onTimeline: the texts are logbook entries, shown on the Timeline tab.
var onTimeline = []view{{"1", []string{last("c")}}}

// Keys the watcher types.
const (
	keyDown  = "\x1b[B"
	keyEnter = "\r"
)

// stepThrough selects each line of a list in turn (the first is selected
// when the list shows): the view of line i waits for wait(i).
func stepThrough(first string, wait func(i int) []string) []view {
	views := []view{{first, wait(0)}}
	for i := 1; i < len(hostile.Corpus()); i++ {
		views = append(views, view{keyDown, wait(i)})
	}
	return views
}

var hostileFields = []hostileField{
	{"log text as arguments", onTimeline, func(t *testing.T, l *lab, texts []string) bool {
		for _, text := range texts {
			mustRun(t, l.responder, "", "log", text)
		}
		return true
	}},
	{"log text on standard input", onTimeline, func(t *testing.T, l *lab, texts []string) bool {
		for _, text := range texts {
			mustRun(t, l.responder, text, "log", "--kind", "info")
		}
		return true
	}},
	{"correction text", onTimeline, func(t *testing.T, l *lab, texts []string) bool {
		id := strings.TrimSpace(mustRun(t, l.responder, "", "log", "to be corrected"))
		for _, text := range texts {
			mustRun(t, l.responder, text, "log", "--amends", id)
		}
		return true
	}},
	{"stage note", onTimeline, func(t *testing.T, l *lab, texts []string) bool {
		for i, text := range texts {
			stage := []string{"qualification", "containment"}[i%2]
			mustRun(t, l.lead, "", "stage", stage, "--note", text)
		}
		return true
	}},
	{"task title", []view{{"2", []string{last("c")}}}, func(t *testing.T, l *lab, texts []string) bool {
		for _, text := range texts {
			mustRun(t, l.responder, "", "task", "add", text)
		}
		return true
	}},
	{"task details", []view{{"2", []string{"details holder"}}, {keyEnter, []string{last("c")}}}, func(t *testing.T, l *lab, texts []string) bool {
		mustRun(t, l.responder, "", "task", "add", "details holder", "--details", strings.Join(texts, "\n"))
		return true
	}},
	{"task blocked reason", []view{{"2", []string{last("c")}}}, func(t *testing.T, l *lab, texts []string) bool {
		for i, text := range texts {
			id := strings.TrimSpace(mustRun(t, l.responder, "", "task", "add", fmt.Sprintf("blocked task %d", i)))
			mustRun(t, l.responder, "", "task", "set", id, "--status", "blocked", "--reason", text)
		}
		return true
	}},
	{"recovery item name (add)", []view{{"3", []string{last("c")}}}, func(t *testing.T, l *lab, texts []string) bool {
		for i, text := range texts {
			mustRun(t, l.lead, "", "recovery", "add", text, "--phase", fmt.Sprint(i%4+1))
		}
		return true
	}},
	{"recovery item name (rename)", []view{{"3", []string{last("c")}}}, func(t *testing.T, l *lab, texts []string) bool {
		for i, text := range texts {
			id := strings.TrimSpace(mustRun(t, l.lead, "", "recovery", "add", fmt.Sprintf("r%02d", i), "--phase", "2"))
			mustRun(t, l.lead, "", "recovery", "rename", id, text)
		}
		return true
	}},
	{"recovery note", []view{{"3", []string{last("c")}}}, func(t *testing.T, l *lab, texts []string) bool {
		for i, text := range texts {
			id := strings.TrimSpace(mustRun(t, l.lead, "", "recovery", "add", fmt.Sprintf("n%02d", i), "--phase", "3"))
			mustRun(t, l.responder, "", "recovery", "set", id, "--note", text)
		}
		return true
	}},
	{"recovery owner", []view{{"3", []string{last("c")}}}, func(t *testing.T, l *lab, texts []string) bool {
		for i, text := range texts {
			id := strings.TrimSpace(mustRun(t, l.lead, "", "recovery", "add", fmt.Sprintf("w%02d", i), "--phase", "4"))
			mustRun(t, l.responder, "", "recovery", "set", id, "--owner", text)
		}
		return true
	}},
	{"recovery gate override reason", onTimeline, func(t *testing.T, l *lab, texts []string) bool {
		for i, text := range texts {
			id := strings.TrimSpace(mustRun(t, l.lead, "", "recovery", "add", fmt.Sprintf("g%02d", i), "--phase", "2"))
			mustRun(t, l.lead, "", "recovery", "override", id, "--reason", text)
		}
		return true
	}},
	{"register identifier and owner", []view{
		{"6/" + fmt.Sprintf("c%02d", len(hostile.Corpus())-1) + "\r", []string{last("c"), last("o")}},
		{keyEnter, []string{"History", last("c"), last("o")}},
	}, func(t *testing.T, l *lab, texts []string) bool {
		owners := taggedAs("o")
		for i, text := range texts {
			mustRun(t, l.responder, "", "register", "add", "user", text, "--owner", owners[i])
		}
		return true
	}},
	{"register note and evidence", []view{{"6", []string{"evidence-holder"}}, {keyEnter, []string{last("c"), last("e")}}}, func(t *testing.T, l *lab, texts []string) bool {
		mustRun(t, l.responder, "", "register", "add", "server", "evidence-holder", "--state", "compromised")
		evidence := taggedAs("e")
		for i, text := range texts {
			state := []string{"contained", "compromised"}[i%2]
			mustRun(t, l.responder, "", "register", "set", "evidence-holder", "--state", state, "--note", text, "--evidence", evidence[i])
		}
		return true
	}},
	{"register import (standard input)", []view{{"6", []string{"imp"}}}, func(t *testing.T, l *lab, texts []string) bool {
		var b strings.Builder
		w := csv.NewWriter(&b)
		_ = w.Write([]string{"identifier", "kind", "owner", "note"})
		for i, text := range texts {
			_ = w.Write([]string{fmt.Sprintf("imp%02d %s", i, text), "workstation", text, text})
		}
		w.Flush()
		// The row of the raw C1 byte is not UTF-8: refused by its line.
		_, errOut, code := run(t, l.responder, b.String(), "register", "import", "--skip-bad")
		if code != 0 || strings.Count(errOut, "stdin:") > 1 {
			t.Errorf("register import --skip-bad: exit %d %q", code, errOut)
		}
		if err := hostile.Check(errOut); err != nil {
			t.Errorf("the refusal of a row: %v", err)
		}
		return true
	}},
	{"checklist run label", []view{{"4", []string{last("c")}}}, func(t *testing.T, l *lab, texts []string) bool {
		for _, text := range texts {
			mustRun(t, l.responder, "", "checklist", "start", "hno", "--label", text)
		}
		return true
	}},
	{"checklist template title (import on standard input)", []view{{"4", []string{last("c")}}}, func(t *testing.T, l *lab, texts []string) bool {
		var file strings.Builder
		for i, text := range texts {
			fmt.Fprintf(&file, "checklist t%02d: %s\n- a step\n", i, text)
		}
		// A file is UTF-8 text: the line of the raw C1 byte is refused,
		// the others are taken.
		_, errOut, code := run(t, l.lead, file.String(), "checklist", "import", "--skip-bad")
		if code != 0 || !strings.Contains(errOut, "not UTF-8") || strings.Count(errOut, "stdin:") != 1 {
			t.Errorf("checklist import --skip-bad: exit %d %q", code, errOut)
		}
		if err := hostile.Check(errOut); err != nil {
			t.Errorf("the refusal of a line: %v", err)
		}
		return true
	}},
	{"checklist step text, detail and contact (import on standard input)", stepThrough("4", func(i int) []string {
		return []string{last("c"), tag("d", i), tag("k", i)}
	}), func(t *testing.T, l *lab, texts []string) bool {
		// A file is UTF-8 text (a line that is not is refused, see the
		// template title): the raw C1 byte goes in as U+FFFD.
		file := "checklist steps: Steps\n"
		for i, text := range texts {
			file += fmt.Sprintf("- %s\n  detail: %s\n  contact: %s\n", text, taggedAs("d")[i], taggedAs("k")[i])
		}
		file = strings.ToValidUTF8(file, "\uFFFD")
		mustRun(t, l.lead, file, "checklist", "import")
		mustRun(t, l.responder, "", "checklist", "start", "steps")
		return true
	}},
	{"checklist un-tick reason", stepThrough("4", func(i int) []string { return []string{tag("c", i)} }), func(t *testing.T, l *lab, texts []string) bool {
		file := "checklist undo: Undo\n"
		for i := range texts {
			file += fmt.Sprintf("- step %d\n", i+1)
		}
		mustRun(t, l.lead, file, "checklist", "import")
		run := strings.TrimSpace(mustRun(t, l.responder, "", "checklist", "start", "undo"))
		for i, text := range texts {
			step := fmt.Sprint(i + 1)
			mustRun(t, l.responder, "", "checklist", "tick", run, step)
			mustRun(t, l.responder, "", "checklist", "tick", run, step, "--undo", "--reason", text)
		}
		return true
	}},
	{"contact fields (CSV import on standard input)", append([]view{{"4d", []string{last("c"), last("r"), tag("o", 0), tag("n", 0)}}},
		stepThrough("", func(i int) []string { return []string{tag("o", i), tag("n", i)} })[1:]...), func(t *testing.T, l *lab, texts []string) bool {
		var file bytes.Buffer
		w := csv.NewWriter(&file)
		_ = w.Write([]string{"name", "role", "organisation", "phone", "backup_phone", "notes"})
		for i, text := range texts {
			_ = w.Write([]string{text, taggedAs("r")[i], taggedAs("o")[i], fmt.Sprintf("05 65 00 00 %02d", i), "", taggedAs("n")[i]})
		}
		w.Flush()
		// As for checklists, the raw C1 byte goes in as U+FFFD.
		mustRun(t, l.lead, strings.ToValidUTF8(file.String(), "\uFFFD"), "contacts", "import")
		return true
	}},
	{"contact phone (CSV import, refused)", nil, func(t *testing.T, l *lab, texts []string) bool {
		file := "name,role,organisation,phone,backup_phone,notes\n"
		for i, text := range texts {
			file += fmt.Sprintf("p%02d,,,\"05 65 %s\",,\n", i, text)
		}
		_, errOut, code := run(t, l.lead, file, "contacts", "import")
		if code == 0 {
			t.Errorf("contacts import took hostile phone numbers")
		}
		if err := hostile.Check(errOut); err != nil {
			t.Errorf("the refusal of phone numbers: %v", err)
		}
		return false
	}},
	{"handover situation, open items and next steps", []view{{"4h", []string{last("c"), last("o"), last("x")}}}, func(t *testing.T, l *lab, texts []string) bool {
		mustRun(t, l.responder, "", "handover", "--situation", strings.Join(texts, "\n"),
			"--open", strings.Join(taggedAs("o"), "\n"), "--next", strings.Join(taggedAs("x"), "\n"))
		return true
	}},
	{"takeaway text (standard input)", []view{{"5", []string{"Lessons-learned report"}}, {"G", []string{last("c")}}}, func(t *testing.T, l *lab, texts []string) bool {
		for _, text := range texts {
			mustRun(t, l.lead, text, "takeaway", "add")
		}
		return true
	}},
	// Last: closing makes the crisis read-only (each row has its own lab).
	{"closing note", []view{{"1", []string{last("c")}}, {"5", []string{"Lessons-learned report", last("c")}}}, func(t *testing.T, l *lab, texts []string) bool {
		mustRun(t, l.lead, "", "close", "--note", strings.Join(texts, "\n"))
		return true
	}},
	{"key comment", nil, func(t *testing.T, l *lab, texts []string) bool {
		for i, text := range texts {
			_, pub := newKey(t)
			mustRun(t, l.lead, pub+" "+text+"\n", "user", "add", fmt.Sprintf("kc%02d", i), "--role", "viewer")
		}
		return true
	}},
	{"user name (refused)", nil, func(t *testing.T, l *lab, texts []string) bool {
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
	{"time expression (refused)", nil, func(t *testing.T, l *lab, texts []string) bool {
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
	hasJSON bool   // also run with --json
	form    string // "" text, "csv", or "snapshot" (the JSON export)
}{
	{[]string{"timeline"}, true, ""},
	{[]string{"user", "list"}, true, ""},
	{[]string{"task", "list"}, true, ""},
	{[]string{"recovery"}, true, ""},
	{[]string{"checklist"}, true, ""},
	{[]string{"contacts"}, true, ""},
	{[]string{"handover", "--list"}, true, ""},
	{[]string{"takeaway", "list"}, true, ""},
	{[]string{"register", "list"}, true, ""},
	{[]string{"export", "--format", "md"}, false, ""},
	{[]string{"export", "--format", "html"}, false, ""},
	{[]string{"export", "--format", "csv"}, false, "csv"},
	{[]string{"export", "--format", "json"}, false, "snapshot"},
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
			// Another person's console, on a screen tall enough for all,
			// and one of the classic size; both measure characters as
			// tmux does where it disagrees with the server.
			watcher := openConsoleThrough(t, l.viewer, 160, 130, tmuxWidths())
			watcher.waitText("Timeline")
			small := openConsoleThrough(t, l.viewer, 80, 24, tmuxWidths())
			small.waitText("Timeline")
			var titles []string
			var mu sync.Mutex
			watcher.mu.Lock()
			watcher.em.SetCallbacks(vt.Callbacks{Title: func(s string) { mu.Lock(); titles = append(titles, s); mu.Unlock() }})
			watcher.mu.Unlock()

			texts := tagged()
			stored := f.write(t, l, texts)
			if !stored || len(f.views) == 0 {
				checkScreen(t, watcher.screen())
				checkLayout(t, small.screen())
			}
			if stored {
				for _, v := range f.views {
					wait := v.wait
					if v.keys != "" && v.keys[0] >= '1' && v.keys[0] <= '6' {
						// The tab must show (its number in brackets on the
						// tabs line) before the next key: the same text may
						// be on the tab left behind.
						wait = append([]string{"[" + v.keys[:1] + " "}, wait...)
					}
					watcher.typeKeys(v.keys)
					small.typeKeys(v.keys)
					screen := watcher.waitFor(fmt.Sprintf("%q after typing %q", wait, v.keys), func(s string) bool {
						for _, w := range wait {
							if !strings.Contains(s, w) {
								return false
							}
						}
						return true
					})
					checkScreen(t, screen)
					// The directory's phone column stays in place,
					// whatever the names before it hold.
					checkAligned(t, watcher, "05 65 00 00 ")
					// The small screen shows the start of the same view:
					// its frame holds whatever it shows.
					if strings.HasPrefix(wait[0], "[") {
						small.waitText(wait[0])
					}
					checkLayout(t, small.screen())
				}
			}
			checkOutputs(t, l)
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

// frameStart finds the start of a case's visible frame on a screen line.
var frameStart = regexp.MustCompile(`[a-z][0-9]{2} ` + hostile.Before)

// checkScreen looks at another session's screen: the layout holds, no
// payload shows, and each case shown keeps its frame on one line.
func checkScreen(t *testing.T, screen string) {
	t.Helper()
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
	if !isFooter(lines[len(lines)-1]) {
		t.Errorf("the footer is not on the last row:\n%s", screen)
	}
	// The forged row shows only inside its case's frame.
	for _, line := range lines {
		if i := strings.Index(line, "#999"); i >= 0 && !frameStart.MatchString(line[:i]) {
			t.Errorf("a forged row shows:\n%s", screen)
		}
	}
	// Each case's line keeps its frame, in order, on one line: no cursor
	// move, carriage return or backspace rewrote it. (A line cut to the
	// width ends with an ellipsis instead.)
	for i, line := range lines {
		for _, loc := range frameStart.FindAllStringIndex(line, -1) {
			rest := line[loc[1]:]
			if i+1 < len(lines) && strings.Contains(rest, " ") {
				rest += lines[i+1] // a case with spaces may wrap, once
			}
			if !strings.Contains(rest, hostile.After) && !strings.Contains(rest, "…") {
				t.Errorf("case %s lost its frame on screen:\n%s", line[loc[0]:loc[1]], screen)
			}
		}
	}
}

// checkOutputs runs every command that prints stored text, and every
// export format.
func checkOutputs(t *testing.T, l *lab) {
	t.Helper()
	for _, o := range hostileOutputs {
		name, args := strings.Join(o.args, " "), o.args
		out := mustRun(t, l.lead, "", args...)
		raw := out
		if o.form == "csv" {
			// RFC 4180 ends records with CRLF: a CR there is the format's;
			// and the file starts with a BOM, for spreadsheets.
			out = strings.TrimPrefix(out, "\uFEFF")
			raw = strings.ReplaceAll(out, "\r\n", "\n")
		}
		if err := hostile.Check(raw); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for _, trace := range hostile.Traces {
			if strings.Contains(out, trace) {
				t.Errorf("%s shows the payload %q", name, trace)
			}
		}
		switch o.form {
		case "csv":
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, rec := range recs {
				for _, field := range rec {
					if err := hostile.Check(field); err != nil {
						t.Errorf("%s (a field, as a spreadsheet reads it): %v", name, err)
					}
				}
			}
		case "snapshot":
			checkSnapshot(t, name, out)
		}
		if o.hasJSON {
			checkJSON(t, name+" --json", mustRun(t, l.lead, "", append(args, "--json")...))
		}
	}
}

// checkJSON: the raw JSON holds nothing unsafe, and a script that decodes
// it and prints a field prints it clean too.
func checkJSON(t *testing.T, name, out string) {
	t.Helper()
	if err := hostile.Check(out); err != nil {
		t.Errorf("%s (raw): %v", name, err)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		walkStrings(v, checkDecoded(t, name))
	}
}

func checkDecoded(t *testing.T, name string) func(string) {
	return func(s string) {
		t.Helper()
		if err := hostile.Check(s); err != nil {
			t.Errorf("%s (decoded): %v", name, err)
		}
		for _, trace := range hostile.Traces {
			if strings.Contains(s, trace) {
				t.Errorf("%s (decoded) holds the payload %q", name, trace)
			}
		}
	}
}

// checkSnapshot checks the JSON export as a script reading it would see
// it: every record's decoded value and text (binary values, such as the
// schema's counter, are written in hex).
func checkSnapshot(t *testing.T, name, out string) {
	t.Helper()
	if err := hostile.Check(out); err != nil {
		t.Errorf("%s (raw): %v", name, err)
	}
	var snap struct {
		Crisis  string `json:"crisis"`
		Buckets []struct {
			Name    string `json:"name"`
			Records []struct {
				Key   string `json:"key"`
				Value any    `json:"value"`
				Text  string `json:"text"`
			} `json:"records"`
		} `json:"buckets"`
	}
	if err := json.Unmarshal([]byte(out), &snap); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	check := checkDecoded(t, name)
	check(snap.Crisis)
	for _, b := range snap.Buckets {
		for _, r := range b.Records {
			check(r.Key)
			walkStrings(r.Value, check)
			check(r.Text)
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
