package crisis

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The recovery plan brings the information system back in four ordered
// phases (CERT Santé's remediation plan for Cahors): 1 core infrastructure,
// 2 business services and mail, 3 other services and servers,
// 4 workstations. Each phase holds items (a system, a service or a group of
// machines) that move along isolated -> investigating -> cleaned or
// rebuilt -> verified -> in-service, or are found compromised.

// PhaseCount is how many phases the plan has.
const PhaseCount = 4

// PhaseNames are the phases' names, by number - 1.
var PhaseNames = [PhaseCount]string{
	"Core infrastructure",
	"Business services and mail",
	"Other services and servers",
	"Workstations",
}

// ItemState is where a recovery item stands.
type ItemState string

const (
	StateIsolated      ItemState = "isolated"
	StateInvestigating ItemState = "investigating"
	StateCleaned       ItemState = "cleaned"
	StateRebuilt       ItemState = "rebuilt"
	StateVerified      ItemState = "verified"
	StateInService     ItemState = "in-service"
	StateCompromised   ItemState = "compromised"
)

// ItemStates in the order forms offer them: the path, then compromised.
var ItemStates = []ItemState{StateIsolated, StateInvestigating, StateCleaned, StateRebuilt, StateVerified, StateInService, StateCompromised}

// ParseItemState accepts a state's code in any case ("in service" too).
func ParseItemState(s string) (ItemState, error) {
	v := fromFrench(s)
	if v == "inservice" || v == "back-in-service" {
		v = string(StateInService)
	}
	for _, known := range ItemStates {
		if ItemState(v) == known {
			return known, nil
		}
	}
	codes := make([]string, len(ItemStates))
	for i, st := range ItemStates {
		codes[i] = string(st)
	}
	return "", invalidf("recovery.state-unknown", s, strings.Join(codes, ", "))
}

// Progress of an item is a weight per state, in percent:
//
//	isolated 0, compromised 0, investigating 25, cleaned 50, rebuilt 50,
//	verified 75, in-service 100.
//
// A group (Total > 0) has Count of its Total machines at its state; the
// others are counted one step behind on the path (the state before it:
// investigating for cleaned and rebuilt, verified for in-service...). So
// workstations "rebuilt 612/1400" are (612x50 + 788x25) / 1400 = 35.9%, and
// a group that moves on to the next state with a count of 0 keeps the
// progress it had: progress never jumps backwards by moving forwards.
// A phase's progress is the mean of its items' (each item weighs the same),
// rounded down to a whole percent, so 100% means every item is in service.
var stateWeight = map[ItemState]float64{
	StateIsolated:      0,
	StateCompromised:   0,
	StateInvestigating: 25,
	StateCleaned:       50,
	StateRebuilt:       50,
	StateVerified:      75,
	StateInService:     100,
}

// stateBefore is the step before each state on the path.
var stateBefore = map[ItemState]ItemState{
	StateIsolated:      StateIsolated,
	StateCompromised:   StateCompromised,
	StateInvestigating: StateIsolated,
	StateCleaned:       StateInvestigating,
	StateRebuilt:       StateInvestigating,
	StateVerified:      StateCleaned,
	StateInService:     StateVerified,
}

// PhaseState is where a phase stands; it follows from its items and its
// validation.
type PhaseState string

const (
	PhaseNotStarted PhaseState = "not-started"
	PhaseInProgress PhaseState = "in-progress"
	PhaseReady      PhaseState = "ready-for-validation"
	PhaseValidated  PhaseState = "validated"
)

// Limits on what people type into the plan.
const (
	MaxItemName  = 40
	MaxItemOwner = 32
	MaxItemNote  = 200
	MaxGateNote  = 500
	MaxItemTotal = 100000
)

// RecoveryPhase is the stored part of a phase: its name and its validation.
type RecoveryPhase struct {
	Number      int        `json:"number"`
	Name        string     `json:"name"`
	ValidatedBy string     `json:"validated_by,omitempty"`
	ValidatedAt *time.Time `json:"validated_at,omitempty"`
	// RegisterOverride is a lead's decision to validate the phase while
	// assets linked to its items are still compromised (see
	// LiftRegisterGate).
	RegisterOverride *Override `json:"register_override,omitempty"`
}

// Validated reports whether a lead validated the phase.
func (p RecoveryPhase) Validated() bool { return p.ValidatedAt != nil }

// Override is a lead's decision to let one item go back in service before
// the phases before it are validated.
type Override struct {
	By     string    `json:"by"`
	At     time.Time `json:"at"`
	Reason string    `json:"reason"`
	Entry  uint64    `json:"entry"` // the decision entry in the logbook
}

// RecoveryItem is a system, a service or a group of machines to bring back.
type RecoveryItem struct {
	// ID is short, stable and typed in commands ("firewall", "dc").
	ID    string `json:"id"`
	Name  string `json:"name"`
	Phase int    `json:"phase"`
	// Pos orders the items of a phase.
	Pos   int       `json:"pos"`
	Owner string    `json:"owner,omitempty"`
	State ItemState `json:"state"`
	Note  string    `json:"note,omitempty"`
	// Count of Total machines are at State; Total is 0 for a single item.
	Count    int       `json:"count,omitempty"`
	Total    int       `json:"total,omitempty"`
	Override *Override `json:"override,omitempty"`
	// UpdatedAt and UpdatedBy are the last change of state, count, owner or
	// note; zero while the item has no history (a plan edit is not one).
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	UpdatedBy string    `json:"updated_by,omitempty"`
	// Compromised counts the register's assets linked to the item that are
	// compromised or contained, not yet remediated: derived on read
	// (Service.Recovery), never stored.
	Compromised int `json:"-"`
}

