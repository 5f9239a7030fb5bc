package crisis

import (
	"time"
)

// Closing is how and when a lead closed the crisis. AuditSeq and AuditHash
// name the head of the audit chain just before the closing, so anyone
// holding an export can tell whether the record changed after it.
type Closing struct {
	At        time.Time `json:"at"`
	By        string    `json:"by"`
	Note      string    `json:"note"`
	Entry     uint64    `json:"entry"`
	AuditSeq  uint64    `json:"audit_seq"`
	AuditHash string    `json:"audit_hash"`
}

// MaxCloseNote bounds the closing note: it is a logbook entry's text.
const MaxCloseNote = MaxEntryBytes / 2

// refuseIfClosed is the one place that makes a closed crisis read-only:
// Service.write calls it before every change, so every feature, present
// or to come, is covered. Open is let through because it changes nothing
// once a crisis exists (and a closed crisis does). Taking powers away
// (ActRestrictUser) is let through too: the record stays readable, and a
// lost laptop's key must still be shut out of it; the audit chain records
// the change after the closing's head, so verify still passes through it.
func refuseIfClosed(tx ReadTx, act Action) error {
	if act == ActOpen || act == ActRestrictUser || act == ActProfile {
		return nil
	}
	c, ok, err := tx.Crisis()
	if err != nil || !ok || c.Closed == nil {
		return err
	}
	return conflictf("crisis.closed", c.Closed.At.UTC().Format("2006-01-02 15:04 UTC"))
}

// Close ends the crisis for good: the crisis moves to the end-of-crisis
// stage (if it was not there yet), a closure entry records the note and
// the audit chain's head hash, and from then on every write is refused.
func (s *Service) Close(a Actor, note string) (Entry, error) {
	note, err := closingNote(note)
	if err != nil {
		return Entry{}, err
	}
	var e Entry
	err = s.write(a, ActClose, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		c, err := crisisOf(tx, now)
		if err != nil {
			return nil, err
		}
		head, _, err := tx.AuditHead()
		if err != nil {
			return nil, err
		}
		text := say("crisis.closed-entry", note, num(head.Seq), head.Hash)
		se := systemEntry(a, now, KindClosure, text)
		if c.Stage != StageEnd {
			se.Stage = StageEnd
			c.Stage = StageEnd
		}
		if c.EndedAt == nil {
			c.EndedAt = &now
		}
		if e, err = tx.AppendEntry(se); err != nil {
			return nil, err
		}
		c.Closed = &Closing{At: now, By: a.Name, Note: note, Entry: e.ID, AuditSeq: head.Seq, AuditHash: head.Hash}
		if err := tx.PutCrisis(c); err != nil {
			return nil, err
		}
		return []AuditRecord{entryRecord("log", e), crisisRecord("close", "closed the crisis", c)}, nil
	})
	return e, err
}
