package crisis

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Recovery reads the plan: the four phases with their items. A database
// that predates the tracker shows the default template, which its first
// change stores.
func (s *Service) Recovery() (RecoveryPlan, error) {
	var plan RecoveryPlan
	err := s.store.View(func(tx ReadTx) error {
		var err error
		if plan, err = readPlan(tx); err != nil {
			return err
		}
		held, err := unremediatedByItem(tx)
		for i := range plan.Phases {
			for j := range plan.Phases[i].Items {
				plan.Phases[i].Items[j].Compromised = held[plan.Phases[i].Items[j].ID]
			}
		}
		return err
	})
	return plan, err
}

// ItemChange is what a person changes on an item; nil or "" keeps it.
type ItemChange struct {
	State ItemState
	// Count of the group at State. When State is given and Count is nil,
	// the whole group is taken to be there (Count = Total).
	Count *int
	Note  *string
	Owner *string
}

// SetRecoveryItem changes an item's state, count, note or owner, and logs
// the change. Putting an item back in service needs every earlier phase
// validated, or a lead's override for that item. An item that falls back
// below verified withdraws its phase's validation (logged in the same
// entry): the phases after it are gated again.
func (s *Service) SetRecoveryItem(a Actor, ref string, ch ItemChange) (RecoveryItem, Entry, error) {
	var err error
	if ch.State != "" {
		if ch.State, err = ParseItemState(string(ch.State)); err != nil {
			return RecoveryItem{}, Entry{}, err
		}
	}
	if ch.Note != nil {
		n, err := cleanText(*ch.Note, MaxItemNote, "recovery.note-long")
		if err != nil {
			return RecoveryItem{}, Entry{}, err
		}
		ch.Note = &n
	}
	if ch.Owner != nil {
		o, err := cleanText(*ch.Owner, MaxItemOwner, "recovery.owner-long")
		if err != nil {
			return RecoveryItem{}, Entry{}, err
		}
		ch.Owner = &o
	}
	if ch.Count != nil && *ch.Count < 0 {
		return RecoveryItem{}, Entry{}, invalidf("recovery.count-negative")
	}
	var it RecoveryItem
	var e Entry
	err = s.withRecoveryPlan(a, ActUpdateRecovery, func(p *planTx, now time.Time) ([]AuditRecord, error) {
		old, err := p.find(ref)
		if err != nil {
			return nil, err
		}
		it = old
		if ch.State != "" {
			it.State = ch.State
		}
		if ch.Count != nil {
			if !it.IsGroup() {
				return nil, invalidf("recovery.not-group", it.Name)
			}
			if *ch.Count > it.Total {
				return nil, invalidf("recovery.count-above", *ch.Count, it.Name, it.Total)
			}
			it.Count = *ch.Count
		} else if it.IsGroup() && ch.State != "" {
			it.Count = it.Total
		}
		if ch.Note != nil {
			it.Note = *ch.Note
		}
		if ch.Owner != nil {
			it.Owner = *ch.Owner
		}
		if it.State == old.State && it.Count == old.Count && it.Note == old.Note && it.Owner == old.Owner {
			return nil, conflictf("recovery.no-change", it.Name)
		}
		if it.State == StateInService && (old.State != StateInService || it.Count > old.Count) && it.Override == nil {
			if g := p.gate(it.Phase); g != 0 {
				return nil, conflictf("recovery.gate", it.Name, it.Phase, g, p.phase(g).Name, it.ID)
			}
		}
		it.UpdatedAt, it.UpdatedBy = now, a.Name
		if err := p.put(it); err != nil {
			return nil, err
		}
		text := changeText(old, it)
		text = Msg{Code: "seq", Parts: []Msg{text}}
		var recs []AuditRecord
		if ph := p.phase(it.Phase); ph.Validated() && !it.Done() {
			ph.ValidatedAt, ph.ValidatedBy = nil, ""
			if err := p.putPhase(ph); err != nil {
				return nil, err
			}
			text.Parts = append(text.Parts, say("recovery.withdrawn", strconv.Itoa(ph.Number), it.Name))
			recs = append(recs, phaseRecord("recovery.withdraw", fmt.Sprintf("phase %d validation withdrawn", ph.Number), ph))
		}
		if e, err = p.tx.AppendEntry(systemEntry(a, now, KindAction, text)); err != nil {
			return nil, err
		}
		recs = append(recs, itemRecord("recovery.set", fmt.Sprintf("%s: %s", it.Name, it.State), it), entryRecord("log", e))
		return recs, nil
	})
	return it, e, err
}

