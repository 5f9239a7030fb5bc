package crisis

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Declaration is something the hospital must declare to an authority,
// with what starts its clock and its deadline: the CNIL notification (72
// hours from awareness), the police complaint, the NIS2 reports... The
// built-in ones live in the code; a lead may import others, or replace a
// built-in one with the hospital's reading of the law.
type Declaration struct {
	// Name is the short name used in commands ("cnil").
	Name  string    `json:"name" yaml:"name"`
	Title Localized `json:"title" yaml:"title"`
	// To is whom it goes to ("CNIL"), the default of clock done --to.
	To string `json:"to,omitempty" yaml:"to,omitempty"`
	// Basis is the text that requires it ("GDPR article 33").
	Basis Localized `json:"basis,omitempty" yaml:"basis,omitempty"`
	// Deadline is how long after the clock starts the declaration is due:
	// "72h", "1 month", or "" (without delay: no fixed time, the clock
	// shows how long it has run). See ParseDeadline.
	Deadline string `json:"deadline,omitempty" yaml:"deadline,omitempty"`
	// After names the declaration whose sending starts this one's clock
	// (nis2-final: a month after the notification); "" for the moment of
	// awareness, which someone records with clock start.
	After string `json:"after,omitempty" yaml:"after,omitempty"`
	// Group gathers declarations turned on and off together ("nis2").
	Group string `json:"group,omitempty" yaml:"group,omitempty"`
	// Off: the declaration does not apply until a lead turns it on.
	Off bool `json:"off,omitempty" yaml:"off,omitempty"`
	// LateReason: once past the deadline, recording it sent needs the
	// reasons for the delay (GDPR article 33(1)).
	LateReason bool `json:"late_reason,omitempty" yaml:"late_reason,omitempty"`
	BuiltIn    bool `json:"built_in,omitempty" yaml:"-"`
	// ImportedAt and ImportedBy say where an imported definition came from.
	ImportedAt time.Time `json:"imported_at,omitzero" yaml:"-"`
	ImportedBy string    `json:"imported_by,omitempty" yaml:"-"`
}

// Short names of the built-in declarations, stable in commands.
const (
	DeclARS              = "ars"
	DeclCNIL             = "cnil"
	DeclComplaint        = "complaint"
	DeclNIS2Warning      = "nis2-warning"
	DeclNIS2Notification = "nis2-notification"
	DeclNIS2Final        = "nis2-final"
)

// builtInDeclarations is a function so that no caller can change the
// shared texts through the maps it returns.
func builtInDeclarations() []Declaration {
	return []Declaration{
		{Name: DeclARS, BuiltIn: true, To: "ARS / CERT Santé",
			Title:    both("Health-sector incident declaration (reporting portal)", "Signalement d'incident (portail de signalement)"),
			Basis:    both("Code de la santé publique, article L.1111-8-2: without delay", "Code de la santé publique, article L.1111-8-2 : sans délai"),
			Deadline: ""},
		{Name: DeclCNIL, BuiltIn: true, To: "CNIL", LateReason: true,
			Title:    both("Personal-data breach notification", "Notification de violation de données personnelles"),
			Basis:    both("GDPR article 33: within 72 hours of awareness, with the reasons when late", "RGPD article 33 : dans les 72 heures, avec les motifs du retard"),
			Deadline: "72h"},
		{Name: DeclComplaint, BuiltIn: true, To: "Police",
			Title:    both("Police complaint", "Dépôt de plainte"),
			Basis:    both("Code des assurances, article L.12-10-1 (since 24 April 2023): within 72 hours, a condition of the cyber-insurance cover", "Code des assurances, article L.12-10-1 (depuis le 24 avril 2023) : sous 72 heures, condition de la garantie cyber"),
			Deadline: "72h"},
		{Name: DeclNIS2Warning, BuiltIn: true, To: "ANSSI", Group: "nis2", Off: true,
			Title:    both("NIS2 early warning", "NIS2 : alerte précoce"),
			Basis:    both("NIS2 article 23: within 24 hours of awareness (essential entities)", "NIS2 article 23 : dans les 24 heures (entités essentielles)"),
			Deadline: "24h"},
		{Name: DeclNIS2Notification, BuiltIn: true, To: "ANSSI", Group: "nis2", Off: true,
			Title:    both("NIS2 incident notification", "NIS2 : notification d'incident"),
			Basis:    both("NIS2 article 23: within 72 hours of awareness", "NIS2 article 23 : dans les 72 heures"),
			Deadline: "72h"},
		{Name: DeclNIS2Final, BuiltIn: true, To: "ANSSI", Group: "nis2", Off: true, After: DeclNIS2Notification,
			Title:    both("NIS2 final report", "NIS2 : rapport final"),
			Basis:    both("NIS2 article 23: one month after the notification", "NIS2 article 23 : un mois après la notification"),
			Deadline: "1 month"},
	}
}

// Deadline is a declaration's deadline read: an absolute duration (72
// hours are 72 hours, whatever the clocks of Europe/Paris do meanwhile)
// or a number of calendar months in the crisis's zone (same day and wall
// time, a month later; Go's rule for a day the month lacks: 31 January
// plus a month is 3 March). None for "without delay".
type Deadline struct {
	Span   time.Duration
	Months int
}

