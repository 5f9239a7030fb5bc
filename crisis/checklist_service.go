package crisis

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Checklists reads every template (built-in first, then imported ones by
// name) and every run, oldest first.
func (s *Service) Checklists() (ChecklistOverview, error) {
	var o ChecklistOverview
	err := s.store.View(func(tx ReadTx) error {
		imported, err := tx.ChecklistTemplates()
		if err != nil {
			return err
		}
		o.Templates = append(builtInTemplates(), imported...)
		o.Runs, err = tx.ChecklistRuns()
		return err
	})
	return o, err
}

// ChecklistRun reads one run.
func (s *Service) ChecklistRun(id uint64) (ChecklistRun, error) {
	var r ChecklistRun
	err := s.store.View(func(tx ReadTx) error {
		var err error
		r, err = runOf(tx, id)
		return err
	})
	return r, err
}

func runOf(tx ReadTx, id uint64) (ChecklistRun, error) {
	r, ok, err := tx.ChecklistRun(id)
	if err == nil && !ok {
		err = notFoundf("checklist.run-missing", id)
	}
	return r, err
}

// templateOf finds a template by short name: built-in, then imported.
func templateOf(tx ReadTx, name string) (ChecklistTemplate, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	if t, ok := builtInTemplate(name); ok {
		return t, nil
	}
	imported, err := tx.ChecklistTemplates()
	if err != nil {
		return ChecklistTemplate{}, err
	}
	for _, t := range imported {
		if t.Name == name {
			return t, nil
		}
	}
	names := []string{}
	for _, t := range append(builtInTemplates(), imported...) {
		names = append(names, t.Name)
	}
	return ChecklistTemplate{}, notFoundf("checklist.template-missing", SanitizeLine(name), strings.Join(names, ", "))
}

// StartRun starts a run of the template with that short name, with an
// optional label ("night of 12 September"), and logs it.
func (s *Service) StartRun(a Actor, template, label string) (ChecklistRun, Entry, error) {
	label, err := cleanText(label, MaxRunLabel, "checklist.label-long")
	if err != nil {
		return ChecklistRun{}, Entry{}, err
	}
	var r ChecklistRun
	var e Entry
	err = s.write(a, ActRunChecklist, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		t, err := templateOf(tx, template)
		if err != nil {
			return nil, err
		}
		r = ChecklistRun{Template: t.Name, Title: t.Title, Label: label, StartedAt: now, StartedBy: a.Name}
		for _, st := range t.Steps {
			r.Steps = append(r.Steps, RunStep{TemplateStep: st})
		}
		if r, err = tx.AddChecklistRun(r); err != nil {
			return nil, err
		}
		m := say("checklist.started", num(r.ID), r.Name(LangEnglish), r.Name(LangFrench), strconv.Itoa(len(r.Steps)))
		if e, err = tx.AppendEntry(systemEntry(a, now, KindAction, m)); err != nil {
			return nil, err
		}
		return []AuditRecord{runRecord("checklist.start", e.Text, r), entryRecord("log", e)}, nil
	})
	return r, e, err
}

// Tick marks step number n (1 for the first) of a run as done, by a, now
// or at when (a ParseWhen expression: a step done before it was ticked),
// and logs it. A step already done is refused: un-tick it first.
func (s *Service) Tick(a Actor, run uint64, n int, when string) (ChecklistRun, Entry, error) {
	var at time.Time
	if strings.TrimSpace(when) != "" {
		t, err := s.parseWhen(when)
		if err != nil {
			return ChecklistRun{}, Entry{}, err
		}
		at = t
	}
	return s.changeStep(a, run, n, "checklist.tick", func(r *ChecklistRun, st *RunStep, now time.Time) (Entry, error) {
		if st.Done() {
			return Entry{}, conflictf("checklist.step-done", n, r.ID, SanitizeLine(st.DoneBy))
		}
		done := now
		if !at.IsZero() {
			done = at
		}
		st.DoneAt, st.DoneBy, st.DoneKey = &done, a.Name, a.Fingerprint
		code := "checklist.ticked"
		if r.Complete() {
			code = "checklist.ticked-complete"
		}
		e := systemEntry(a, now, KindAction, say(code, num(r.ID), quoteName(*r, LangEnglish), quoteName(*r, LangFrench),
			strconv.Itoa(n), strconv.Itoa(len(r.Steps)), st.Text.In(LangEnglish), st.Text.In(LangFrench)))
		e.OccurredAt = done
		return e, nil
	})
}

// MaxReason bounds the reason of an un-tick.
const MaxReason = 500

