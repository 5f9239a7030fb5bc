package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"cellule/crisis"
)

// txn adapts a bbolt transaction to crisis.ReadTx and crisis.WriteTx.
// Values are decoded from JSON, which copies them out of the mmap: nothing
// returned points into bbolt's memory after the transaction ends.
// rec, set on a cluster node's write, records what the transaction changes
// so that it can be published (replica.go).
type txn struct {
	tx  *bolt.Tx
	rec *recorder
}

func (t *txn) bucket(name []byte) (*bucket, error) {
	b := t.tx.Bucket(name)
	if b == nil {
		return nil, fmt.Errorf("store: bucket %s is missing", name)
	}
	return &bucket{Bucket: b, name: string(name), rec: t.rec}, nil
}

func get[T any](t *txn, bucket, key []byte) (T, bool, error) {
	var v T
	b, err := t.bucket(bucket)
	if err != nil {
		return v, false, err
	}
	raw := b.Get(key)
	if raw == nil {
		return v, false, nil
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, false, fmt.Errorf("store: %s/%x is damaged: %w", bucket, key, err)
	}
	return v, true, nil
}

// all decodes every value of a bucket, in key order.
func all[T any](t *txn, bucket []byte) ([]T, error) {
	b, err := t.bucket(bucket)
	if err != nil {
		return nil, err
	}
	var out []T
	err = b.ForEach(func(k, v []byte) error {
		var x T
		if err := json.Unmarshal(v, &x); err != nil {
			return fmt.Errorf("store: %s/%x is damaged: %w", bucket, k, err)
		}
		out = append(out, x)
		return nil
	})
	return out, err
}

// nextID is the next sequence number of a bucket of records keyed by id.
// The counter is trusted only as far as it points past every record: a
// file whose counter was set back (altered, damaged, or imported by an
// older Cellule) would otherwise have the next record replace one already
// acknowledged. Such an id is refused, and the write with it.
func (t *txn) nextID(bucket []byte) (uint64, error) {
	b, err := t.bucket(bucket)
	if err != nil {
		return 0, err
	}
	id, err := b.NextSequence()
	if err != nil {
		return 0, err
	}
	if id == 0 || id > crisis.MaxID {
		// NextSequence wrapped round, or the counter is beyond what ids
		// may be: the next id would collide or leave the exact range.
		return 0, &crisis.IDTakenError{Bucket: string(bucket), ID: id}
	}
	if b.Get(u64(id)) != nil {
		return 0, &crisis.IDTakenError{Bucket: string(bucket), ID: id}
	}
	return id, nil
}

func put(t *txn, bucket, key []byte, v any) error {
	b, err := t.bucket(bucket)
	if err != nil {
		return err
	}
	raw, err := crisis.Encode(v)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

func (t *txn) Crisis() (crisis.Crisis, bool, error) {
	return get[crisis.Crisis](t, bucketMeta, keyCrisis)
}

func (t *txn) PutCrisis(c crisis.Crisis) error { return put(t, bucketMeta, keyCrisis, c) }

func (t *txn) LastEntryID() (uint64, error) {
	b, err := t.bucket(bucketEntries)
	if err != nil {
		return 0, err
	}
	k, _ := b.Cursor().Last()
	return fromU64(k), nil
}

func (t *txn) Entry(id uint64) (crisis.Entry, bool, error) {
	e, ok, err := get[crisis.Entry](t, bucketEntries, u64(id))
	if err != nil || !ok {
		return e, ok, err
	}
	e.AmendedBy, err = t.amendedBy(id)
	return e, true, err
}

// amendedBy reads the corrections of id from the index.
func (t *txn) amendedBy(id uint64) ([]uint64, error) {
	b, err := t.bucket(bucketAmends)
	if err != nil {
		return nil, err
	}
	prefix := u64(id)
	var out []uint64
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		out = append(out, fromU64(k[8:]))
	}
	return out, nil
}

func (t *txn) ScanEntries(from uint64, reverse bool, fn func(crisis.Entry) (bool, error)) error {
	b, err := t.bucket(bucketEntries)
	if err != nil {
		return err
	}
	c := b.Cursor()
	var k, v []byte
	switch {
	case from == 0 && reverse:
		k, v = c.Last()
	case from == 0:
		k, v = c.First()
	default:
		k, v = c.Seek(u64(from))
		if reverse && (k == nil || fromU64(k) > from) {
			k, v = c.Prev()
		}
	}
	for k != nil {
		var e crisis.Entry
		if err := json.Unmarshal(v, &e); err != nil {
			return fmt.Errorf("store: entry %d is damaged: %w", fromU64(k), err)
		}
		if e.AmendedBy, err = t.amendedBy(e.ID); err != nil {
			return err
		}
		more, err := fn(e)
		if err != nil || !more {
			return err
		}
		if reverse {
			k, v = c.Prev()
		} else {
			k, v = c.Next()
		}
	}
	return nil
}