// None reports a deadline "without delay": no fixed time.
func (d Deadline) None() bool { return d.Span == 0 && d.Months == 0 }

// From is the deadline of a clock started at start, in loc for months.
func (d Deadline) From(start time.Time, loc *time.Location) time.Time {
	if d.Months > 0 {
		return start.In(loc).AddDate(0, d.Months, 0).UTC()
	}
	return start.Add(d.Span).UTC()
}

var deadlinePattern = regexp.MustCompile(`^(\d{1,4})\s*(h|hours?|d|days?|months?)$`)

// ParseDeadline reads "72h", "72 hours", "3d", "1 month", or "" and
// "without delay" for none. Days are 24 hours of absolute time.
func ParseDeadline(s string) (Deadline, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || s == "without delay" || s == "none" {
		return Deadline{}, nil
	}
	m := deadlinePattern.FindStringSubmatch(s)
	if m == nil {
		return Deadline{}, invalidf("clock.deadline-bad", SanitizeLine(s))
	}
	n, _ := strconv.Atoi(m[1])
	switch {
	case n == 0:
		return Deadline{}, invalidf("clock.deadline-bad", SanitizeLine(s))
	case m[2][0] == 'h' && n <= 24*366:
		return Deadline{Span: time.Duration(n) * time.Hour}, nil
	case m[2][0] == 'd' && n <= 366:
		return Deadline{Span: time.Duration(n) * 24 * time.Hour}, nil
	case m[2][0] == 'm' && n <= 12:
		return Deadline{Months: n}, nil
	}
	return Deadline{}, invalidf("clock.deadline-bad", SanitizeLine(s))
}

// Limits of a declaration's texts.
const (
	MaxDeclarations  = 40
	MaxDeclTitle     = 120
	MaxDeclBasis     = 300
	MaxDeclTo        = 80
	MaxClockRef      = 120
	MaxClockTo       = 120
	MaxClockReason   = 1000
	maxDeclNameRunes = 32
)

// check validates a definition read from a file.
func (d *Declaration) check() error {
	d.Name = strings.ToLower(strings.TrimSpace(d.Name))
	if !templateNamePattern.MatchString(d.Name) {
		return invalidf("clock.bad-name", SanitizeLine(d.Name))
	}
	if d.Group != "" && !templateNamePattern.MatchString(d.Group) {
		return invalidf("clock.bad-name", SanitizeLine(d.Group))
	}
	if d.After != "" && !templateNamePattern.MatchString(d.After) {
		return invalidf("clock.bad-name", SanitizeLine(d.After))
	}
	if d.After == d.Name && d.After != "" {
		return invalidf("clock.after-self", d.Name)
	}
	if _, err := ParseDeadline(d.Deadline); err != nil {
		return err
	}
	title := Localized{}
	for lang, s := range d.Title {
		s = strings.TrimSpace(SanitizeLine(s))
		if len([]rune(s)) > MaxDeclTitle {
			return invalidf("clock.title-long", MaxDeclTitle)
		}
		if s != "" {
			title[lang] = s
		}
	}
	if len(title) == 0 {
		return invalidf("clock.title-empty", d.Name)
	}
	d.Title = title
	basis := Localized{}
	for lang, s := range d.Basis {
		s = strings.TrimSpace(SanitizeLine(s))
		if len([]rune(s)) > MaxDeclBasis {
			return invalidf("clock.basis-long", MaxDeclBasis)
		}
		if s != "" {
			basis[lang] = s
		}
	}
	d.Basis = nil
	if len(basis) > 0 {
		d.Basis = basis
	}
	to, err := cleanText(d.To, MaxDeclTo, "clock.to-long")
	if err != nil {
		return err
	}
	d.To = to
	return nil
}

// deadline is the definition's deadline; a stored one was checked on import.
func (d Declaration) deadline() Deadline {
	dl, _ := ParseDeadline(d.Deadline)
	return dl
}

// declarationsOf is every definition in force: the built-in ones, each
// replaced by an imported one of the same name, then the other imported
// ones by name.
func declarationsOf(tx ReadTx) ([]Declaration, error) {
	imported, err := tx.Declarations()
	if err != nil {
		return nil, err
	}
	byName := map[string]Declaration{}
	for _, d := range imported {
		byName[d.Name] = d
	}
	var out []Declaration
	for _, d := range builtInDeclarations() {
		if imp, ok := byName[d.Name]; ok {
			d = imp
			delete(byName, d.Name)
		}
		out = append(out, d)
	}
	for _, d := range imported {
		if _, ok := byName[d.Name]; ok {
			out = append(out, d)
		}
	}
	return out, nil
}

// MarshalYAML writes a text of no language as a plain string, so that
// clocks --definitions prints what clock import reads back.
func (l Localized) MarshalYAML() (any, error) {
	if len(l) == 1 {
		if s, ok := l[""]; ok {
			return s, nil
		}
	}
	return map[string]string(l), nil
}
