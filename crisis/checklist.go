package crisis

import (
	"fmt"
	"regexp"
	"sort"
	"time"
)

// Localized is a text in several languages, by language code ("en",
// "fr"). A text written in one language only (an imported template) is
// kept under "", which every language reads.
type Localized map[string]string

// In is the text in lang, or the best one there is: the language-neutral
// text, then English, then French, then any.
func (l Localized) In(lang string) string {
	for _, k := range []string{lang, "", LangEnglish, LangFrench} {
		if s, ok := l[k]; ok && s != "" {
			return s
		}
	}
	keys := make([]string, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if l[k] != "" {
			return l[k]
		}
	}
	return ""
}

// Plain is a text with no language of its own.
func Plain(s string) Localized {
	if s == "" {
		return nil
	}
	return Localized{"": s}
}

// TemplateStep is one step of a checklist: what to do, optionally how
// (Detail), and optionally whom to call (Contact: a contact's name, role
// or organisation in the directory).
type TemplateStep struct {
	Text    Localized `json:"text"`
	Detail  Localized `json:"detail,omitempty"`
	Contact string    `json:"contact,omitempty"`
}

// ChecklistTemplate is an ordered list of steps to follow, such as the
// out-of-hours on-call checklist. Built-in templates live in the code;
// imported ones in the database.
type ChecklistTemplate struct {
	// Name is the short name used in commands ("hno").
	Name    string         `json:"name"`
	Title   Localized      `json:"title"`
	Steps   []TemplateStep `json:"steps"`
	BuiltIn bool           `json:"built_in,omitempty"`
	// ImportedAt and ImportedBy say where an imported template came from.
	ImportedAt time.Time `json:"imported_at,omitzero"`
	ImportedBy string    `json:"imported_by,omitempty"`
}

// Limits of a template: a checklist is read at 3 a.m. on a terminal.
const (
	MaxTemplateName  = 32
	MaxTemplateTitle = 120
	MaxSteps         = 60
	MaxStepText      = 300
	MaxStepDetail    = 1000
	MaxContactRef    = 80
)

var templateNamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`)

// validTemplateName checks a short name: lower-case letters, digits and
// '-', so that it can be typed in a command without quotes.
func validTemplateName(name string) error {
	if !templateNamePattern.MatchString(name) {
		return invalidf("checklist.bad-name", SanitizeLine(name))
	}
	return nil
}

// RunStep is a step of a run: the template's step, and whether and when
// it was done. Un-ticking clears Done* and keeps the last reason.
type RunStep struct {
	TemplateStep
	DoneAt  *time.Time `json:"done_at,omitempty"`
	DoneBy  string     `json:"done_by,omitempty"`
	DoneKey string     `json:"done_key,omitempty"`
	// Entry is the logbook entry of the last tick or un-tick, 0 for none.
	Entry uint64 `json:"entry,omitempty"`
	// UndoneAt, UndoneBy and UndoReason tell the last un-tick.
	UndoneAt   *time.Time `json:"undone_at,omitempty"`
	UndoneBy   string     `json:"undone_by,omitempty"`
	UndoReason string     `json:"undo_reason,omitempty"`
}

// Done reports whether the step is ticked.
func (s RunStep) Done() bool { return s.DoneAt != nil }

// ChecklistRun is one use of a template in this crisis (the night of 12
// September...). It copies the template's steps when it starts, so a
// template imported again later never renumbers the steps of a run.
type ChecklistRun struct {
	ID        uint64    `json:"id"`
	Template  string    `json:"template"`
	Title     Localized `json:"title"`
	Label     string    `json:"label,omitempty"`
	Steps     []RunStep `json:"steps"`
	StartedAt time.Time `json:"started_at"`
	StartedBy string    `json:"started_by"`
}

// MaxRunLabel bounds a run's label ("night of 12 September").
const MaxRunLabel = 80

// Progress is how many steps are done, out of how many.
func (r ChecklistRun) Progress() (done, total int) {
	for _, s := range r.Steps {
		if s.Done() {
			done++
		}
	}
	return done, len(r.Steps)
}

// Complete reports whether every step is done.
func (r ChecklistRun) Complete() bool {
	done, total := r.Progress()
	return done == total
}

// Next is the number (1-based) of the first step not done, 0 when the run
// is complete. Steps may be done out of order; the first gap is next.
func (r ChecklistRun) Next() int {
	for i, s := range r.Steps {
		if !s.Done() {
			return i + 1
		}
	}
	return 0
}

// Name is how the run reads in a list and in the logbook: its title in
// lang, and its label when it has one.
func (r ChecklistRun) Name(lang string) string {
	name := r.Title.In(lang)
	if r.Label != "" {
		name += " (" + r.Label + ")"
	}
	return name
}

// ChecklistOverview is what the checklist views show: every template
// (built-in first) and every run (oldest first).
type ChecklistOverview struct {
	Templates []ChecklistTemplate
	Runs      []ChecklistRun
}

func runRecord(action, detail string, r ChecklistRun) AuditRecord {
	return AuditRecord{Action: action, Subject: fmt.Sprintf("checklist-run/%d", r.ID), Detail: detail, Digest: DigestOf(r)}
}