func (t *txn) AppendEntry(e crisis.Entry) (crisis.Entry, error) {
	id, err := t.nextID(bucketEntries)
	if err != nil {
		return e, err
	}
	e.ID = id
	e.AmendedBy = nil
	if err := put(t, bucketEntries, u64(id), e); err != nil {
		return e, err
	}
	if e.Amends != 0 {
		a, err := t.bucket(bucketAmends)
		if err != nil {
			return e, err
		}
		if err := a.Put(amendKey(e.Amends, id), nil); err != nil {
			return e, err
		}
	}
	return e, nil
}

func (t *txn) User(name string) (crisis.User, bool, error) {
	return get[crisis.User](t, bucketUsers, []byte(name))
}

func (t *txn) UserByFingerprint(fp string) (crisis.User, bool, error) {
	b, err := t.bucket(bucketKeys)
	if err != nil {
		return crisis.User{}, false, err
	}
	name := b.Get([]byte(fp))
	if name == nil {
		return crisis.User{}, false, nil
	}
	return t.User(string(name))
}

func (t *txn) Users() ([]crisis.User, error) {
	b, err := t.bucket(bucketUsers)
	if err != nil {
		return nil, err
	}
	var out []crisis.User
	err = b.ForEach(func(k, v []byte) error {
		var u crisis.User
		if err := json.Unmarshal(v, &u); err != nil {
			return fmt.Errorf("store: user %q is damaged: %w", k, err)
		}
		out = append(out, u)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

func (t *txn) PutUser(u crisis.User) error {
	keys, err := t.bucket(bucketKeys)
	if err != nil {
		return err
	}
	if old, ok, err := t.User(u.Name); err != nil {
		return err
	} else if ok {
		for _, fp := range fingerprints(old) {
			if err := keys.Delete([]byte(fp)); err != nil {
				return err
			}
		}
	}
	for _, fp := range fingerprints(u) {
		if err := keys.Put([]byte(fp), []byte(u.Name)); err != nil {
			return err
		}
	}
	return put(t, bucketUsers, []byte(u.Name), u)
}

// fingerprints lists a user's current and retired keys: all stay indexed,
// so a retired key still names its owner and cannot be enrolled again.
func fingerprints(u crisis.User) []string {
	fps := make([]string, 0, len(u.Keys)+len(u.Retired))
	for _, k := range u.Keys {
		fps = append(fps, k.Fingerprint)
	}
	for _, r := range u.Retired {
		fps = append(fps, r.Fingerprint)
	}
	return fps
}

func (t *txn) AuditHead() (crisis.AuditRecord, bool, error) {
	b, err := t.bucket(bucketAudit)
	if err != nil {
		return crisis.AuditRecord{}, false, err
	}
	k, v := b.Cursor().Last()
	if k == nil {
		return crisis.AuditRecord{}, false, nil
	}
	var r crisis.AuditRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return r, false, fmt.Errorf("store: audit record %d is damaged: %w", fromU64(k), err)
	}
	return r, true, nil
}

func (t *txn) ScanAudit(fn func(crisis.AuditRecord) (bool, error)) error {
	b, err := t.bucket(bucketAudit)
	if err != nil {
		return err
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		var r crisis.AuditRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("store: audit record %d is damaged: %w", fromU64(k), err)
		}
		more, err := fn(r)
		if err != nil || !more {
			return err
		}
	}
	return nil
}

func (t *txn) AppendAudit(r crisis.AuditRecord) (crisis.AuditRecord, error) {
	b, err := t.bucket(bucketAudit)
	if err != nil {
		return r, err
	}
	k, v := b.Cursor().Last()
	var prev *crisis.AuditRecord
	if k != nil {
		var head crisis.AuditRecord
		if err := json.Unmarshal(v, &head); err != nil {
			return r, fmt.Errorf("store: audit record %d is damaged: %w", fromU64(k), err)
		}
		// The new record goes under head.Seq+1, above the last key only if
		// the head sits under its own number: a file whose keys and
		// sequence numbers disagree would have it replace an older record.
		if fromU64(k) != head.Seq {
			return r, &crisis.IDTakenError{Bucket: string(bucketAudit), ID: head.Seq + 1}
		}
		prev = &head
	}
	r = r.Chain(prev)
	return r, put(t, bucketAudit, u64(r.Seq), r)
}
