package crisis

import "fmt"

// demoItem is where an item of the default plan stood at the end of the
// Cahors crisis (20 Sep 2022). The report gives the four phases and what
// was done (filtering, flows reopened step by step, the backup server kept
// off the network, mail cut off for the administrative services, patient
// records untouched at their certified host); the states, counts and hours
// below are Cellule's reading of it, like the demo's stage changes.
type demoItem struct {
	id    string
	state ItemState
	count int
	owner string
	note  string
	at    string // when it reached that state, Paris time
	by    string
}

var demoRecoveryItems = []demoItem{
	{"firewall", StateInService, 0, "DSI", "Filtering in place; vital flows reopened one by one", "2022-09-14 09:00", demoDSI},
	{"core-switches", StateInService, 0, "DSI", "Reconnected behind the new filtering", "2022-09-14 09:00", demoDSI},
	{"dc", StateInService, 4, "DSI", "Compromised admin accounts disabled; exposed passwords changed", "2022-09-13 11:30", demoDSI},
	{"dns-dhcp", StateInService, 0, "DSI", "", "2022-09-14 09:00", demoDSI},
	{"backup", StateVerified, 0, "DSI", "Kept off the network until it is segmented", "2022-09-13 14:00", demoDSI},
	{"mail", StateRebuilt, 0, "Prestataire messagerie", "Patched; external access closed, inbound attachments blocked", "2022-09-16 15:00", demoProvider},
	{"patient-records", StateInService, 0, "DSI", "Records at a certified host (HDS): not affected", "2022-09-15 10:00", demoDSI},
	{"lab", StateInService, 0, "DSI", "Interconnection reopened", "2022-09-15 10:00", demoDSI},
	{"pharmacy", StateInService, 0, "DSI", "Interconnection reopened", "2022-09-15 10:00", demoDSI},
	{"imaging", StateVerified, 0, "DSI", "Flows checked; reopens with the last interconnections", "2022-09-15 16:00", demoDSI},
	{"servers", StateVerified, 32, "DSI", "No encrypted equipment found; accounts under review", "2022-09-19 17:00", demoDSI},
	{"workstations", StateInvestigating, 1400, "DSI", "4G keys and smartphones banned (20 Sep)", "2022-09-20 11:00", demoDSI},
}

// demoPhase1Validated is when the cell validated the core of the IS, before
// the business flows reopened.
const demoPhase1Validated = "2022-09-14 09:45"

// demoRecovery sets the plan as it stood at the end of the crisis, in the
// demo's transaction, and returns recs with the audit records of it.
func demoRecovery(tx WriteTx, recs []AuditRecord) ([]AuditRecord, error) {
	tmpl, err := ensurePlan(tx)
	if err != nil {
		return nil, err
	}
	recs = append(recs, tmpl...)
	p, err := loadPlanTx(tx)
	if err != nil {
		return nil, err
	}
	for _, d := range demoRecoveryItems {
		it, err := p.find(d.id)
		if err != nil {
			return nil, fmt.Errorf("demo recovery item %s: %w", d.id, err)
		}
		at, err := demoTime(d.at)
		if err != nil {
			return nil, err
		}
		it.State, it.Count, it.Owner, it.Note, it.UpdatedAt, it.UpdatedBy = d.state, d.count, d.owner, d.note, at, d.by
		if err := p.put(it); err != nil {
			return nil, err
		}
		recs = append(recs, itemRecord("demo.recovery", fmt.Sprintf("%s: %s", it.Name, it.State), it))
	}
	at, err := demoTime(demoPhase1Validated)
	if err != nil {
		return nil, err
	}
	ph := p.phase(1)
	ph.ValidatedAt, ph.ValidatedBy = &at, demoCell
	if err := p.putPhase(ph); err != nil {
		return nil, err
	}
	return append(recs, phaseRecord("demo.recovery", "phase 1 validated", ph)), nil
}
