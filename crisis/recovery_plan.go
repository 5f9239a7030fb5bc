package crisis

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// templateItem is one item of the plan a new crisis starts from.
type templateItem struct {
	phase    int
	id, name string
	total    int
}

// defaultTemplate is the typical plan of a hospital the size of Cahors
// (1,400 workstations, 4 domain controllers, about 50 servers), which a
// lead then edits. The domain controllers are one group of 4 rather than 4
// items: the whole template then fits an 80x24 console without scrolling.
var defaultTemplate = []templateItem{
	{1, "firewall", "Firewall", 0},
	{1, "core-switches", "Core switches", 0},
	{1, "dc", "Domain controllers", 4},
	{1, "dns-dhcp", "DNS / DHCP", 0},
	{1, "backup", "Backup server", 0},
	{2, "mail", "Mail", 0},
	{2, "patient-records", "Patient-record interfaces", 0},
	{2, "lab", "Laboratory", 0},
	{2, "pharmacy", "Pharmacy", 0},
	{2, "imaging", "Imaging (PACS)", 0},
	{3, "servers", "Other servers", 50},
	{4, "workstations", "Workstations", 1400},
}

// defaultPlan is the template as it is stored: every item isolated.
func defaultPlan() ([]RecoveryPhase, []RecoveryItem) {
	phases := make([]RecoveryPhase, PhaseCount)
	for i := range phases {
		phases[i] = RecoveryPhase{Number: i + 1, Name: PhaseNames[i]}
	}
	items := make([]RecoveryItem, len(defaultTemplate))
	for i, t := range defaultTemplate {
		items[i] = RecoveryItem{ID: t.id, Name: t.name, Phase: t.phase, Pos: i + 1, State: StateIsolated, Total: t.total}
	}
	return phases, items
}

// ensurePlan stores the default plan in a database that has none: a new
// crisis, or one opened by a Cellule that predates the recovery tracker.
// A plan exists once its phases are stored, so a lead who removed every
// item does not get the template back.
func ensurePlan(tx WriteTx) ([]AuditRecord, error) {
	phases, err := tx.RecoveryPhases()
	if err != nil || len(phases) > 0 {
		return nil, err
	}
	phases, items := defaultPlan()
	var recs []AuditRecord
	for _, p := range phases {
		if err := tx.PutRecoveryPhase(p); err != nil {
			return nil, err
		}
		recs = append(recs, phaseRecord("recovery.template", "phase "+strconv.Itoa(p.Number)+": "+p.Name, p))
	}
	for _, it := range items {
		if err := tx.PutRecoveryItem(it); err != nil {
			return nil, err
		}
		recs = append(recs, itemRecord("recovery.template", fmt.Sprintf("%s in phase %d", it.Name, it.Phase), it))
	}
	return recs, nil
}

// readPlan reads the plan, or the template a first write would store.
func readPlan(tx ReadTx) (RecoveryPlan, error) {
	phases, err := tx.RecoveryPhases()
	if err != nil {
		return RecoveryPlan{}, err
	}
	var items []RecoveryItem
	if len(phases) == 0 {
		phases, items = defaultPlan()
	} else if items, err = tx.RecoveryItems(); err != nil {
		return RecoveryPlan{}, err
	}
	return buildPlan(phases, items), nil
}

// planTx is the plan as one write transaction sees it.
type planTx struct {
	tx     WriteTx
	phases map[int]RecoveryPhase
	items  []RecoveryItem
}

func loadPlanTx(tx WriteTx) (*planTx, error) {
	phases, err := tx.RecoveryPhases()
	if err != nil {
		return nil, err
	}
	items, err := tx.RecoveryItems()
	if err != nil {
		return nil, err
	}
	p := &planTx{tx: tx, phases: map[int]RecoveryPhase{}, items: items}
	for _, ph := range phases {
		p.phases[ph.Number] = ph
	}
	return p, nil
}

func (p *planTx) phase(n int) RecoveryPhase {
	if ph, ok := p.phases[n]; ok {
		return ph
	}
	return RecoveryPhase{Number: n, Name: PhaseNames[n-1]}
}

