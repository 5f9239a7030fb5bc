package crisis

import (
	"errors"
	"io"
)

// BackupStore is a store that can write a consistent copy of itself: the
// whole file as one read transaction sees it, while writes go on.
type BackupStore interface {
	WriteBackup(w io.Writer) (int64, error)
}

// Backup writes a consistent copy of the record to w, for a lead (judged
// by the record, as writes are). It returns the bytes written.
func (s *Service) Backup(a Actor, w io.Writer) (int64, error) {
	bs, ok := s.store.(BackupStore)
	if !ok {
		return 0, errors.New("this store cannot be backed up")
	}
	if err := s.store.View(func(tx ReadTx) error {
		cur, err := currentActor(tx, a)
		if err != nil {
			return err
		}
		return cur.Check(ActBackup)
	}); err != nil {
		return 0, err
	}
	return bs.WriteBackup(w)
}

// RecordCheck is what checking a record found: how much it holds, and the
// audit chain's head, whose hash a lead can keep outside the machine.
type RecordCheck struct {
	Entries      uint64
	AuditRecords uint64
	Head         AuditRecord
}

// CheckAuditChain walks the audit trail oldest first and checks every link
// and every record's hash. It proves the trail was not edited piecemeal; it
// cannot tell a trail rewritten whole, by someone with the file and the
// code, from the real one — only a head hash kept elsewhere can.
func CheckAuditChain(tx ReadTx) (n uint64, head AuditRecord, err error) {
	var prev *AuditRecord
	err = tx.ScanAudit(func(r AuditRecord) (bool, error) {
		if err := r.Check(prev); err != nil {
			return false, err
		}
		n++
		head = r
		prev = &head
		return true, nil
	})
	return n, head, err
}