// changeText is the logbook's sentence for a change of an item.
func changeText(old, it RecoveryItem) Msg {
	var state Msg
	count, total := strconv.Itoa(it.Count), strconv.Itoa(it.Total)
	switch {
	case it.State != old.State && it.IsGroup():
		state = say("recovery.state-change-count", string(old.State), string(it.State), count, total)
	case it.State != old.State:
		state = say("recovery.state-change", string(old.State), string(it.State))
	case it.IsGroup():
		state = say("recovery.state-same-count", string(it.State), count, total)
	default:
		state = say("recovery.state-same", string(it.State))
	}
	parts := []Msg{state}
	if it.Owner != old.Owner {
		if it.Owner == "" {
			parts = append(parts, say("recovery.no-owner"))
		} else {
			parts = append(parts, say("recovery.owner", it.Owner))
		}
	}
	if it.Note != old.Note && it.Note != "" {
		parts = append(parts, say("recovery.note", it.Note))
	}
	return Msg{Code: "recovery.changed", Args: []string{strconv.Itoa(it.Phase), it.Name}, Parts: parts}
}

// ValidatePhase records a lead's validation of phase n: every item of it
// verified or back in service (whole groups). The items of later phases
// may then go back in service.
func (s *Service) ValidatePhase(a Actor, n int) (Entry, error) {
	if err := checkPhase(n); err != nil {
		return Entry{}, err
	}
	var e Entry
	err := s.withRecoveryPlan(a, ActValidateRecovery, func(p *planTx, now time.Time) ([]AuditRecord, error) {
		ph := p.phase(n)
		if err := phaseValidation(ph, p.itemsOf(n)); err != nil {
			return nil, err
		}
		if ph.RegisterOverride == nil {
			if held, err := heldBy(p, n); err != nil {
				return nil, err
			} else if held.Code != "" {
				return nil, conflictf("register.gate", n, held.In(LangEnglish))
			}
		}
		at := now
		ph.ValidatedAt, ph.ValidatedBy = &at, a.Name
		if err := p.putPhase(ph); err != nil {
			return nil, err
		}
		text := say("recovery.validated", strconv.Itoa(n), ph.Name)
		var err error
		if e, err = p.tx.AppendEntry(systemEntry(a, now, KindDecision, text)); err != nil {
			return nil, err
		}
		return []AuditRecord{phaseRecord("recovery.validate", fmt.Sprintf("phase %d validated", n), ph), entryRecord("log", e)}, nil
	})
	return e, err
}

// OverrideGate lets one item go back in service before the phases before
// it are validated: a lead's decision, with its reason, in the logbook.
func (s *Service) OverrideGate(a Actor, ref, reason string) (Entry, error) {
	reason = strings.TrimSpace(SanitizeLine(reason))
	if reason == "" {
		return Entry{}, invalidf("recovery.override-reason")
	}
	if len(reason) > MaxGateNote {
		return Entry{}, invalidf("recovery.override-long", MaxGateNote)
	}
	var e Entry
	err := s.withRecoveryPlan(a, ActOverrideRecovery, func(p *planTx, now time.Time) ([]AuditRecord, error) {
		it, err := p.find(ref)
		if err != nil {
			return nil, err
		}
		if it.Override != nil {
			return nil, conflictf("recovery.override-done", it.Name, it.Override.By)
		}
		g := p.gate(it.Phase)
		if g == 0 {
			if it.Phase == 1 {
				return nil, conflictf("recovery.override-first", it.Name)
			}
			return nil, conflictf("recovery.override-open", it.Name, it.Phase-1)
		}
		text := say("recovery.gate-lifted", it.Name, strconv.Itoa(it.Phase), strconv.Itoa(g), p.phase(g).Name, reason)
		if e, err = p.tx.AppendEntry(systemEntry(a, now, KindDecision, text)); err != nil {
			return nil, err
		}
		it.Override = &Override{By: a.Name, At: now, Reason: reason, Entry: e.ID}
		if err := p.put(it); err != nil {
			return nil, err
		}
		return []AuditRecord{itemRecord("recovery.override", it.Name+": "+reason, it), entryRecord("log", e)}, nil
	})
	return e, err
}

