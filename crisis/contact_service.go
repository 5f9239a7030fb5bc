package crisis

import (
	"fmt"
	"time"
)

// Contacts reads the directory, sorted by name; with a query, only the
// contacts that match every word of it (see Contact.Matches).
func (s *Service) Contacts(query string) ([]Contact, error) {
	var out []Contact
	err := s.store.View(func(tx ReadTx) error {
		all, err := tx.Contacts()
		if err != nil {
			return err
		}
		for _, c := range all {
			if c.Matches(query) {
				out = append(out, c)
			}
		}
		return nil
	})
	return out, err
}

// ContactImport is the outcome of a contacts import.
type ContactImport struct {
	Added, Replaced int
	Rejected        []LineError
}

// ImportContacts stores the contacts of a CSV file (see ParseContactsCSV);
// a contact whose name is already in the directory is replaced. When any
// line is rejected nothing is stored, unless skipBad is set: then the good
// rows are stored and the rejected lines reported.
func (s *Service) ImportContacts(a Actor, data []byte, skipBad bool) (ContactImport, error) {
	if err := a.Check(ActManageContacts); err != nil {
		return ContactImport{}, err
	}
	f := ParseContactsCSV(data)
	res := ContactImport{Rejected: f.Rejected}
	if len(f.Rejected) > 0 && !skipBad {
		return res, invalidf("import.rejected", len(f.Rejected))
	}
	if len(f.Contacts) == 0 {
		return res, invalidf("import.nothing")
	}
	err := s.write(a, ActManageContacts, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		res.Added, res.Replaced = 0, 0
		old, err := tx.Contacts()
		if err != nil {
			return nil, err
		}
		exists := map[string]bool{}
		for _, c := range old {
			exists[ContactKey(c.Name)] = true
		}
		recs := make([]AuditRecord, 0, len(f.Contacts))
		for _, p := range f.Contacts {
			c := p.Contact
			if err := tx.PutContact(c); err != nil {
				return nil, err
			}
			verb := "added"
			if exists[ContactKey(c.Name)] {
				verb = "replaced"
				res.Replaced++
			} else {
				res.Added++
			}
			recs = append(recs, contactRecord("contact.import", fmt.Sprintf("%s %s", verb, c.Name), c))
		}
		return recs, nil
	})
	return res, err
}

// SetOnDuty marks a contact as on duty or not (the on-call engineer of
// the night, the provider's duty number).
func (s *Service) SetOnDuty(a Actor, name string, on bool) (Contact, error) {
	var c Contact
	err := s.write(a, ActManageContacts, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		all, err := tx.Contacts()
		if err != nil {
			return nil, err
		}
		found := false
		for _, x := range all {
			if ContactKey(x.Name) == ContactKey(name) {
				c, found = x, true
			}
		}
		if !found {
			return nil, notFoundf("contact.missing", SanitizeLine(name))
		}
		if c.OnDuty == on {
			return nil, nil // nothing to change, nothing to record
		}
		c.OnDuty = on
		if err := tx.PutContact(c); err != nil {
			return nil, err
		}
		state, code := "off duty", "contact.off-duty"
		if on {
			state, code = "on duty", "contact.on-duty"
		}
		// Whom the cell calls at night is a fact of the crisis: the
		// logbook keeps who changed it and when, not only the audit.
		e, err := tx.AppendEntry(systemEntry(a, now, KindInfo, say(code, SanitizeLine(c.Name))))
		if err != nil {
			return nil, err
		}
		return []AuditRecord{contactRecord("contact.duty", c.Name+" "+state, c), entryRecord("log", e)}, nil
	})
	return c, err
}

func contactRecord(action, detail string, c Contact) AuditRecord {
	return AuditRecord{Action: action, Subject: "contact/" + ContactKey(c.Name), Detail: detail, Digest: DigestOf(c)}
}
