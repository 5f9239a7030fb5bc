package crisis_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"cellule/crisis"
)

func entryCount(t *testing.T, svc *crisis.Service) uint64 {
	t.Helper()
	st, err := svc.Status()
	if err != nil {
		t.Fatal(err)
	}
	return st.Entries
}

func startHNO(t *testing.T, svc *crisis.Service, label string) crisis.ChecklistRun {
	t.Helper()
	r, e, err := svc.StartRun(responder, "hno", label)
	if err != nil {
		t.Fatal(err)
	}
	if e.ID == 0 || !strings.Contains(e.Text, "started") || e.Author != "bob" {
		t.Errorf("start entry = %+v", e)
	}
	return r
}

func TestBuiltInChecklistsInBothLanguages(t *testing.T) {
	svc, _ := newService(t)
	o, err := svc.Checklists()
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Templates) != 2 || o.Templates[0].Name != "hno" || o.Templates[1].Name != "end-of-crisis" {
		t.Fatalf("templates = %+v", o.Templates)
	}
	hno, end := o.Templates[0], o.Templates[1]
	if got := hno.Title.In("fr"); got != "Astreinte HNO — suspicion de compromission" {
		t.Errorf("French title %q", got)
	}
	if got := hno.Title.In("en"); got != "Out-of-hours on-call — suspected compromise" {
		t.Errorf("English title %q", got)
	}
	if end.Title.In("fr") != "Sortie de crise" || end.Title.In("en") != "End of crisis" {
		t.Errorf("end of crisis = %v", end.Title)
	}
	// A language without a translation falls back to English.
	if hno.Title.In("de") != hno.Title.In("en") {
		t.Errorf("fallback = %q", hno.Title.In("de"))
	}
	for _, tpl := range o.Templates {
		for i, st := range tpl.Steps {
			if st.Text["en"] == "" || st.Text["fr"] == "" {
				t.Errorf("%s step %d lacks a language: %v", tpl.Name, i+1, st.Text)
			}
		}
	}
	var all []string
	for _, st := range hno.Steps {
		all = append(all, st.Text.In("en"))
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{"Confirm the alert", "on-call administrator", "crisis lead", "CNIL 72-hour", "end illegitimate sessions",
		"Collect logs before any reinstall", "backup server", "mail and VPN", "admin accounts", "inbound attachments",
		"passwords exposed on the Internet", "CERT Santé", "Log every action"} {
		if !strings.Contains(joined, want) {
			t.Errorf("the HNO checklist lacks %q", want)
		}
	}
}

func TestTickRecordsWhoWhenAndLogs(t *testing.T) {
	svc, db := newService(t)
	r := startHNO(t, svc, "night of 12 September")
	if r.ID != 1 || len(r.Steps) != 13 || r.Next() != 1 {
		t.Fatalf("run = %+v", r)
	}
	before := auditCount(t, db)
	r, e, err := svc.Tick(responder, r.ID, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	st := r.Steps[0]
	if !st.Done() || st.DoneBy != "bob" || !st.DoneAt.Equal(fixedNow) || st.Entry != e.ID {
		t.Errorf("step 1 = %+v", st)
	}
	if e.Kind != crisis.KindAction || e.Author != "bob" || !strings.Contains(e.Text, "step 1/13 done — Confirm the alert") ||
		!strings.Contains(e.Text, "night of 12 September") {
		t.Errorf("entry = %+v", e)
	}
	if got := auditCount(t, db); got != before+2 {
		t.Errorf("audit records %d -> %d; want the run and the entry", before, got)
	}
	// Steps may be done out of order: the first gap is next.
	if r, _, err = svc.Tick(lead, r.ID, 3, "-20m"); err != nil {
		t.Fatal(err)
	}
	if done, total := r.Progress(); done != 2 || total != 13 || r.Next() != 2 {
		t.Errorf("progress %d/%d next %d", done, total, r.Next())
	}
	if want := fixedNow.Add(-20 * time.Minute); !r.Steps[2].DoneAt.Equal(want) {
		t.Errorf("backdated tick at %v; want %v", r.Steps[2].DoneAt, want)
	}
	stored, err := svc.ChecklistRun(r.ID)
	if err != nil || stored.Steps[2].DoneBy != "alice" {
		t.Errorf("stored run = %+v, %v", stored, err)
	}
}

func TestTickRefusesAndChangesNothing(t *testing.T) {
	svc, db := newService(t)
	r := startHNO(t, svc, "")
	if _, _, err := svc.Tick(responder, r.ID, 2, ""); err != nil {
		t.Fatal(err)
	}
	audits, entries := auditCount(t, db), entryCount(t, svc)
	cases := []struct {
		who  crisis.Actor
		run  uint64
		step int
		when string
		want error
	}{
		{responder, r.ID, 2, "", crisis.ErrConflict}, // already ticked
		{responder, r.ID, 0, "", crisis.ErrInvalid},
		{responder, r.ID, 14, "", crisis.ErrInvalid},
		{responder, 9, 1, "", crisis.ErrNotFound},
		{viewer, r.ID, 1, "", crisis.ErrForbidden},
		{responder, r.ID, 1, "2030-01-01 00:00", crisis.ErrInvalid},
	}
	for _, c := range cases {
		if _, _, err := svc.Tick(c.who, c.run, c.step, c.when); !errors.Is(err, c.want) {
			t.Errorf("Tick(%s, #%d, %d) = %v; want %v", c.who.Name, c.run, c.step, err, c.want)
		}
	}
	if _, _, err := svc.StartRun(responder, "nope", ""); !errors.Is(err, crisis.ErrNotFound) || !strings.Contains(crisis.Message(err), "hno, end-of-crisis") {
		t.Errorf("unknown template: %v", err)
	}
	if _, _, err := svc.StartRun(viewer, "hno", ""); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("viewer start: %v", err)
	}
	if a, e := auditCount(t, db), entryCount(t, svc); a != audits || e != entries {
		t.Errorf("refusals changed the record: audit %d -> %d, entries %d -> %d", audits, a, entries, e)
	}
	got, _ := svc.ChecklistRun(r.ID)
	if d, _ := got.Progress(); d != 1 {
		t.Errorf("progress after refusals = %d", d)
	}
}

