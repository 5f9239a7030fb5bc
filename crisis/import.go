package crisis

import (
	"encoding/json"
	"io"
	"strconv"
)

// Imported is what an import wrote.
type Imported struct {
	Buckets, Records int
	AuditRecords     uint64
	Head             string
}

// Import loads a JSON snapshot (see WriteJSON) into an empty database. It
// reads the file twice: first it checks everything — the format and its
// version, the schema, that every bucket is one this Cellule knows, the
// audit chain link by link and its head against the header, and that the
// database is empty — without writing; then it writes every record in one
// transaction, and checks the stored digests against the audit trail before
// that transaction commits. Any refusal leaves the database as it was.
//
// An import adds no audit record of its own: the database it gives must
// export exactly as the original did.
func (s *Service) Import(r io.ReadSeeker) (Imported, error) {
	var got Imported
	err := s.store.View(func(tx ReadTx) error {
		empty, err := tx.Empty()
		if err != nil {
			return err
		}
		if !empty {
			return conflictf("import.not-empty")
		}
		known, schema, err := knownBuckets(tx)
		if err != nil {
			return err
		}
		var head snapshotHeader
		var prev *AuditRecord
		// Each bucket once: a second listing would set its counter again
		// (back to 0, say) after its records, and the next record added
		// would replace one. maxID is each counted bucket's highest id.
		seen := map[string]bool{}
		maxID := map[string]uint64{}
		var counted []RawBucket
		err = readSnapshot(r, snapshotVisitor{
			header: func(h snapshotHeader) error {
				head = h
				if h.Schema != schema {
					return invalidf("import.schema", h.Schema, schema)
				}
				return nil
			},
			bucket: func(b RawBucket) error {
				k, ok := known[b.Name]
				if !ok {
					return invalidf("import.bucket", SanitizeLine(b.Name))
				}
				if b.KeyForm != k.KeyForm {
					return invalidf("import.key-form", SanitizeLine(b.Name), SanitizeLine(b.KeyForm), k.KeyForm)
				}
				if seen[b.Name] {
					return invalidf("import.bucket-twice", SanitizeLine(b.Name))
				}
				seen[b.Name] = true
				if k.Counted {
					if b.Sequence > MaxID {
						return invalidf("import.counter-range", SanitizeLine(b.Name), b.Sequence, uint64(MaxID))
					}
					counted = append(counted, b)
				}
				return nil
			},
			record: func(b RawBucket, key string, hexKey bool, value []byte) error {
				got.Records++
				if known[b.Name].Counted {
					// The counter as the bucket's records began: one given
					// later in the file, or none, is what was written.
					id, err := strconv.ParseUint(key, 10, 64)
					if hexKey || err != nil {
						return invalidf("import.key", SanitizeLine(b.Name), SanitizeLine(key))
					}
					if id == 0 || id > b.Sequence {
						return invalidf("import.sequence", SanitizeLine(b.Name), id, b.Sequence)
					}
					maxID[b.Name] = max(maxID[b.Name], id)
				}
				if !known[b.Name].Audit {
					return nil
				}
				var rec AuditRecord
				if err := json.Unmarshal(value, &rec); err != nil {
					return invalidf("import.audit", "record "+SanitizeLine(key)+" is not an audit record: "+SanitizeLine(err.Error()))
				}
				if err := rec.Check(prev); err != nil {
					return invalidf("import.audit", err.Error())
				}
				if hexKey || key != strconv.FormatUint(rec.Seq, 10) {
					// The next record goes under the head's number plus one:
					// under another key it would replace an older record.
					return invalidf("import.audit", "record "+SanitizeLine(key)+" holds audit record #"+strconv.FormatUint(rec.Seq, 10))
				}
				prev = &rec
				return nil
			},
		})
		if err != nil {
			// A file cut short or mangled fails in the JSON decoder (EOF,
			// a syntax error): it is not a snapshot, said as a sentence.
			return notSnapshot(err)
		}
		for _, b := range counted {
			// Records of a counted bucket are never removed, so the
			// counter of a file Cellule wrote is its highest id: above
			// it, ids would skip (the logbook's are dense); below it,
			// the next record added would replace one.
			if maxID[b.Name] != b.Sequence {
				return invalidf("import.counter", SanitizeLine(b.Name), b.Sequence, maxID[b.Name])
			}
		}
		switch {
		case prev == nil && head.AuditSeq != 0:
			return invalidf("import.head", head.AuditSeq, uint64(0))
		case prev != nil && (prev.Seq != head.AuditSeq || prev.Hash != head.AuditHash):
			return invalidf("import.head", head.AuditSeq, prev.Seq)
		}
		if prev != nil {
			got.AuditRecords, got.Head = prev.Seq, prev.Hash
		}
		return nil
	})
	if err != nil {
		return Imported{}, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return Imported{}, err
	}
	err = s.store.Update(func(tx WriteTx) error {
		err := readSnapshot(r, snapshotVisitor{
			header: func(snapshotHeader) error { return nil },
			bucket: func(b RawBucket) error {
				got.Buckets++
				return tx.SetRawSequence(b.Name, b.Sequence)
			},
			record: func(b RawBucket, key string, hexKey bool, value []byte) error {
				if err := tx.RawPut(b.Name, b.KeyForm, key, hexKey, value); err != nil {
					return invalidf("import.record", SanitizeLine(b.Name), SanitizeLine(key), SanitizeLine(err.Error()))
				}
				return nil
			},
		})
		if err != nil {
			return err
		}
		// The records must be the ones the audit trail describes.
		if _, err := verifyTx(tx); err != nil {
			return invalidf("import.verify", err.Error())
		}
		return nil
	})
	if err != nil {
		return Imported{}, err
	}
	return got, nil
}

func knownBuckets(tx ReadTx) (map[string]RawBucket, uint64, error) {
	schema, err := tx.SchemaVersion()
	if err != nil {
		return nil, 0, err
	}
	bs, err := tx.RawBuckets()
	if err != nil {
		return nil, 0, err
	}
	known := make(map[string]RawBucket, len(bs))
	for _, b := range bs {
		known[b.Name] = b
	}
	return known, schema, nil
}
