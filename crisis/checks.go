package crisis

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Checks ask "would this write be refused?" without writing: a console
// asks its yes/no question only about a change that can succeed, and says
// why not otherwise. Each runs the checks write runs (who asks, a closed
// record) and the rule the write itself applies, the same code; the write
// checks again in its own transaction, so a check is advice, never a
// permission.

// check runs write's checks for a and act, then rule, in a read
// transaction.
func (s *Service) check(a Actor, act Action, rule func(tx ReadTx, now time.Time) error) error {
	return s.store.View(func(tx ReadTx) error {
		cur, err := currentActor(tx, a)
		if err != nil {
			return err
		}
		if err := cur.Check(act); err != nil {
			return err
		}
		if err := refuseIfClosed(tx, act); err != nil {
			return err
		}
		if rule == nil {
			return nil
		}
		return rule(tx, s.Now())
	})
}

// CanWrite reports whether a may make a change of kind act now: nil, or
// the refusal a write would get (a viewer, a revoked key, a closed
// record).
func (s *Service) CanWrite(a Actor, act Action) error { return s.check(a, act, nil) }

// CanValidatePhase is nil when ValidatePhase(a, n) would validate the
// phase, else its refusal.
func (s *Service) CanValidatePhase(a Actor, n int) error {
	if err := checkPhase(n); err != nil {
		return err
	}
	return s.check(a, ActValidateRecovery, func(tx ReadTx, _ time.Time) error {
		plan, err := readPlan(tx)
		if err != nil {
			return err
		}
		ph := plan.Phases[n-1]
		return phaseValidation(ph.RecoveryPhase, ph.Items)
	})
}

// phaseValidation is the rule of a phase's validation: not validated yet,
// every item verified or back in service (whole groups).
func phaseValidation(ph RecoveryPhase, items []RecoveryItem) error {
	if ph.Validated() {
		return conflictf("recovery.phase-validated", ph.Number, ph.ValidatedBy)
	}
	// In plan order, whoever read the items (the store keeps them by id).
	items = slices.Clone(items)
	slices.SortStableFunc(items, func(a, b RecoveryItem) int { return a.Pos - b.Pos })
	var missing []string
	for _, it := range items {
		if !it.Done() {
			missing = append(missing, it.Name)
		}
	}
	if len(missing) > 0 {
		if len(missing) > 3 {
			missing = append(missing[:3], fmt.Sprintf("%d more", len(missing)-3))
		}
		return conflictf("recovery.phase-not-ready", ph.Number, strings.Join(missing, ", "))
	}
	return nil
}

// CanRemoveRecoveryItem is nil when RemoveRecoveryItem(a, ref) would
// remove the item, else its refusal.
func (s *Service) CanRemoveRecoveryItem(a Actor, ref string) error {
	return s.check(a, ActEditRecoveryPlan, func(tx ReadTx, _ time.Time) error {
		plan, err := readPlan(tx)
		if err != nil {
			return err
		}
		p := &planTx{}
		for _, ph := range plan.Phases {
			p.items = append(p.items, ph.Items...)
		}
		it, err := p.find(ref)
		if err != nil {
			return err
		}
		return itemRemoval(it)
	})
}

// itemRemoval is the rule of removing an item: only one nobody changed
// yet, so the plan never loses what the logbook speaks of.
func itemRemoval(it RecoveryItem) error {
	if it.HasHistory() {
		return conflictf("recovery.item-history", it.Name)
	}
	return nil
}

// CanClose is nil when Close(a, note) would close the crisis, else its
// refusal (an empty or too long note, a record already closed, a role
// that may not).
func (s *Service) CanClose(a Actor, note string) error {
	if _, err := closingNote(note); err != nil {
		return err
	}
	return s.check(a, ActClose, nil)
}

// closingNote is the note of a closing as it is kept, or why it cannot be.
func closingNote(note string) (string, error) {
	note = strings.TrimSpace(Sanitize(note))
	if note == "" {
		return "", invalidf("close.note-empty")
	}
	if len(note) > MaxCloseNote {
		return "", invalidf("close.note-long", MaxCloseNote)
	}
	return note, nil
}
