package crisis_test

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"cellule/crisis"
	"cellule/internal/hostile"
)

// checkRefusal is what every parser's refusal must be: invalid input,
// with a sentence that is safe to print on anyone's terminal.
func checkRefusal(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, crisis.ErrInvalid) {
		t.Fatalf("%s: unexpected error kind %v", what, err)
	}
	msg := crisis.Message(err)
	if msg == "" {
		t.Fatalf("%s: refusal without a sentence", what)
	}
	if err := hostile.Check(msg); err != nil {
		t.Fatalf("%s: refusal %q: %v", what, msg, err)
	}
}

// checkLine is a one-line text as it is stored: sanitised, trimmed, no
// newline, at most max runes.
func checkLine(t *testing.T, what, s string, max int) {
	t.Helper()
	if err := hostile.Check(s); err != nil || strings.Contains(s, "\n") {
		t.Fatalf("%s %q is not a safe line: %v", what, s, err)
	}
	if strings.TrimSpace(s) != s {
		t.Fatalf("%s %q is not trimmed", what, s)
	}
	if n := utf8.RuneCountInString(s); n > max {
		t.Fatalf("%s %q has %d runes, more than %d", what, s, n, max)
	}
}

var contactSeeds = []string{
	"name,role,organisation,phone,backup_phone,notes\n" +
		"Dr Martin,Pharmacist on duty,Pharmacy,+33 5 65 20 50 00,,Night\n" +
		"\"Durand, Paul\",Admin,IT,05.65.20.50.01,06 12 34 56 78,\"two\nlines\"\n",
	"\uFEFFname,role,organisation,phone,backup_phone,notes,on_duty\r\nA,,,0102,,,yes\r\nB,,,0304,,,maybe\r\n",
	"name,role,organisation,phone,backup_phone,notes\nA,,,12\na,,,34,,\n,,,56,,\nC,,,phone,,\n",
	"name,role\nA,B\n",
	"name,role,organisation,phone,backup_phone,notes\n\"unterminated,,,,,\n",
	"",
	"\n\n",
	"name,role,organisation,phone,backup_phone,notes\n" + hostile.Before + "\x1b]52;c;eA==\x07,\u202erole,\x9b2J,0102,,\x1b[2J\n",
}

// FuzzParseContactsCSV feeds the directory import: every row is taken,
// or rejected with its line and a sentence; what is taken is sanitised,
// bounded, and has a name and a phone number.
func FuzzParseContactsCSV(f *testing.F) {
	for _, s := range contactSeeds {
		f.Add([]byte(s))
	}
	for _, c := range hostile.Corpus() {
		f.Add([]byte("name,role,organisation,phone,backup_phone,notes\n" + c.Text + "," + c.Text + ",x,0102," + ",\"" + c.Text + "\"\n"))
	}
	phoneChars := regexp.MustCompile(`^\+?[0-9 .()/-]+$`)
	f.Fuzz(func(t *testing.T, data []byte) {
		got := crisis.ParseContactsCSV(data)
		if len(got.Contacts) == 0 && len(got.Rejected) == 0 {
			t.Fatalf("neither a contact nor a rejected line from %q", data)
		}
		if len(got.Contacts) > crisis.MaxContacts {
			t.Fatalf("%d contacts, more than %d", len(got.Contacts), crisis.MaxContacts)
		}
		for _, r := range got.Rejected {
			if r.Line < 1 {
				t.Fatalf("rejected line %d", r.Line)
			}
			checkRefusal(t, "contacts", r.Err)
		}
		seen := map[string]bool{}
		last := 1
		for _, pc := range got.Contacts {
			c := pc.Contact
			if pc.Line <= last {
				t.Fatalf("contact %q on line %d, after line %d", c.Name, pc.Line, last)
			}
			last = pc.Line
			checkLine(t, "name", c.Name, crisis.MaxContactField)
			checkLine(t, "role", c.Role, crisis.MaxContactField)
			checkLine(t, "organisation", c.Organisation, crisis.MaxContactField)
			checkLine(t, "phone", c.Phone, crisis.MaxPhone)
			checkLine(t, "backup phone", c.BackupPhone, crisis.MaxPhone)
			checkLine(t, "notes", c.Notes, crisis.MaxContactNotes)
			if c.Name == "" || !phoneChars.MatchString(c.Phone) {
				t.Fatalf("contact without a name or a phone number: %+v", c)
			}
			if c.BackupPhone != "" && !phoneChars.MatchString(c.BackupPhone) {
				t.Fatalf("backup phone %q", c.BackupPhone)
			}
			key := crisis.ContactKey(c.Name)
			if seen[key] {
				t.Fatalf("two contacts named %q", c.Name)
			}
			seen[key] = true
		}
	})
}

