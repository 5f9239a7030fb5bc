package crisis

import (
	"fmt"
	"sort"
	"strings"
)

// Verification is what Verify checked.
type Verification struct {
	// Records is how many audit records the chain holds; Head the newest.
	Records uint64
	Head    AuditRecord
	// Digests is how many stored records were matched against the digest
	// their audit record carries; Unchecked how many audit subjects the
	// store cannot map to a record (none today).
	Digests, Unchecked int
}

// VerifyError names the first record that does not check out.
type VerifyError struct {
	Seq     uint64 // the audit record, 0 when the fault is not one record's
	Subject string
	Reason  string
}

func (e *VerifyError) Error() string {
	if e.Seq == 0 {
		return e.Reason
	}
	if e.Subject == "" {
		return fmt.Sprintf("audit record #%d: %s", e.Seq, e.Reason)
	}
	return fmt.Sprintf("audit record #%d (%s): %s", e.Seq, SanitizeLine(e.Subject), e.Reason)
}

// Verify checks the file's structure, when the store can (a damaged page
// is a *DamageError naming it), and recomputes the audit chain, record by
// record, and the digests of the stored records the audit records
// describe, in one read transaction. The error is a *VerifyError naming
// the first bad record.
func (s *Service) Verify(a Actor) (Verification, error) {
	var v Verification
	err := s.store.View(func(tx ReadTx) error {
		cur, err := currentActor(tx, a)
		if err != nil {
			return err
		}
		return cur.Check(ActExport)
	})
	if err != nil {
		return v, err
	}
	// The page check reads the whole file, as the records' check does:
	// they run side by side, and a damaged page is the answer when there
	// is one (a read of it by the records' check fails too, less clearly).
	var damage error
	checked := make(chan struct{})
	if sc, ok := s.store.(StructureChecker); ok {
		go func() {
			defer close(checked)
			damage = sc.CheckStructure()
		}()
	} else {
		close(checked)
	}
	err = s.store.View(func(tx ReadTx) error {
		var err error
		v, err = verifyTx(tx)
		return err
	})
	<-checked
	if damage != nil {
		return v, damage
	}
	return v, err
}

// immutableSubject reports subjects whose stored record never changes
// after its audit record (entries and takeaways are only appended): each
// of their audit records is checked as it is read, so memory stays flat
// however long the logbook. Other subjects are checked against their
// newest audit record once the whole chain is read.
func immutableSubject(subject string) bool {
	return strings.HasPrefix(subject, "entry/") || strings.HasPrefix(subject, "takeaway/")
}

func verifyTx(tx ReadTx) (Verification, error) {
	var v Verification
	var prev *AuditRecord
	var bad *VerifyError
	type last struct {
		seq    uint64
		digest string
	}
	latest := map[string]last{}
	entryRecords := uint64(0)
	c, _, err := tx.Crisis()
	if err != nil {
		return v, err
	}
	closingSeen := false
	chainBroken := false
	err = tx.ScanAudit(func(r AuditRecord) (bool, error) {
		if err := r.Check(prev); err != nil {
			if bad == nil {
				bad = &VerifyError{Seq: r.Seq, Subject: r.Subject, Reason: strings.TrimPrefix(err.Error(), fmt.Sprintf("audit record %d: ", r.Seq))}
			}
			chainBroken = true
			return false, nil
		}
		rec := r
		prev = &rec
		v.Records, v.Head = r.Seq, r
		if c.Closed != nil && r.Seq == c.Closed.AuditSeq {
			closingSeen = true
			if r.Hash != c.Closed.AuditHash && bad == nil {
				bad = &VerifyError{Seq: r.Seq, Subject: r.Subject, Reason: "its hash is not the one the closing recorded"}
			}
		}
		if strings.HasPrefix(r.Subject, "entry/") {
			entryRecords++
		}
		switch {
		case !immutableSubject(r.Subject):
			// The newest record decides, even without a digest: a removal
			// records none, and nothing is stored to check any more.
			latest[r.Subject] = last{r.Seq, r.Digest}
		case r.Digest == "":
		case bad == nil:
			// After a first fault the scan goes on, so that the newest
			// record of every mutable subject is known, but checks no more.
			bad = checkDigest(tx, r.Seq, r.Subject, r.Digest, &v)
		}
		return true, nil
	})
	if err != nil {
		return v, err
	}
	if !chainBroken {
		// Mutable subjects against their newest audit record, in chain
		// order, up to the first fault found so far.
		subjects := make([]string, 0, len(latest))
		for s := range latest {
			subjects = append(subjects, s)
		}
		sort.Slice(subjects, func(i, j int) bool { return latest[subjects[i]].seq < latest[subjects[j]].seq })
		for _, s := range subjects {
			l := latest[s]
			if bad != nil && l.seq > bad.Seq {
				break
			}
			if l.digest == "" {
				continue
			}
			if e := checkDigest(tx, l.seq, s, l.digest, &v); e != nil {
				bad = e
				break
			}
		}
	}
	if bad != nil {
		return v, bad
	}
	if c.Closed != nil && !closingSeen {
		return v, &VerifyError{Reason: fmt.Sprintf("the closing names audit record #%d, which the chain does not hold", c.Closed.AuditSeq)}
	}
	entries, err := tx.LastEntryID()
	if err != nil {
		return v, err
	}
	if entries != entryRecords {
		return v, &VerifyError{Reason: fmt.Sprintf("the logbook holds %d entries but the audit trail records %d", entries, entryRecords)}
	}
	return v, nil
}

// checkDigest compares a stored record with the digest of its audit record.
func checkDigest(tx ReadTx, seq uint64, subject, digest string, v *Verification) *VerifyError {
	raw, known, err := tx.StoredForm(subject)
	switch {
	case err != nil:
		return &VerifyError{Seq: seq, Subject: subject, Reason: "cannot read the record it describes: " + err.Error()}
	case !known:
		v.Unchecked++
		return nil
	case raw == nil:
		return &VerifyError{Seq: seq, Subject: subject, Reason: "the record it describes is missing"}
	case Digest(raw) != digest:
		return &VerifyError{Seq: seq, Subject: subject, Reason: "the stored record does not match its digest (altered after it was written)"}
	}
	v.Digests++
	return nil
}
