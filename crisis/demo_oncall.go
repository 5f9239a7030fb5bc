package crisis

import "fmt"

// The demo's on-call side: a few contacts, with fictional numbers, and the
// out-of-hours checklist run on the nights of 12 and 13 September. The
// ticks add no logbook entries: the scenario's own entries tell what was
// done that night.

var demoContacts = []Contact{
	{Name: "Camille Martin", Role: "On-call administrator", Organisation: "CH Cahors — DSI", Phone: "05 65 00 00 01", BackupPhone: "06 00 00 00 01", Notes: "Demo contact: fictional numbers.", OnDuty: true},
	{Name: "Hugo Bernard", Role: "On-call administrator", Organisation: "CH Cahors — DSI", Phone: "05 65 00 00 02", BackupPhone: "06 00 00 00 02", Notes: "Demo contact: fictional numbers."},
	{Name: "Claire Moreau", Role: "Crisis lead", Organisation: "CH Cahors — direction", Phone: "05 65 00 00 03", BackupPhone: "06 00 00 00 03", Notes: "Demo contact: fictional numbers.", OnDuty: true},
	{Name: "Permanence CERT Santé", Role: "Incident response", Organisation: "CERT Santé", Phone: "05 65 00 00 10", Notes: "Demo contact: fictional number. Out-of-hours support on request."},
	{Name: "Astreinte messagerie", Role: "Mail provider", Organisation: "Prestataire messagerie", Phone: "05 65 00 00 20", BackupPhone: "06 00 00 00 20", Notes: "Demo contact: fictional numbers. Zimbra hosting and filtering."},
	{Name: "Sophie Laurent", Role: "Data protection officer", Organisation: "CH Cahors", Phone: "05 65 00 00 30", Notes: "Demo contact: fictional number. CNIL declaration."},
}

// demoTick is a step of a demo run done at a Paris time, by someone.
type demoTick struct {
	step int
	at   string
	by   string
}

var demoRuns = []struct {
	label, started, by string
	ticks              []demoTick
}{
	{label: "night of 12 September", started: "2022-09-12 20:30", by: demoDSI, ticks: []demoTick{
		{1, "2022-09-12 20:35", demoDSI}, {2, "2022-09-12 20:40", demoDSI}, {3, "2022-09-12 20:45", demoDSI},
		{4, "2022-09-12 20:50", demoDSI}, {12, "2022-09-12 20:55", demoDSI}, {5, "2022-09-12 22:15", demoDSI},
		{6, "2022-09-12 22:45", demoCERT}, {7, "2022-09-12 23:00", demoDSI}, {8, "2022-09-13 00:40", demoDSI},
		{9, "2022-09-13 00:40", demoDSI}, {10, "2022-09-13 10:00", demoProvider}, {11, "2022-09-13 11:30", demoDSI},
		{13, "2022-09-13 11:45", demoDSI},
	}},
	{label: "night of 13 September", started: "2022-09-13 20:00", by: demoDSI, ticks: []demoTick{
		{1, "2022-09-13 20:05", demoDSI}, {2, "2022-09-13 20:10", demoDSI}, {3, "2022-09-13 20:15", demoDSI},
	}},
}

// demoOnCall stores the demo's contacts and runs and returns recs with
// their audit records.
func demoOnCall(tx WriteTx, recs []AuditRecord) ([]AuditRecord, error) {
	for _, c := range demoContacts {
		if err := tx.PutContact(c); err != nil {
			return nil, err
		}
		recs = append(recs, contactRecord("demo.contact", "demo contact "+c.Name, c))
	}
	hno, _ := builtInTemplate(TemplateHNO)
	for _, d := range demoRuns {
		started, err := demoTime(d.started)
		if err != nil {
			return nil, err
		}
		r := ChecklistRun{Template: hno.Name, Title: hno.Title, Label: d.label, StartedAt: started, StartedBy: d.by}
		for _, st := range hno.Steps {
			r.Steps = append(r.Steps, RunStep{TemplateStep: st})
		}
		for _, tk := range d.ticks {
			at, err := demoTime(tk.at)
			if err != nil {
				return nil, err
			}
			r.Steps[tk.step-1].DoneAt, r.Steps[tk.step-1].DoneBy, r.Steps[tk.step-1].DoneKey = &at, tk.by, DemoAuthorKey
		}
		if r, err = tx.AddChecklistRun(r); err != nil {
			return nil, err
		}
		done, total := r.Progress()
		recs = append(recs, runRecord("demo.checklist", fmt.Sprintf("demo run #%d %s: %d/%d", r.ID, r.Label, done, total), r))
	}
	return recs, nil
}
