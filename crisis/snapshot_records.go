package crisis

// The small records of a snapshot: the reports read them whole, beside the
// logbook they stream. Each is bounded by what people do in a crisis
// (tasks, a plan of some dozens of items, checklist runs, handovers), not
// by the logbook's length.

// Tasks lists every task, by id.
func (p *Snapshot) Tasks() ([]Task, error) { return p.tx.Tasks() }

// Recovery is the recovery plan: its four phases with their states,
// progress and items, as the Recovery tab shows it.
func (p *Snapshot) Recovery() (RecoveryPlan, error) { return readPlan(p.tx) }

// ChecklistRuns lists every checklist run, oldest first.
func (p *Snapshot) ChecklistRuns() ([]ChecklistRun, error) { return p.tx.ChecklistRuns() }

// Handovers lists every shift handover, oldest first.
func (p *Snapshot) Handovers() ([]Handover, error) { return p.tx.Handovers() }

// Contacts lists the on-call directory.
func (p *Snapshot) Contacts() ([]Contact, error) { return p.tx.Contacts() }

// ChecklistTemplate finds a template by its short name, built-in first,
// as a run would start it: the paper kit prints the out-of-hours one.
func (p *Snapshot) ChecklistTemplate(name string) (ChecklistTemplate, error) {
	return templateOf(p.tx, name)
}

// Assets lists the register: every account, machine and indicator, by id.
func (p *Snapshot) Assets() ([]Asset, error) { return p.tx.Assets() }