// find resolves what a person typed: an item's id, its name in any case,
// or a part of its name that only one item has.
func (p *planTx) find(ref string) (RecoveryItem, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return RecoveryItem{}, invalidf("recovery.item-which")
	}
	for _, it := range p.items {
		if it.ID == ref {
			return it, nil
		}
	}
	low := Fold(ref)
	var matches []RecoveryItem
	for _, it := range p.items {
		if Fold(it.Name) == low || Fold(it.ID) == low {
			return it, nil
		}
		if strings.Contains(Fold(it.Name), low) {
			matches = append(matches, it)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return RecoveryItem{}, notFoundf("recovery.item-missing", SanitizeLine(ref))
	}
	ids := make([]string, len(matches))
	for i, it := range matches {
		ids[i] = it.ID
	}
	return RecoveryItem{}, invalidf("recovery.item-ambiguous", SanitizeLine(ref), strings.Join(ids, ", "))
}

// gate is the first phase before n that a lead has not validated, 0 when
// every one is: an item of phase n goes back in service only then.
func (p *planTx) gate(n int) int {
	for i := 1; i < n; i++ {
		if !p.phase(i).Validated() {
			return i
		}
	}
	return 0
}

// itemsOf lists the items of phase n, the changed item as it is now.
func (p *planTx) itemsOf(n int) []RecoveryItem {
	var out []RecoveryItem
	for _, it := range p.items {
		if it.Phase == n {
			out = append(out, it)
		}
	}
	return out
}

// put stores an item and keeps the transaction's view in step.
func (p *planTx) put(it RecoveryItem) error {
	if err := p.tx.PutRecoveryItem(it); err != nil {
		return err
	}
	for i := range p.items {
		if p.items[i].ID == it.ID {
			p.items[i] = it
			return nil
		}
	}
	p.items = append(p.items, it)
	return nil
}

func (p *planTx) putPhase(ph RecoveryPhase) error {
	if err := p.tx.PutRecoveryPhase(ph); err != nil {
		return err
	}
	p.phases[ph.Number] = ph
	return nil
}

// nextPos is the position after the last item of phase n.
func (p *planTx) nextPos(n int) int {
	pos := 0
	for _, it := range p.items {
		if it.Phase == n && it.Pos > pos {
			pos = it.Pos
		}
	}
	return pos + 1
}

// checkName cleans an item name and checks that no other item has it.
func (p *planTx) checkName(name, self string) (string, error) {
	name, err := itemName(name)
	if err != nil {
		return "", err
	}
	for _, it := range p.items {
		if it.ID != self && strings.EqualFold(it.Name, name) {
			return "", conflictf("recovery.item-name-taken", name, it.ID)
		}
	}
	return name, nil
}

func itemName(name string) (string, error) {
	name, err := cleanText(name, MaxItemName, "recovery.item-name-long")
	if err == nil && name == "" {
		err = invalidf("recovery.item-name-empty")
	}
	return name, err
}

// phaseRecord and itemRecord describe a stored phase or item for the audit
// trail, with the digest of its stored form.
func phaseRecord(action, detail string, p RecoveryPhase) AuditRecord {
	return AuditRecord{Action: action, Subject: fmt.Sprintf("recovery/phase/%d", p.Number), Detail: detail, Digest: DigestOf(p)}
}

func itemRecord(action, detail string, it RecoveryItem) AuditRecord {
	return AuditRecord{Action: action, Subject: "recovery/item/" + it.ID, Detail: detail, Digest: DigestOf(it)}
}

// withRecoveryPlan is write for a change to the recovery plan: the plan is
// created first on a database that has none, in the same transaction.
func (s *Service) withRecoveryPlan(a Actor, act Action, fn func(p *planTx, now time.Time) ([]AuditRecord, error)) error {
	return s.write(a, act, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		recs, err := ensurePlan(tx)
		if err != nil {
			return nil, err
		}
		p, err := loadPlanTx(tx)
		if err != nil {
			return nil, err
		}
		more, err := fn(p, now)
		if err != nil || len(more) == 0 {
			// Nothing changed: the template alone is not worth a commit
			// that the caller would not see acknowledged.
			return nil, err
		}
		return append(recs, more...), nil
	})
}