// Untick marks a done step as not done. It needs a reason, which the
// logbook keeps with who did it, so a tick is never silently undone.
func (s *Service) Untick(a Actor, run uint64, n int, reason string) (ChecklistRun, Entry, error) {
	reason, err := cleanText(reason, MaxReason, "checklist.reason-long")
	if err != nil {
		return ChecklistRun{}, Entry{}, err
	}
	if reason == "" {
		return ChecklistRun{}, Entry{}, invalidf("checklist.reason-needed")
	}
	return s.changeStep(a, run, n, "checklist.untick", func(r *ChecklistRun, st *RunStep, now time.Time) (Entry, error) {
		if !st.Done() {
			return Entry{}, conflictf("checklist.step-not-done", n, r.ID)
		}
		text := say("checklist.unticked", num(r.ID), quoteName(*r, LangEnglish), quoteName(*r, LangFrench), strconv.Itoa(n), strconv.Itoa(len(r.Steps)),
			st.DoneBy, st.DoneAt.In(s.loc).Format(time.RFC3339), st.Text.In(LangEnglish), st.Text.In(LangFrench), reason)
		st.DoneAt, st.DoneBy, st.DoneKey = nil, "", ""
		st.UndoneAt, st.UndoneBy, st.UndoReason = &now, a.Name, reason
		return systemEntry(a, now, KindAction, text), nil
	})
}

func quoteName(r ChecklistRun, lang string) string { return strconv.Quote(r.Name(lang)) }

// num is a record's number as a sentence's argument.
func num(n uint64) string { return strconv.FormatUint(n, 10) }

// changeStep applies edit to step n of a run and stores the run with the
// entry edit returns, in one transaction.
func (s *Service) changeStep(a Actor, run uint64, n int, action string, edit func(r *ChecklistRun, st *RunStep, now time.Time) (Entry, error)) (ChecklistRun, Entry, error) {
	var r ChecklistRun
	var e Entry
	err := s.write(a, ActRunChecklist, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		var err error
		if r, err = runOf(tx, run); err != nil {
			return nil, err
		}
		if n < 1 || n > len(r.Steps) {
			return nil, invalidf("checklist.step-range", n, r.ID, len(r.Steps))
		}
		st := &r.Steps[n-1]
		if e, err = edit(&r, st, now); err != nil {
			return nil, err
		}
		if e, err = tx.AppendEntry(e); err != nil {
			return nil, err
		}
		st.Entry = e.ID
		if err := tx.PutChecklistRun(r); err != nil {
			return nil, err
		}
		return []AuditRecord{runRecord(action, fmt.Sprintf("step %d: %s", n, e.Text), r), entryRecord("log", e)}, nil
	})
	return r, e, err
}

// TemplateImport is the outcome of an import: the templates stored (new
// or replacing an imported one of the same name) and the lines rejected.
type TemplateImport struct {
	Added, Replaced []string
	Rejected        []LineError
}

// ImportTemplates stores the checklists of a file (see ParseTemplates).
// When any line is rejected nothing is stored, unless skipBad is set: then
// the whole templates are stored and the rest reported. Runs already
// started keep the steps they started with.
func (s *Service) ImportTemplates(a Actor, data []byte, skipBad bool) (TemplateImport, error) {
	// Who may not import hears so before any line of the file is judged
	// (write checks again against the record).
	if err := a.Check(ActImportChecklists); err != nil {
		return TemplateImport{}, err
	}
	f := ParseTemplates(data)
	res := TemplateImport{Rejected: f.Rejected}
	if len(f.Rejected) > 0 && !skipBad {
		return res, invalidf("import.rejected", len(f.Rejected))
	}
	if len(f.Templates) == 0 {
		return res, invalidf("import.nothing")
	}
	err := s.write(a, ActImportChecklists, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		res.Added, res.Replaced = nil, nil
		old, err := tx.ChecklistTemplates()
		if err != nil {
			return nil, err
		}
		exists := map[string]bool{}
		for _, t := range old {
			exists[t.Name] = true
		}
		var recs []AuditRecord
		for _, p := range f.Templates {
			t := p.Template
			t.ImportedAt, t.ImportedBy = now, a.Name
			if err := tx.PutChecklistTemplate(t); err != nil {
				return nil, err
			}
			verb := "imported"
			if exists[t.Name] {
				verb = "replaced"
				res.Replaced = append(res.Replaced, t.Name)
			} else {
				res.Added = append(res.Added, t.Name)
			}
			recs = append(recs, AuditRecord{Action: "checklist.import", Subject: "checklist-template/" + t.Name,
				Detail: fmt.Sprintf("%s %s (%d steps)", verb, t.Name, len(t.Steps)), Digest: DigestOf(t)})
		}
		return recs, nil
	})
	return res, err
}
