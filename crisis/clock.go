package crisis

import (
	"time"
)

// Clock is where one declaration stands in this crisis: started (the
// moment of awareness, which may be in the past), then sent or found not
// to apply. It is stored under the declaration's name; a declaration
// nobody touched has no record.
type Clock struct {
	Name string `json:"name"`
	// Enabled is a lead's choice to turn the declaration on or off; nil
	// keeps its definition's default.
	Enabled *bool `json:"enabled,omitempty"`

	// StartedAt is the moment of awareness; Due the deadline computed
	// then (nil: without delay). A later import of the definition does
	// not move a deadline already running.
	StartedAt  *time.Time `json:"started_at,omitempty"`
	Due        *time.Time `json:"due,omitempty"`
	StartedBy  string     `json:"started_by,omitempty"`
	StartedKey string     `json:"started_key,omitempty"`
	StartEntry uint64     `json:"start_entry,omitempty"`

	// SentAt and the rest tell that the declaration was sent.
	SentAt     *time.Time `json:"sent_at,omitempty"`
	SentBy     string     `json:"sent_by,omitempty"`
	SentKey    string     `json:"sent_key,omitempty"`
	Ref        string     `json:"ref,omitempty"`
	To         string     `json:"to,omitempty"`
	LateReason string     `json:"late_reason,omitempty"`
	DoneEntry  uint64     `json:"done_entry,omitempty"`

	// SkippedAt and the rest tell that it does not apply, and why.
	SkippedAt  *time.Time `json:"skipped_at,omitempty"`
	SkippedBy  string     `json:"skipped_by,omitempty"`
	SkipReason string     `json:"skip_reason,omitempty"`
	SkipEntry  uint64     `json:"skip_entry,omitempty"`
}

// ClockState is where a clock stands, as commands and JSON write it.
type ClockState string

const (
	ClockOff     ClockState = "off"     // turned off: does not apply here
	ClockWaiting ClockState = "waiting" // not started: nobody recorded awareness yet
	ClockRunning ClockState = "running"
	ClockSent    ClockState = "sent"
	ClockSkipped ClockState = "skipped" // does not apply, with the reason
)

// DeclarationClock is a declaration and its clock, as views show them.
type DeclarationClock struct {
	Declaration Declaration
	Clock       Clock
	On          bool
}

// State is where the clock stands.
func (c DeclarationClock) State() ClockState {
	switch {
	case c.Clock.SkippedAt != nil:
		return ClockSkipped
	case c.Clock.SentAt != nil:
		return ClockSent
	case !c.On:
		return ClockOff
	case c.Clock.StartedAt != nil:
		return ClockRunning
	}
	return ClockWaiting
}

// Late reports whether the declaration is past its deadline at now: still
// running after it, or sent after it.
func (c DeclarationClock) Late(now time.Time) bool {
	if c.Clock.Due == nil {
		return false
	}
	switch c.State() {
	case ClockRunning:
		return now.After(*c.Clock.Due)
	case ClockSent:
		return c.Clock.SentAt.After(*c.Clock.Due)
	}
	return false
}

// Margin is how long before the deadline it was sent (negative: after).
func (c DeclarationClock) Margin() (time.Duration, bool) {
	if c.Clock.Due == nil || c.Clock.SentAt == nil {
		return 0, false
	}
	return c.Clock.Due.Sub(*c.Clock.SentAt), true
}

// ClockDue is the nearest running deadline, for every console's header.
type ClockDue struct {
	Name string
	Due  time.Time
}

// nearestDue is the running clock whose deadline comes first, if any.
func nearestDue(cs []DeclarationClock) (ClockDue, bool) {
	var best ClockDue
	found := false
	for _, c := range cs {
		if c.State() != ClockRunning || c.Clock.Due == nil {
			continue
		}
		if !found || c.Clock.Due.Before(best.Due) {
			best, found = ClockDue{Name: c.Declaration.Name, Due: *c.Clock.Due}, true
		}
	}
	return best, found
}

func clockRecord(action, detail string, c Clock) AuditRecord {
	return AuditRecord{Action: action, Subject: "clock/" + c.Name, Detail: detail, Digest: DigestOf(c)}
}

func declarationRecord(detail string, d Declaration) AuditRecord {
	return AuditRecord{Action: "clock.import", Subject: "declaration/" + d.Name, Detail: detail, Digest: DigestOf(d)}
}

// ClockReadTx reads the declarations' definitions and clocks.
type ClockReadTx interface {
	// Declarations lists the imported definitions, by name.
	Declarations() ([]Declaration, error)
	// Clocks lists the stored clocks, by name.
	Clocks() ([]Clock, error)
}

// ClockWriteTx stores them.
type ClockWriteTx interface {
	PutDeclaration(d Declaration) error
	PutClock(c Clock) error
}

// Clocks lists every declaration in force and its clock, for the report.
func (p *Snapshot) Clocks() ([]DeclarationClock, error) { return clocksOf(p.tx) }