func TestUntickNeedsAReasonAndIsLogged(t *testing.T) {
	svc, db := newService(t)
	r := startHNO(t, svc, "")
	if _, _, err := svc.Tick(responder, r.ID, 5, ""); err != nil {
		t.Fatal(err)
	}
	audits := auditCount(t, db)
	for _, reason := range []string{"", "   ", "\x1b[2J"} {
		if _, _, err := svc.Untick(lead, r.ID, 5, reason); !errors.Is(err, crisis.ErrInvalid) {
			t.Errorf("untick with reason %q: %v", reason, err)
		}
	}
	if _, _, err := svc.Untick(lead, r.ID, 4, "wrong one"); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("untick of a step not done: %v", err)
	}
	if _, _, err := svc.Untick(viewer, r.ID, 5, "I watch"); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("viewer untick: %v", err)
	}
	if got := auditCount(t, db); got != audits {
		t.Errorf("refused un-ticks wrote %d audit records", got-audits)
	}
	r, e, err := svc.Untick(lead, r.ID, 5, "the wrong server was isolated")
	if err != nil {
		t.Fatal(err)
	}
	st := r.Steps[4]
	if st.Done() || st.UndoneBy != "alice" || st.UndoReason != "the wrong server was isolated" || r.Next() != 1 {
		t.Errorf("step 5 after untick = %+v", st)
	}
	if !strings.Contains(e.Text, "step 5/13 un-ticked (ticked by bob") || !strings.Contains(e.Text, "Reason: the wrong server was isolated") || e.Author != "alice" {
		t.Errorf("untick entry = %q by %s", e.Text, e.Author)
	}
	// And it can be ticked again.
	if r, _, err = svc.Tick(responder, r.ID, 5, ""); err != nil || !r.Steps[4].Done() {
		t.Errorf("tick again: %v", err)
	}
}

