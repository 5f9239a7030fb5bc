package crisis

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// heldBy names the assets that hold phase n back: those linked to one of
// its items and still compromised or contained. "" when none does.
func heldBy(p *planTx, n int) (Msg, error) {
	items := map[string]bool{}
	for _, it := range p.itemsOf(n) {
		items[it.ID] = true
	}
	all, err := p.tx.Assets()
	if err != nil {
		return Msg{}, err
	}
	var names []string
	count := 0
	for _, as := range all {
		if items[as.Item] && as.State.Unremediated() {
			count++
			if len(names) < 3 {
				names = append(names, fmt.Sprintf("%d %s", as.ID, as.Identifier))
			}
		}
	}
	if count == 0 {
		return Msg{}, nil
	}
	if count > len(names) {
		names = append(names, fmt.Sprintf("+%d", count-len(names)))
	}
	return say("register.gate-assets", strconv.Itoa(count), strings.Join(names, ", ")), nil
}

// LiftRegisterGate lets phase n be validated while assets linked to its
// items are still compromised: a lead's decision, with its reason, logged
// as a decision (as OverrideGate is for an item).
func (s *Service) LiftRegisterGate(a Actor, n int, reason string) (Entry, error) {
	if err := checkPhase(n); err != nil {
		return Entry{}, err
	}
	reason = strings.TrimSpace(SanitizeLine(reason))
	if reason == "" {
		return Entry{}, invalidf("register.gate-reason")
	}
	if len([]rune(reason)) > MaxGateNote {
		return Entry{}, invalidf("register.gate-long", MaxGateNote)
	}
	var e Entry
	err := s.withRecoveryPlan(a, ActOverrideRecovery, func(p *planTx, now time.Time) ([]AuditRecord, error) {
		ph := p.phase(n)
		if o := ph.RegisterOverride; o != nil {
			return nil, conflictf("register.gate-lifted", n, o.By)
		}
		held, err := heldBy(p, n)
		if err != nil {
			return nil, err
		}
		if held.Code == "" {
			return nil, conflictf("register.gate-open", n)
		}
		if e, err = p.tx.AppendEntry(systemEntry(a, now, KindDecision, Msg{Code: "register.log-gate", Args: []string{strconv.Itoa(n), ph.Name, reason}, Parts: []Msg{held}})); err != nil {
			return nil, err
		}
		ph.RegisterOverride = &Override{By: a.Name, At: now, Reason: reason, Entry: e.ID}
		if err := p.putPhase(ph); err != nil {
			return nil, err
		}
		return []AuditRecord{phaseRecord("register.gate-lift", fmt.Sprintf("phase %d: %s", n, reason), ph), entryRecord("log", e)}, nil
	})
	return e, err
}