var templateSeeds = []string{
	"# on call\nchecklist pharmacy: Pharmacy software down\n1. Call the pharmacist on duty\n   contact: Pharmacist on duty\n   detail: The number is in the directory.\n2) Switch the wards to paper\n   Print the day's list first.\n\nchecklist lab: Lab down\n- one\n* two\n",
	"checklist hno: built in\n- step\n",
	"checklist Bad Name: x\n- a\nchecklist ok:\n- b\nchecklist ok: dup\n   orphan detail\n",
	"- step outside\n  detail outside\nchecklist x y\n",
	"- name: pharmacy\n  title: Pharmacy software down\n  steps:\n    - Call the pharmacist on duty\n    - text: {en: Switch the wards to paper, fr: Passer au papier}\n      detail: Print the day's list first.\n      contact: Pharmacist on duty\n",
	"checklists:\n  - name: a\n    title: {en: A, fr: B}\n    steps: [x, y]\n",
	"name: one\ntitle: One\nsteps:\n  - text: a\n    colour: red\n",
	"a: &x [*x, *x]\nb: *x\n",
	"[1, 2\n",
	"checklists: 3\n",
	"- 1\n- [a]\n- {name: [x], title: [y], steps: z}\n",
	"",
	"checklist t: " + hostile.Before + "\x1b]0;PWNED\x07" + hostile.After + "\n- \u202estep\x1b[2J\n  detail: \x9b2J\x1bPtmux;\x1b\x1b]52;c;eA==\x07\x1b\\\n  contact: \x1b]8;;http://x/\x1b\\y\n",
}

