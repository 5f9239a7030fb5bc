package crisis

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Contact is one person or service of the directory that Cellule keeps,
// because the hospital's usual directory (mail, intranet) may be out of
// reach. Its name is its key: importing a contact of the same name
// (whatever the case) replaces it.
type Contact struct {
	Name         string `json:"name"`
	Role         string `json:"role,omitempty"`
	Organisation string `json:"organisation,omitempty"`
	Phone        string `json:"phone"`
	BackupPhone  string `json:"backup_phone,omitempty"`
	Notes        string `json:"notes,omitempty"`
	OnDuty       bool   `json:"on_duty,omitempty"`
}

// Limits of a contact's fields.
const (
	MaxContactField = 120
	MaxContactNotes = 500
	MaxPhone        = 32
	MaxContacts     = 5000
)

// ContactKey is the directory key of a name: case and outer spaces do
// not make two contacts.
func ContactKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// Matches reports whether every word of query is in one of the contact's
// fields, case and accents aside: "admin astreinte" finds the on-call
// admin, "sante" CERT SANTÉ.
func (c Contact) Matches(query string) bool {
	hay := Fold(strings.Join([]string{c.Name, c.Role, c.Organisation, c.Phone, c.BackupPhone, c.Notes}, "\x00"))
	for _, w := range strings.Fields(Fold(query)) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// Refers reports whether a checklist step's contact reference names c:
// its name, its role or its organisation, whatever the case and accents.
func (c Contact) Refers(ref string) bool {
	ref = refKey(ref)
	return ref != "" && (ref == refKey(c.Name) || ref == refKey(c.Role) || ref == refKey(c.Organisation))
}

// refKey is a name as a reference compares it: folded, outer spaces aside.
func refKey(s string) string { return Fold(strings.TrimSpace(s)) }

// ContactFor finds the contact a step names among contacts: by name
// first, then by role or organisation, preferring whoever is on duty.
func ContactFor(ref string, contacts []Contact) (Contact, bool) {
	var found *Contact
	for i, c := range contacts {
		if refKey(c.Name) == refKey(ref) && ref != "" {
			return c, true
		}
		if c.Refers(ref) && (found == nil || (c.OnDuty && !found.OnDuty)) {
			found = &contacts[i]
		}
	}
	if found == nil {
		return Contact{}, false
	}
	return *found, true
}

// phonePattern accepts what people write as a phone number: digits,
// spaces, +, dots, dashes, slashes and parentheses, with at least two digits.
var phonePattern = regexp.MustCompile(`^\+?[0-9 .()/-]*[0-9][0-9 .()/-]*[0-9][0-9 .()/-]*$`)

// cleanContact sanitises and checks a contact.
func cleanContact(c Contact) (Contact, error) {
	fields := []struct {
		v    *string
		max  int
		code string
	}{
		{&c.Name, MaxContactField, "contact.field-long"},
		{&c.Role, MaxContactField, "contact.field-long"},
		{&c.Organisation, MaxContactField, "contact.field-long"},
		{&c.Phone, MaxPhone, "contact.phone-long"},
		{&c.BackupPhone, MaxPhone, "contact.phone-long"},
		{&c.Notes, MaxContactNotes, "contact.field-long"},
	}
	for _, f := range fields {
		v, err := cleanText(*f.v, f.max, f.code)
		if err != nil {
			return c, err
		}
		*f.v = v
	}
	if c.Name == "" {
		return c, invalidf("contact.name-empty")
	}
	if c.Phone == "" {
		return c, invalidf("contact.phone-empty", c.Name)
	}
	for _, p := range []string{c.Phone, c.BackupPhone} {
		if p != "" && !phonePattern.MatchString(p) {
			return c, invalidf("contact.phone-bad", p)
		}
	}
	return c, nil
}

// ContactColumns is the header a contacts CSV file starts with; an
// on_duty column (yes/no) may follow.
var ContactColumns = []string{"name", "role", "organisation", "phone", "backup_phone", "notes"}

// ParsedContact is a contact read from a file, and its line.
type ParsedContact struct {
	Line    int
	Contact Contact
}

// ContactFile is what a contacts file holds: the rows that are good and
// the lines that were rejected.
type ContactFile struct {
	Contacts []ParsedContact
	Rejected []LineError
}

// ParseContactsCSV reads a directory in CSV (RFC 4180, comma separated,
// UTF-8) with the header name,role,organisation,phone,backup_phone,notes
// and an optional on_duty column. It is a pure function of its input, so
// it can be fuzzed. Line numbers are the file's, counting the header as 1.
func ParseContactsCSV(data []byte) ContactFile {
	var out ContactFile
	reject := func(line int, err error) { out.Rejected = append(out.Rejected, LineError{Line: line, Err: err}) }
	if len(data) > MaxImportBytes {
		reject(1, invalidf("import.too-big", MaxImportBytes))
		return out
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // spreadsheets write a BOM
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1 // counted below, so the line is reported our way
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			reject(1, invalidf("contact.header", strings.Join(ContactColumns, ",")))
		} else {
			reject(csvLine(err, 1), invalidf("contact.csv", csvReason(err)))
		}
		return out
	}
	onDutyCol := checkHeader(header)
	if onDutyCol < 0 {
		reject(1, invalidf("contact.header", strings.Join(ContactColumns, ",")))
		return out
	}
	width := len(ContactColumns) + onDutyCol
	seen := map[string]int{}
	line := 1
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// FieldPos is not set for a record that failed to parse.
			line = csvLine(err, line+1)
			reject(line, invalidf("contact.csv", csvReason(err)))
			continue
		}
		line, _ = r.FieldPos(0)
		if len(out.Contacts)+len(out.Rejected) >= MaxContacts {
			reject(line, invalidf("contact.too-many", MaxContacts))
			break
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		if len(rec) != width {
			reject(line, invalidf("contact.columns", len(rec), width))
			continue
		}
		bad := false
		for _, v := range rec {
			if !utf8.ValidString(v) {
				bad = true
			}
		}
		if bad {
			reject(line, invalidf("import.not-utf8"))
			continue
		}
		c := Contact{Name: rec[0], Role: rec[1], Organisation: rec[2], Phone: rec[3], BackupPhone: rec[4], Notes: rec[5]}
		if onDutyCol == 1 {
			v, ok := parseYesNo(rec[6])
			if !ok {
				reject(line, invalidf("contact.on-duty", SanitizeLine(rec[6])))
				continue
			}
			c.OnDuty = v
		}
		if c, err = cleanContact(c); err != nil {
			reject(line, err)
			continue
		}
		key := ContactKey(c.Name)
		if first, dup := seen[key]; dup {
			reject(line, invalidf("contact.duplicate", c.Name, first))
			continue
		}
		seen[key] = line
		out.Contacts = append(out.Contacts, ParsedContact{Line: line, Contact: c})
	}
	if len(out.Contacts) == 0 && len(out.Rejected) == 0 {
		reject(1, invalidf("contact.none"))
	}
	return out
}

// checkHeader returns 0 for the six columns, 1 when on_duty follows, -1
// for anything else.
func checkHeader(h []string) int {
	if len(h) != len(ContactColumns) && len(h) != len(ContactColumns)+1 {
		return -1
	}
	for i, want := range ContactColumns {
		if strings.ToLower(strings.TrimSpace(h[i])) != want {
			return -1
		}
	}
	if len(h) > len(ContactColumns) {
		if strings.ToLower(strings.TrimSpace(h[len(ContactColumns)])) != "on_duty" {
			return -1
		}
		return 1
	}
	return 0
}

func parseYesNo(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "no", "n", "false", "0", "non":
		return false, true
	case "yes", "y", "true", "1", "oui", "x":
		return true, true
	}
	return false, false
}

// csvLine is the line a CSV error is on.
func csvLine(err error, fallback int) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) && pe.StartLine > 0 {
		return pe.StartLine
	}
	return fallback
}

// csvReason is a CSV error without its position, which LineError gives.
func csvReason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