// IsGroup reports whether the item stands for several machines.
func (it RecoveryItem) IsGroup() bool { return it.Total > 0 }

// HasHistory reports whether the item's state was ever changed or
// overridden: such an item is in the logbook and stays where it is.
func (it RecoveryItem) HasHistory() bool { return !it.UpdatedAt.IsZero() || it.Override != nil }

// Progress is the item's progress in percent (see stateWeight).
func (it RecoveryItem) Progress() float64 {
	w := stateWeight[it.State]
	if !it.IsGroup() {
		return w
	}
	prev := stateWeight[stateBefore[it.State]]
	count := min(max(it.Count, 0), it.Total)
	return (float64(count)*w + float64(it.Total-count)*prev) / float64(it.Total)
}

// Done reports whether the item (the whole group) is verified or back in
// service: what validating its phase needs.
func (it RecoveryItem) Done() bool {
	if it.State != StateVerified && it.State != StateInService {
		return false
	}
	return !it.IsGroup() || it.Count == it.Total
}

// PhaseView is a phase with its items and what follows from them.
type PhaseView struct {
	RecoveryPhase
	State    PhaseState
	Progress int // percent, rounded down
	Items    []RecoveryItem
	// Suspended is set on a validated phase while an earlier one is not
	// (its validation was withdrawn): its items are gated again, so its
	// validation does not stand for now.
	Suspended bool
}

// RecoveryPlan is the four phases, in order.
type RecoveryPlan struct {
	Phases []PhaseView
}

// PhaseProgress is what the header's summary shows of a phase.
type PhaseProgress struct {
	Number    int
	State     PhaseState
	Progress  int
	Suspended bool // see PhaseView.Suspended
}

// Summary is the plan's phases without their items.
func (p RecoveryPlan) Summary() []PhaseProgress {
	out := make([]PhaseProgress, len(p.Phases))
	for i, ph := range p.Phases {
		out[i] = PhaseProgress{Number: ph.Number, State: ph.State, Progress: ph.Progress, Suspended: ph.Suspended}
	}
	return out
}

// viewPhase works out a phase's state and progress from its items.
func viewPhase(p RecoveryPhase, items []RecoveryItem) PhaseView {
	v := PhaseView{RecoveryPhase: p, Items: items}
	var sum float64
	started, done := false, true
	for _, it := range items {
		sum += it.Progress()
		started = started || it.State != StateIsolated
		done = done && it.Done()
	}
	if len(items) > 0 {
		// The epsilon keeps 100.0 computed as 99.999... at 100.
		v.Progress = int(math.Floor(sum/float64(len(items)) + 1e-9))
	}
	switch {
	case p.Validated():
		v.State = PhaseValidated
		if len(items) == 0 {
			v.Progress = 100
		}
	case done:
		v.State = PhaseReady
	case started:
		v.State = PhaseInProgress
	default:
		v.State = PhaseNotStarted
	}
	return v
}

// buildPlan groups items into their phases, ordered by position.
func buildPlan(phases []RecoveryPhase, items []RecoveryItem) RecoveryPlan {
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].Phase != items[j].Phase {
			return items[i].Phase < items[j].Phase
		}
		return items[i].Pos < items[j].Pos
	})
	byNumber := map[int]RecoveryPhase{}
	for _, p := range phases {
		byNumber[p.Number] = p
	}
	var plan RecoveryPlan
	for n := 1; n <= PhaseCount; n++ {
		p, ok := byNumber[n]
		if !ok {
			p = RecoveryPhase{Number: n, Name: PhaseNames[n-1]}
		}
		var in []RecoveryItem
		for _, it := range items {
			if it.Phase == n {
				in = append(in, it)
			}
		}
		v := viewPhase(p, in)
		for _, before := range plan.Phases {
			v.Suspended = v.Suspended || (p.Validated() && !before.Validated())
		}
		plan.Phases = append(plan.Phases, v)
	}
	return plan
}

// ParsePhase reads a phase number, 1 to 4.
func ParsePhase(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > PhaseCount {
		return 0, invalidf("recovery.phase-unknown", s, PhaseCount)
	}
	return n, nil
}

func checkPhase(n int) error {
	if n < 1 || n > PhaseCount {
		return invalidf("recovery.phase-unknown", strconv.Itoa(n), PhaseCount)
	}
	return nil
}

// itemID makes an id for a new item from its name: lower-case letters,
// digits and dashes, unique among taken.
func itemID(name string, taken func(string) bool) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 24 {
			break
		}
	}
	base := strings.Trim(b.String(), "-")
	if base == "" {
		base = "item"
	}
	id := base
	for i := 2; taken(id); i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	return id
}