func fuzzTemplates(f *testing.F, parse func([]byte) crisis.TemplateFile) {
	for _, s := range templateSeeds {
		f.Add([]byte(s))
	}
	for _, c := range hostile.Corpus() {
		f.Add([]byte("- name: t\n  title: \"" + strings.ReplaceAll(c.Text, "\\", "\\\\") + "\"\n  steps:\n    - " + c.Text + "\n"))
	}
	name := regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`)
	f.Fuzz(func(t *testing.T, data []byte) {
		got := parse(data)
		if len(got.Templates) == 0 && len(got.Rejected) == 0 {
			t.Fatalf("neither a template nor a rejected line from %q", data)
		}
		for _, r := range got.Rejected {
			if r.Line < 1 {
				t.Fatalf("rejected line %d: %v", r.Line, r.Err)
			}
			checkRefusal(t, "templates", r.Err)
		}
		seen := map[string]bool{}
		for _, pt := range got.Templates {
			tpl := pt.Template
			if !name.MatchString(tpl.Name) || seen[tpl.Name] || tpl.BuiltIn {
				t.Fatalf("template name %q (duplicate %v, built-in %v)", tpl.Name, seen[tpl.Name], tpl.BuiltIn)
			}
			seen[tpl.Name] = true
			if len(tpl.Title) == 0 {
				t.Fatalf("template %q without a title", tpl.Name)
			}
			for _, s := range tpl.Title {
				checkLine(t, "title", s, crisis.MaxTemplateTitle)
			}
			if len(tpl.Steps) == 0 || len(tpl.Steps) > crisis.MaxSteps {
				t.Fatalf("template %q has %d steps", tpl.Name, len(tpl.Steps))
			}
			for _, st := range tpl.Steps {
				if st.Text.In("en") == "" {
					t.Fatalf("template %q has an empty step", tpl.Name)
				}
				for _, s := range st.Text {
					checkLine(t, "step", s, crisis.MaxStepText)
				}
				for _, s := range st.Detail {
					if err := hostile.Check(s); err != nil || utf8.RuneCountInString(s) > crisis.MaxStepDetail {
						t.Fatalf("detail %q: %v", s, err)
					}
				}
				checkLine(t, "contact", st.Contact, crisis.MaxContactRef)
			}
		}
	})
}

// FuzzParseTemplates feeds the checklist import as `checklist import`
// reads it, plain text or YAML: whatever is taken is a whole template
// with safe, bounded texts; the rest is rejected by line with a sentence.
func FuzzParseTemplates(f *testing.F) { fuzzTemplates(f, crisis.ParseTemplates) }

// FuzzParseTemplatesYAML feeds the YAML reader alone, so that the fuzzer
// spends its time inside the YAML library and the node walk.
func FuzzParseTemplatesYAML(f *testing.F) { fuzzTemplates(f, crisis.ParseTemplatesYAML) }

// FuzzParseDue feeds the due-time parser (`task add --due`, the task
// form): a due time is never far in the past, and is whole seconds, UTC.
func FuzzParseDue(f *testing.F) {
	for _, s := range []string{"17:00", "08h", "08h30", "+2h", "+1h30m", "+1d", "+1d2h", "+99999d", "+-1h", "2022-09-13 08:00", "2022-09-13T08:00:05", "2022-09-13", "2022-09-13T08:00:00Z", "2022-09-13T08:00:00+14:00", "", "+", "yesterday", "2022-09-11", "25:00", "9999-12-31", "2022-10-30 02:30", "2022-10-30 02:30 CET", "2023-03-26T02:30+02:00", "17:00 UTC", "08h CEST"} {
		f.Add(s)
	}
	now := time.Date(2022, 9, 12, 4, 0, 0, 0, time.UTC)
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := crisis.ParseDue(in, now, paris)
		if err != nil {
			checkRefusal(t, "ParseDue("+in+")", err)
			return
		}
		if got.Before(now.Add(-5 * time.Minute)) {
			t.Fatalf("ParseDue(%q) = %v is in the past", in, got)
		}
		if got.After(now.Add(crisis.MaxDueAhead)) {
			t.Fatalf("ParseDue(%q) = %v is more than a year ahead", in, got)
		}
		if got.Location() != time.UTC || got.Nanosecond() != 0 {
			t.Fatalf("ParseDue(%q) = %v: not whole seconds in UTC", in, got)
		}
	})
}

// FuzzParseChoices feeds the parsers of the words people type for a
// task's status and priority, a recovery item's state and a phase, a
// user's role, an entry's kind and the crisis's stage: the answer is one
// of the known values, or a refusal with a sentence.
func FuzzParseChoices(f *testing.F) {
	for _, s := range []string{"todo", "In Progress", " doing ", "canceled", "P1", "p3", "2", "0", "-1", "+2", "4", "in service", "back-in-service", "Compromised", "1", " 4 ", "9999999999999999999999", "\u202etodo", "\x1b[2Jdone", "Lead", "viewer ", "information-received", "COMM", "end of crisis", "Containment"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if st, err := crisis.ParseTaskStatus(in); err != nil {
			checkRefusal(t, "status", err)
		} else if !slices.Contains(crisis.TaskStatuses, st) {
			t.Fatalf("ParseTaskStatus(%q) = %q", in, st)
		}
		if p, err := crisis.ParseTaskPriority(in); err != nil {
			checkRefusal(t, "priority", err)
		} else if p < crisis.TaskPriorityHigh || p > crisis.TaskPriorityLow {
			t.Fatalf("ParseTaskPriority(%q) = %d", in, p)
		}
		if st, err := crisis.ParseItemState(in); err != nil {
			checkRefusal(t, "state", err)
		} else if !slices.Contains(crisis.ItemStates, st) {
			t.Fatalf("ParseItemState(%q) = %q", in, st)
		}
		if n, err := crisis.ParsePhase(in); err != nil {
			checkRefusal(t, "phase", err)
		} else if n < 1 || n > crisis.PhaseCount {
			t.Fatalf("ParsePhase(%q) = %d", in, n)
		}
		if r, err := crisis.ParseRole(in); err != nil {
			checkRefusal(t, "role", err)
		} else if !slices.Contains(crisis.Roles, r) {
			t.Fatalf("ParseRole(%q) = %q", in, r)
		}
		if k, err := crisis.ParseKind(in); err != nil {
			checkRefusal(t, "kind", err)
		} else if !slices.Contains(crisis.Kinds, k) {
			t.Fatalf("ParseKind(%q) = %q", in, k)
		}
		if st, err := crisis.ParseStage(in); err != nil {
			checkRefusal(t, "stage", err)
		} else if !slices.Contains(crisis.Stages, st) {
			t.Fatalf("ParseStage(%q) = %q", in, st)
		}
	})
}