// AddRecoveryItem adds an item at the end of phase n; total > 0 makes it a
// group of that many machines.
func (s *Service) AddRecoveryItem(a Actor, n int, name string, total int, owner string) (RecoveryItem, error) {
	if err := checkPhase(n); err != nil {
		return RecoveryItem{}, err
	}
	if total < 0 || total > MaxItemTotal {
		return RecoveryItem{}, invalidf("recovery.total-bad", MaxItemTotal)
	}
	owner, err := cleanText(owner, MaxItemOwner, "recovery.owner-long")
	if err != nil {
		return RecoveryItem{}, err
	}
	var it RecoveryItem
	err = s.withRecoveryPlan(a, ActEditRecoveryPlan, func(p *planTx, now time.Time) ([]AuditRecord, error) {
		name, err := p.checkName(name, "")
		if err != nil {
			return nil, err
		}
		if ph := p.phase(n); ph.Validated() {
			return nil, conflictf("recovery.phase-closed", n)
		}
		taken := func(id string) bool {
			for _, o := range p.items {
				if o.ID == id {
					return true
				}
			}
			return false
		}
		it = RecoveryItem{ID: itemID(name, taken), Name: name, Phase: n, Pos: p.nextPos(n), State: StateIsolated, Total: total, Owner: owner}
		if err := p.put(it); err != nil {
			return nil, err
		}
		return []AuditRecord{itemRecord("recovery.add", fmt.Sprintf("%s added to phase %d", name, n), it)}, nil
	})
	return it, err
}

// RenameRecoveryItem renames an item; its id stays, and so does its
// history (the logbook keeps the name it had then).
func (s *Service) RenameRecoveryItem(a Actor, ref, name string) (RecoveryItem, error) {
	var it RecoveryItem
	err := s.withRecoveryPlan(a, ActEditRecoveryPlan, func(p *planTx, now time.Time) ([]AuditRecord, error) {
		var err error
		if it, err = p.find(ref); err != nil {
			return nil, err
		}
		if name, err = p.checkName(name, it.ID); err != nil {
			return nil, err
		}
		if name == it.Name {
			return nil, conflictf("recovery.no-change", it.Name)
		}
		old := it.Name
		it.Name = name
		if err := p.put(it); err != nil {
			return nil, err
		}
		return []AuditRecord{itemRecord("recovery.rename", fmt.Sprintf("%s renamed %s", old, name), it)}, nil
	})
	return it, err
}

// MoveRecoveryItem moves an item that has no history to the end of phase n.
func (s *Service) MoveRecoveryItem(a Actor, ref string, n int) (RecoveryItem, error) {
	if err := checkPhase(n); err != nil {
		return RecoveryItem{}, err
	}
	var it RecoveryItem
	err := s.withRecoveryPlan(a, ActEditRecoveryPlan, func(p *planTx, now time.Time) ([]AuditRecord, error) {
		var err error
		if it, err = p.find(ref); err != nil {
			return nil, err
		}
		if it.Phase == n {
			return nil, conflictf("recovery.move-same", it.Name, n)
		}
		if it.HasHistory() {
			return nil, conflictf("recovery.item-history", it.Name)
		}
		if p.phase(n).Validated() {
			return nil, conflictf("recovery.phase-closed", n)
		}
		from := it.Phase
		it.Phase, it.Pos = n, p.nextPos(n)
		if err := p.put(it); err != nil {
			return nil, err
		}
		return []AuditRecord{itemRecord("recovery.move", fmt.Sprintf("%s moved from phase %d to %d", it.Name, from, n), it)}, nil
	})
	return it, err
}

// RemoveRecoveryItem removes an item that has no history.
func (s *Service) RemoveRecoveryItem(a Actor, ref string) (RecoveryItem, error) {
	var it RecoveryItem
	err := s.withRecoveryPlan(a, ActEditRecoveryPlan, func(p *planTx, now time.Time) ([]AuditRecord, error) {
		var err error
		if it, err = p.find(ref); err != nil {
			return nil, err
		}
		if err := itemRemoval(it); err != nil {
			return nil, err
		}
		if err := p.tx.DeleteRecoveryItem(it.ID); err != nil {
			return nil, err
		}
		rec := itemRecord("recovery.remove", fmt.Sprintf("%s removed from phase %d", it.Name, it.Phase), it)
		rec.Digest = "" // nothing is stored any more
		return []AuditRecord{rec}, nil
	})
	return it, err
}
