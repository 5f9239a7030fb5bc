package report_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	corpus "cellule/internal/hostile"
	"cellule/report"
)

// hostile is text that tries to act on the terminal or the page that shows
// it: escape sequences (colours, clipboard, title, screen clearing), bells,
// 8-bit controls, direction overrides and markup.
var hostile = []string{
	"\x1b[2J\x1b[31mred\x1b[0m",
	"\x1b]52;c;ZWNobyBwd25lZA==\x07clipboard",
	"\x1b]0;title\x1b\\ title",
	"\x9b31m C1 CSI \u0085 NEL",
	"bell\x07 backspace\x08 del\x7f",
	"\u202eevil\u202c \u2066isolate\u2069",
	"<script>alert(1)</script> <img src=x onerror=alert(1)> [link](http://evil) ![img](http://evil/x.png)",
	"=HYPERLINK(\"http://evil\")",
	"\x1bP dcs never terminated",
}

// Every export of a record holding hostile text carries none of it as
// something that acts: not when it came through the service (sanitised on
// write), and not when it was written into the file behind its back.
func TestExportsAreSanitised(t *testing.T) {
	svc := newService(t, t.TempDir())
	if _, err := svc.Open(host, "Crisis \x1b[5mblink"); err != nil {
		t.Fatal(err)
	}
	lead := crisistest.Register(t, svc, "alice", crisis.RoleLead)
	for _, h := range hostile {
		if _, err := svc.Log(lead, crisis.Draft{Kind: crisis.KindDecision, Text: h}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.AddTakeaway(lead, h); err != nil {
			t.Fatal(err)
		}
	}
	checkExports(t, svc, "logged through the service")

	// Now behind the service's back: raw bytes into the stored entries,
	// author and kind included (verify would flag this; exports must still
	// be harmless).
	e := crisis.Entry{ID: 1, Author: "mallory\x1b[8m", Kind: "fact\x1b[1m", Text: strings.Join(hostile, "\n")}
	raw, _ := json.Marshal(e)
	if err := rawPut(t, svc, "entries", "1", raw); err != nil {
		t.Fatal(err)
	}
	checkExports(t, svc, "written into the file")
}

func checkExports(t *testing.T, svc *crisis.Service, how string) {
	t.Helper()
	for _, lang := range report.Langs {
		checkExportsIn(t, svc, how+", "+lang, lang)
	}
}

func checkExportsIn(t *testing.T, svc *crisis.Service, how, lang string) {
	t.Helper()
	for _, f := range report.Formats {
		out := string(exportIn(t, svc, f, lang))
		for i, r := range out {
			if r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD") {
				t.Errorf("%s (%s): invalid UTF-8 at byte %d", f, how, i)
				break
			}
			if (r < 0x20 && r != '\n' && r != '\r') || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
				(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
				t.Errorf("%s (%s): control %U at byte %d: %q", f, how, r, i, out[max(0, i-20):min(len(out), i+20)])
				break
			}
		}
		switch f {
		case report.HTML, report.Print:
			low := strings.ToLower(out)
			for _, bad := range []string{"<script", "<img", "href="} {
				if strings.Contains(low, bad) {
					t.Errorf("html (%s): holds %q", how, bad)
				}
			}
		case report.Markdown:
			if regexp.MustCompile(`[^\\]\]\(http`).MatchString(out) {
				t.Errorf("md (%s): holds a live link", how)
			}
		case report.CSV:
			if strings.Contains(out, ",=HYPERLINK") || strings.Contains(out, "\"=HYPERLINK") {
				t.Errorf("csv (%s): a cell starts with a formula", how)
			}
		}
	}
}

// The tasks, the recovery plan, checklist runs and handovers are exported
// as harmlessly as the logbook: each hostile text typed into every field
// people fill (task title, details, blocked reason; item note and owner,
// override reason; checklist label and the step texts of an imported
// template, un-tick reason; the three parts of a handover; contacts), and
// then the same records rewritten in the file with the raw bytes, names
// and assignees included. The texts are this file's and the shared
// corpus of escape sequences.
func TestSmallRecordExportsAreSanitised(t *testing.T) {
	texts := append([]string(nil), hostile...)
	for _, c := range corpus.Corpus() {
		texts = append(texts, c.Text)
	}
	for i, h := range texts {
		svc := richRecord(t, " "+h)
		checkExports(t, svc, fmt.Sprintf("hostile text %d typed in every field", i))
	}

	svc := richRecord(t, "")
	bad := strings.Join(hostile, "\n")
	line := strings.Join(hostile, " ")
	at := time.Date(2022, 9, 12, 19, 0, 0, 0, time.UTC)
	due := at.Add(time.Hour)
	records := []struct {
		bucket, form, key string
		value             any
	}{
		{"tasks", "id", "1", crisis.Task{ID: 1, Title: line, Details: bad, Assignee: line, Status: crisis.TaskBlocked + "\x1b[1m", Reason: bad,
			Priority: 1, Phase: 2, Due: &due, CreatedBy: line, CreatedAt: at, UpdatedAt: at}},
		{"tasks", "id", "2", crisis.Task{ID: 2, Title: line, Assignee: line, Status: crisis.TaskDone, Priority: 2, CreatedAt: at, UpdatedAt: at}},
		{"recovery_items", "text", "lab", crisis.RecoveryItem{ID: "lab", Name: bad, Phase: 2, Owner: bad, State: crisis.StateInService + "\x1b[5m", Note: bad,
			Override: &crisis.Override{By: line, At: at, Reason: bad, Entry: 12}, UpdatedAt: at, UpdatedBy: bad}},
		{"recovery_phases", "id", "1", crisis.RecoveryPhase{Number: 1, Name: bad, ValidatedBy: bad, ValidatedAt: &at}},
		{"checklist_runs", "id", "1", crisis.ChecklistRun{ID: 1, Template: line, Title: crisis.Plain(bad), Label: bad, StartedAt: at, StartedBy: bad,
			Steps: []crisis.RunStep{
				{TemplateStep: crisis.TemplateStep{Text: crisis.Localized{"en": bad}}, DoneAt: &at, DoneBy: bad},
				{TemplateStep: crisis.TemplateStep{Text: crisis.Plain(line)}, UndoneAt: &at, UndoneBy: bad, UndoReason: bad},
			}}},
		{"assets", "id", "1", crisis.Asset{ID: 1, Kind: crisis.KindServer + "\x1b[1m", Identifier: bad, State: crisis.AssetCompromised + "\x1b[5m", Owner: bad, Notes: bad,
			Item: bad, FoundAt: &at, History: []crisis.AssetChange{{At: at, By: bad, From: crisis.AssetSuspected, To: crisis.AssetCompromised, Note: bad, Evidence: bad, Entry: 3}},
			CreatedBy: bad, CreatedAt: at, UpdatedAt: at}},
		{"handovers", "id", "1", crisis.Handover{ID: 1, WrittenAt: at, By: bad, Situation: bad, OpenItems: bad, NextSteps: bad, AckedAt: &at, AckedBy: bad}},
	}
	for _, r := range records {
		raw, err := json.Marshal(r.value)
		if err != nil {
			t.Fatal(err)
		}
		if err := dbs[svc].Update(func(tx crisis.WriteTx) error { return tx.RawPut(r.bucket, r.form, r.key, false, raw) }); err != nil {
			t.Fatal(err)
		}
	}
	checkExports(t, svc, "small records written into the file")
}
