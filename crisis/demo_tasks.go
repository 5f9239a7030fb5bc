package crisis

import "fmt"

// demoTask is one task of the scenario. Times are Paris wall-clock times.
type demoTask struct {
	title, details string
	owner          string
	priority       int
	phase          int
	created, due   string // "" for no due time
	done           string // when the logbook says it was done
}

// Owners of the demo tasks: the teams of the Cahors incident, by the short
// names a board column has room for (the logbook names them in full).
const (
	ownerDSI      = "DSI"
	ownerProvider = "Provider"
	ownerCERT     = "CERT Santé"
)

// demoTasks are the containment measures CERT Santé recommended on the
// night of 12 September 2022 (the cell's decision at 21:00), and the action
// plan co-built the next day for the rest of the investigations. Owners
// and completion times follow the logbook's entries; the due times are the
// cell's plausible "tonight" and "tomorrow noon".
var demoTasks = []demoTask{
	{title: "Isolate the IS and end the illegitimate session", owner: ownerDSI, priority: 1, phase: 1,
		details: "The attacker holds a session through a compromised domain admin account.",
		created: "2022-09-12 21:00", due: "2022-09-12 23:00", done: "2022-09-12 22:15"},
	{title: "Disconnect the physical backup server", owner: ownerDSI, priority: 1, phase: 1,
		details: "Keep the backups out of the attacker's reach: unplug it from the network.",
		created: "2022-09-12 21:00", due: "2022-09-13 00:00", done: "2022-09-12 23:00"},
	{title: "Disable external access to mail and the VPN", owner: ownerDSI, priority: 1, phase: 2,
		details: "Both authenticate against Active Directory, whose credentials leaked through Zimbra.",
		created: "2022-09-12 21:00", due: "2022-09-13 01:00", done: "2022-09-13 00:40"},
	{title: "Disable the compromised administrator accounts", owner: ownerDSI, priority: 1, phase: 1,
		created: "2022-09-12 21:00", due: "2022-09-13 01:00", done: "2022-09-13 00:40"},
	{title: "Block inbound attachments on the mail service", owner: ownerProvider, priority: 2, phase: 2,
		created: "2022-09-12 21:00", due: "2022-09-13 12:00", done: "2022-09-13 10:00"},
	{title: "Change the passwords exposed on the Internet", owner: ownerDSI, priority: 2, phase: 1,
		created: "2022-09-12 21:00", due: "2022-09-13 12:00", done: "2022-09-13 11:30"},
	{title: "Check that no equipment is encrypted", owner: ownerDSI, priority: 2,
		created: "2022-09-13 14:00", done: "2022-09-20 09:30"},
	{title: "Analyse flows and interconnections", owner: ownerCERT, priority: 2,
		created: "2022-09-13 14:00", done: "2022-09-20 09:30"},
	{title: "Collect the logs", owner: ownerDSI, priority: 2,
		created: "2022-09-13 14:00", done: "2022-09-20 09:30"},
	{title: "Verify that every account is legitimate", owner: ownerDSI, priority: 2,
		created: "2022-09-13 14:00", done: "2022-09-20 09:30"},
}

// appendDemoTasks stores the scenario's tasks, each with its audit record,
// after recs. The logbook already tells their story, so they add no entry.
func appendDemoTasks(tx WriteTx, recs []AuditRecord) ([]AuditRecord, error) {
	for i, d := range demoTasks {
		created, err := demoTime(d.created)
		if err != nil {
			return nil, err
		}
		done, err := demoTime(d.done)
		if err != nil {
			return nil, err
		}
		t := Task{Title: d.title, Details: d.details, Assignee: d.owner, Status: TaskDone, Priority: d.priority,
			Phase: d.phase, CreatedBy: demoCell, CreatedAt: created, UpdatedAt: done}
		if d.due != "" {
			due, err := demoTime(d.due)
			if err != nil {
				return nil, err
			}
			t.Due = &due
		}
		if t, err = tx.AppendTask(t); err != nil {
			return nil, fmt.Errorf("demo task %d: %w", i+1, err)
		}
		recs = append(recs, taskRecord("demo.task", fmt.Sprintf("task %d (%s)", t.ID, t.Status), t))
	}
	return recs, nil
}
