package crisis

import (
	"strings"
	"time"
)

// Kind classifies a logbook entry. The list is defined here, once; front
// ends translate the codes for display.
type Kind string

const (
	KindFact          Kind = "fact"
	KindInfo          Kind = "info"
	KindDecision      Kind = "decision"
	KindAction        Kind = "action"
	KindCommunication Kind = "communication"
	KindEscalation    Kind = "escalation"
	KindClosure       Kind = "closure"
)

// Kinds in the order filters and reports list them.
var Kinds = []Kind{KindFact, KindInfo, KindDecision, KindAction, KindCommunication, KindEscalation, KindClosure}

// WritableKinds are the kinds a person may give an entry, in the order
// forms offer them: every kind but closure, which only closing the crisis
// writes (with the audit chain's head), so that no entry can pass for it.
var WritableKinds = []Kind{KindFact, KindInfo, KindDecision, KindAction, KindCommunication, KindEscalation}

// Writable reports whether a person may give an entry kind k.
func (k Kind) Writable() bool { return k != KindClosure }

var kindAliases = map[string]Kind{
	"information":          KindInfo,
	"information-received": KindInfo,
	"info-received":        KindInfo,
	"comm":                 KindCommunication,
}

// ParseKind accepts a kind's code (or a common long form) in any case, or
// its French name, with or without accents.
func ParseKind(s string) (Kind, error) {
	k := fromFrench(s)
	for _, known := range Kinds {
		if Kind(k) == known {
			return known, nil
		}
	}
	if alias, ok := kindAliases[k]; ok {
		return alias, nil
	}
	return "", invalidf("kind.unknown", SanitizeLine(s), joinKinds())
}

// joinKinds lists the kinds a person may give, for the refusal of another.
func joinKinds() string {
	codes := make([]string, len(WritableKinds))
	for i, k := range WritableKinds {
		codes[i] = string(k)
	}
	return strings.Join(codes, ", ")
}

// MaxEntryBytes bounds one entry's text: a logbook line, not a file dump.
const MaxEntryBytes = 8 * 1024

// Entry is one line of the crisis logbook (main courante). Entries are never
// edited: a correction is a new entry whose Amends names the original.
type Entry struct {
	ID         uint64    `json:"id"`
	OccurredAt time.Time `json:"occurred_at"`
	RecordedAt time.Time `json:"recorded_at"`
	Author     string    `json:"author"`
	// AuthorKey is the SHA256 fingerprint of the key that wrote it (or a
	// marker such as LocalFingerprint); it is evidence, not display.
	AuthorKey string `json:"author_key,omitempty"`
	Kind      Kind   `json:"kind"`
	Text      string `json:"text"`
	// Amends is the id of the entry this one corrects, 0 for none.
	Amends uint64 `json:"amends,omitempty"`
	// Task is the task whose change this entry records, 0 for none.
	Task uint64 `json:"task,omitempty"`
	// Asset is the register's asset whose change this entry records, 0
	// for none.
	Asset uint64 `json:"asset,omitempty"`
	// Stage is the stage this entry moved the crisis to, for the entries
	// that record a stage change ("" for the others): reports draw the
	// stages from it without reading the text.
	Stage Stage `json:"stage,omitempty"`
	// Msg is the sentence the system wrote, as its code and arguments, so
	// each reader reads it in their language; nil for what a person typed
	// (and for entries written before codes were kept). Text holds its
	// English rendering.
	Msg *Msg `json:"msg,omitempty"`
	// Source is who told us, and how ("CERT Santé, by phone"), as typed.
	Source string `json:"source,omitempty"`
	// Verify is the verification status of information received; on an
	// entry that Verifies another, the status it gives that one.
	Verify Check `json:"verify,omitempty"`
	// Verifies is the entry whose status this one changes, 0 for none.
	Verifies uint64 `json:"verifies,omitempty"`
	// AmendedBy lists later corrections of this entry. The store derives it
	// from an index on read; it is never written as part of the entry.
	AmendedBy []uint64 `json:"-"`
}

// Backdated reports whether the entry was written down noticeably after the
// event it records, so views show both times.
func (e Entry) Backdated() bool {
	d := e.RecordedAt.Sub(e.OccurredAt)
	return d >= time.Minute || d <= -time.Minute
}

// Amended reports whether a later entry corrects this one.
func (e Entry) Amended() bool { return len(e.AmendedBy) > 0 }

// Draft is what a person submits for a new entry.
type Draft struct {
	Kind Kind
	Text string
	// When is the optional "happened at" expression (see ParseWhen); empty
	// means now.
	When string
	// Source is who told us, and how; Verify a verification status
	// (to-verify, verified, refuted, or their French words), both optional.
	Source, Verify string
}

// Stage is where the crisis stands.
type Stage string

const (
	StageAlert         Stage = "alert"
	StageQualification Stage = "qualification"
	StageContainment   Stage = "containment"
	StageInvestigation Stage = "investigation"
	StageRemediation   Stage = "remediation"
	StageEnd           Stage = "end-of-crisis"
)

// Stages in their usual order. A lead may move to any of them: real crises
// go back to containment when the perimeter widens.
var Stages = []Stage{StageAlert, StageQualification, StageContainment, StageInvestigation, StageRemediation, StageEnd}

// ParseStage accepts a stage's code in any case ("end" for end-of-crisis),
// or its French name, with or without accents.
func ParseStage(s string) (Stage, error) {
	v := fromFrench(s)
	if v == "end" || v == "end-of-crisis" {
		return StageEnd, nil
	}
	for _, known := range Stages {
		if Stage(v) == known {
			return known, nil
		}
	}
	codes := make([]string, len(Stages))
	for i, st := range Stages {
		codes[i] = string(st)
	}
	return "", invalidf("stage.unknown", s, strings.Join(codes, ", "))
}

// Crisis is the one crisis a Cellule database records.
type Crisis struct {
	Name     string    `json:"name"`
	Stage    Stage     `json:"stage"`
	OpenedAt time.Time `json:"opened_at"`
	// EndedAt is when the crisis reached the end-of-crisis stage; nil while
	// it runs (and again if it is reopened).
	EndedAt *time.Time `json:"ended_at,omitempty"`
	// Closed is set when a lead closed the crisis: the record is then
	// read-only evidence.
	Closed *Closing `json:"closed,omitempty"`
}

// Duration is how long the crisis has run, or ran if it has ended.
func (c Crisis) Duration(now time.Time) time.Duration {
	end := now
	if c.EndedAt != nil {
		end = *c.EndedAt
	}
	if c.OpenedAt.IsZero() || end.Before(c.OpenedAt) {
		return 0
	}
	return end.Sub(c.OpenedAt)
}