func TestSeveralRunsOpenAtOnce(t *testing.T) {
	svc, _ := newService(t)
	night12 := startHNO(t, svc, "night of 12 September")
	night13 := startHNO(t, svc, "night of 13 September")
	end, _, err := svc.StartRun(lead, "end-of-crisis", "")
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= 13; n++ {
		if _, _, err := svc.Tick(responder, night12.ID, n, ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := svc.Tick(responder, night13.ID, 1, ""); err != nil {
		t.Fatal(err)
	}
	o, _ := svc.Checklists()
	if len(o.Runs) != 3 {
		t.Fatalf("%d runs", len(o.Runs))
	}
	if !o.Runs[0].Complete() || o.Runs[0].Next() != 0 {
		t.Errorf("night 12 = %d done", o.Runs[0].Next())
	}
	if d, _ := o.Runs[1].Progress(); d != 1 || o.Runs[1].Next() != 2 {
		t.Errorf("night 13: %d done, next %d", d, o.Runs[1].Next())
	}
	if d, n := o.Runs[2].Progress(); d != 0 || n != 10 || o.Runs[2].ID != end.ID {
		t.Errorf("end of crisis: %d/%d", d, n)
	}
	page, _ := svc.Timeline(crisis.TimelineQuery{Search: "checklist complete"})
	if len(page.Entries) != 1 {
		t.Errorf("the last tick of night 12 should say the checklist is complete: %d entries", len(page.Entries))
	}
}

const pharmacyText = `# Pharmacy
checklist pharmacy: Pharmacy software down
1. Call the pharmacist on duty
   contact: Pharmacist on duty
   detail: The number is in the directory.
2. Switch the wards to paper prescriptions
   Print the day's dispensing list first.

checklist lab: Laboratory analysers offline
- Tell the emergency department
`

func TestImportTextTemplates(t *testing.T) {
	svc, db := newService(t)
	res, err := svc.ImportTemplates(lead, []byte(pharmacyText), false)
	if err != nil {
		t.Fatalf("%v %+v", err, res.Rejected)
	}
	if strings.Join(res.Added, ",") != "lab,pharmacy" && strings.Join(res.Added, ",") != "pharmacy,lab" {
		t.Errorf("added %v", res.Added)
	}
	o, _ := svc.Checklists()
	if len(o.Templates) != 4 {
		t.Fatalf("%d templates", len(o.Templates))
	}
	var ph crisis.ChecklistTemplate
	for _, tpl := range o.Templates {
		if tpl.Name == "pharmacy" {
			ph = tpl
		}
	}
	if ph.Title.In("fr") != "Pharmacy software down" || len(ph.Steps) != 2 || ph.Steps[0].Contact != "Pharmacist on duty" ||
		ph.Steps[0].Detail.In("en") != "The number is in the directory." || ph.Steps[1].Detail.In("en") != "Print the day's dispensing list first." {
		t.Errorf("pharmacy = %+v", ph)
	}
	run, _, err := svc.StartRun(responder, "pharmacy", "")
	if err != nil || len(run.Steps) != 2 {
		t.Fatalf("start imported: %v", err)
	}
	// Imported again with one more step: replaced; the run keeps its two.
	more := strings.Replace(pharmacyText, "2. Switch", "2. Warn the wards\n3. Switch", 1)
	res, err = svc.ImportTemplates(lead, []byte(more), false)
	if err != nil || len(res.Replaced) != 2 {
		t.Fatalf("re-import: %+v %v", res, err)
	}
	again, _ := svc.ChecklistRun(run.ID)
	if len(again.Steps) != 2 {
		t.Errorf("a started run changed with its template: %d steps", len(again.Steps))
	}
	// Only leads import; who may not hears so first.
	audits := auditCount(t, db)
	if _, err := svc.ImportTemplates(responder, []byte(pharmacyText), false); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("responder import: %v", err)
	}
	if auditCount(t, db) != audits {
		t.Error("a refused import wrote")
	}
}

func lines(errs []crisis.LineError) []int {
	var out []int
	for _, e := range errs {
		out = append(out, e.Line)
	}
	return out
}

func TestImportBadTemplatesImportsNothingUnlessSkipBad(t *testing.T) {
	svc, db := newService(t)
	bad := `checklist good: A good one
- Step one
checklist hno: Mine
- Shadowing a built-in
checklist BAD NAME: x
- step
checklist empty: No steps here
checklist long: Too long a step
- ` + strings.Repeat("x", crisis.MaxStepText+1) + `
   contact: someone
not a step
`
	audits := auditCount(t, db)
	res, err := svc.ImportTemplates(lead, []byte(bad), false)
	if !errors.Is(err, crisis.ErrInvalid) {
		t.Fatalf("import of a bad file: %v", err)
	}
	if got := lines(res.Rejected); len(got) != 5 || got[0] != 3 || got[1] != 5 || got[2] != 7 || got[3] != 9 || got[4] != 11 {
		t.Errorf("rejected lines %v; want 3 5 7 9 11:\n%v", got, res.Rejected)
	}
	for _, e := range res.Rejected {
		if strings.Contains(e.Error(), "%!") || !strings.HasPrefix(e.Error(), "line ") {
			t.Errorf("unreadable message %q", e.Error())
		}
	}
	if o, _ := svc.Checklists(); len(o.Templates) != 2 || auditCount(t, db) != audits {
		t.Errorf("a file with errors imported something: %d templates", len(o.Templates))
	}
	res, err = svc.ImportTemplates(lead, []byte(bad), true)
	if err != nil || strings.Join(res.Added, ",") != "good" || len(res.Rejected) != 5 {
		t.Errorf("--skip-bad: %+v %v", res, err)
	}
	if _, err := svc.ImportTemplates(lead, []byte("checklist x: y\n- ok\n\xff\xfe bad\n"), true); err == nil {
		t.Error("a template with a non-UTF-8 line was imported")
	}
	if _, err := svc.ImportTemplates(lead, []byte("nothing here\n"), true); !errors.Is(err, crisis.ErrInvalid) {
		t.Errorf("a file with no checklist: %v", err)
	}
}

const pharmacyYAML = `checklists:
  - name: pharmacy
    title:
      en: Pharmacy software down
      fr: Panne du logiciel de pharmacie
    steps:
      - Call the pharmacist on duty
      - text: {en: Switch to paper, fr: Passer au papier}
        detail: Print the dispensing list first.
        contact: Pharmacist on duty
  - name: broken
    title: Broken
    steps:
      - text: ok
        contcat: typo
  - title: No name
    steps: [one]
`

func TestImportYAMLTemplates(t *testing.T) {
	svc, _ := newService(t)
	res, err := svc.ImportTemplates(lead, []byte(pharmacyYAML), false)
	if !errors.Is(err, crisis.ErrInvalid) {
		t.Fatalf("bad YAML accepted: %v", err)
	}
	if got := lines(res.Rejected); len(got) != 2 || got[0] != 15 || got[1] != 16 {
		t.Errorf("rejected lines %v; want 15 and 16: %v", got, res.Rejected)
	}
	if !strings.Contains(res.Rejected[0].Error(), `unknown field "contcat"`) {
		t.Errorf("message %q", res.Rejected[0].Error())
	}
	if res, err = svc.ImportTemplates(lead, []byte(pharmacyYAML), true); err != nil || len(res.Added) != 1 {
		t.Fatalf("skip-bad: %+v %v", res, err)
	}
	o, _ := svc.Checklists()
	ph := o.Templates[2]
	if ph.Title.In("fr") != "Panne du logiciel de pharmacie" || ph.Title.In("en") != "Pharmacy software down" ||
		ph.Steps[1].Text.In("fr") != "Passer au papier" || ph.Steps[1].Contact != "Pharmacist on duty" || ph.Steps[0].Text.In("fr") != "Call the pharmacist on duty" {
		t.Errorf("pharmacy = %+v", ph)
	}
	// A syntax error names its line.
	f := crisis.ParseTemplatesYAML([]byte("- name: x\n  title: y\n  steps: [a\n"))
	if len(f.Rejected) != 1 || f.Rejected[0].Line < 2 || strings.Contains(f.Rejected[0].Error(), "line 2: not valid YAML: line") || len(f.Templates) != 0 {
		t.Errorf("syntax error = %+v", f.Rejected)
	}
	// Aliases are refused rather than expanded.
	f = crisis.ParseTemplatesYAML([]byte("- name: x\n  title: &t y\n  steps:\n    - *t\n"))
	if len(f.Templates) != 0 {
		t.Errorf("alias accepted: %+v", f)
	}
}

// The parsers are pure functions of their bytes: garbage gets line errors,
// never a panic.
func TestParsersTakeGarbage(t *testing.T) {
	for _, in := range []string{"", "\x00\x01", "checklist", "checklist a:", "- x", "  y", "[", "{a: [}", "name,role\n\"", "\"a\nb", "name,role,organisation,phone,backup_phone,notes\n\"x"} {
		_ = crisis.ParseTemplates([]byte(in))
		_ = crisis.ParseContactsCSV([]byte(in))
	}
}

// Codes that reach the parsers' errors through variables, which the
// catalogue test's pattern cannot see.
func TestIndirectCodesHaveEnglish(t *testing.T) {
	for _, code := range []string{"checklist.step-outside", "checklist.detail-outside", "checklist.line-unreadable", "checklist.yaml-list",
		"checklist.title-long", "checklist.step-long", "checklist.contact-long", "checklist.label-long", "checklist.reason-long",
		"contact.field-long", "contact.phone-long"} {
		if _, ok := crisis.English[code]; !ok {
			t.Errorf("code %q has no English sentence", code)
		}
	}
}
