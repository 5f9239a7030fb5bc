package crisis

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DefaultCrisisName names a crisis opened without a name.
const DefaultCrisisName = "Crisis cell"

// MaxCrisisName bounds the crisis name: it has to fit a header line.
const MaxCrisisName = 80

// crisisName cleans and checks a crisis name.
func crisisName(name string) (string, error) {
	name = strings.TrimSpace(SanitizeLine(name))
	if name == "" {
		return "", invalidf("crisis.name-empty")
	}
	if len([]rune(name)) > MaxCrisisName {
		return "", invalidf("crisis.name-long", MaxCrisisName)
	}
	return name, nil
}

// Open makes sure the database holds a crisis, creating one at the alert
// stage if it is empty. It reports whether it created it.
func (s *Service) Open(a Actor, name string) (bool, error) {
	if strings.TrimSpace(name) == "" {
		name = DefaultCrisisName
	}
	name, err := crisisName(name)
	if err != nil {
		return false, err
	}
	created := false
	err = s.write(a, ActOpen, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		// A new crisis starts from the default recovery plan; a database
		// from before the recovery tracker gets it on its next start,
		// unless its crisis was closed: a closed record is evidence, and
		// nothing is added to it.
		if c, ok, err := tx.Crisis(); err != nil || (ok && c.Closed != nil) {
			return nil, err
		}
		plan, err := ensurePlan(tx)
		if err != nil {
			return nil, err
		}
		if _, ok, err := tx.Crisis(); err != nil || ok {
			return plan, err
		}
		c := Crisis{Name: name, Stage: StageAlert, OpenedAt: now}
		if err := tx.PutCrisis(c); err != nil {
			return nil, err
		}
		created = true
		return append([]AuditRecord{crisisRecord("crisis.open", "opened "+name, c)}, plan...), nil
	})
	return created, err
}

// Rename gives the crisis a new name and logs the change.
func (s *Service) Rename(a Actor, name string) (Entry, error) {
	name, err := crisisName(name)
	if err != nil {
		return Entry{}, err
	}
	return s.changeCrisis(a, ActRename, "rename", func(c *Crisis, _ time.Time) (Kind, Msg, error) {
		if c.Name == name {
			return "", Msg{}, conflictf("crisis.name-same", name)
		}
		old := c.Name
		c.Name = name
		return KindDecision, say("crisis.renamed", strconv.Quote(old), strconv.Quote(name)), nil
	})
}

// SetStage moves the crisis to another stage and logs it.
func (s *Service) SetStage(a Actor, st Stage, note string) (Entry, error) {
	st, err := ParseStage(string(st))
	if err != nil {
		return Entry{}, err
	}
	note = strings.TrimSpace(Sanitize(note))
	if len(note) > MaxEntryBytes/2 {
		return Entry{}, invalidf("stage.note-long", MaxEntryBytes/2)
	}
	return s.changeCrisis(a, ActSetStage, "stage", func(c *Crisis, now time.Time) (Kind, Msg, error) {
		if c.Stage == st {
			return "", Msg{}, conflictf("stage.same", st)
		}
		text := say("stage.changed", string(c.Stage), string(st))
		if note != "" {
			text = say("stage.changed-note", string(c.Stage), string(st), note)
		}
		c.Stage, c.EndedAt = st, nil
		if st == StageEnd {
			c.EndedAt = &now
		}
		// A decision, even the end of the crisis: only closing writes a
		// closure, the entry that seals the record with the chain's head.
		return KindDecision, text, nil
	})
}

// changeCrisis makes a change to the crisis record that the logbook tells:
// edit changes c and returns the kind and text of the entry that records
// it. The crisis, the entry and their audit records are stored in one
// transaction.
func (s *Service) changeCrisis(a Actor, act Action, action string, edit func(c *Crisis, now time.Time) (Kind, Msg, error)) (Entry, error) {
	var e Entry
	err := s.write(a, act, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		c, err := crisisOf(tx, now)
		if err != nil {
			return nil, err
		}
		before := c.Stage
		kind, text, err := edit(&c, now)
		if err != nil {
			return nil, err
		}
		if err := tx.PutCrisis(c); err != nil {
			return nil, err
		}
		se := systemEntry(a, now, kind, text)
		if c.Stage != before {
			se.Stage = c.Stage
		}
		if e, err = tx.AppendEntry(se); err != nil {
			return nil, err
		}
		return []AuditRecord{crisisRecord(action, e.Text, c), entryRecord("log", e)}, nil
	})
	return e, err
}

// crisisOf reads the crisis, or the one a database without it would open.
func crisisOf(tx ReadTx, now time.Time) (Crisis, error) {
	c, ok, err := tx.Crisis()
	if err == nil && !ok {
		c = Crisis{Name: DefaultCrisisName, Stage: StageAlert, OpenedAt: now}
	}
	return c, err
}

// systemEntry is the logbook entry that records a change made by a.
func systemEntry(a Actor, now time.Time, kind Kind, m Msg) Entry {
	return Entry{OccurredAt: now, RecordedAt: now, Author: a.Name, AuthorKey: a.Fingerprint, Kind: kind, Text: m.In(LangEnglish), Msg: &m}
}

// crisisRecord and entryRecord describe a stored crisis or entry for the
// audit trail, with the digest of its stored form.
func crisisRecord(action, detail string, c Crisis) AuditRecord {
	return AuditRecord{Action: action, Subject: "crisis", Detail: detail, Digest: DigestOf(c)}
}

func entryRecord(action string, e Entry) AuditRecord {
	detail := fmt.Sprintf("#%d (%s)", e.ID, e.Kind)
	if e.Amends != 0 {
		detail += fmt.Sprintf(", amends #%d", e.Amends)
	}
	return AuditRecord{Action: action, Subject: fmt.Sprintf("entry/%d", e.ID), Detail: detail, Digest: DigestOf(e)}
}
