package store

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"cellule/crisis"
)

// The raw view of the database (crisis.RawReadTx / RawWriteTx): the JSON
// snapshot walks every bucket bbolt holds, not a list, so a bucket added
// later is exported, imported and checked without a line here. What a new
// bucket should add is a line in keyForms (so its keys read as numbers
// rather than hex) and, if its records have audit subjects, one in
// subjectRecords (so verify checks their digests).

// Key forms: how a bucket's keys are written in a snapshot.
const (
	formID     = "id"      // 8-byte big-endian number, written "42"
	formIDPair = "id-pair" // two of them, written "3/17"
	formText   = "text"    // UTF-8 text, written as it is
)

// countedBuckets are those whose new ids come from the bucket's sequence
// (NextSequence): entries, tasks, takeaways, checklist runs, handovers,
// assets.
var countedBuckets = map[string]bool{
	string(bucketEntries):   true,
	string(bucketTasks):     true,
	string(bucketTakeaways): true,
	string(bucketRuns):      true,
	string(bucketHandovers): true,
	string(bucketAssets):    true,
}

// keyForms gives each bucket's key form; a bucket not listed has text keys,
// and any key that does not fit its form is written in hex.
var keyForms = map[string]string{
	string(bucketMeta):           formText,
	string(bucketEntries):        formID,
	string(bucketAmends):         formIDPair,
	string(bucketUsers):          formText,
	string(bucketKeys):           formText,
	string(bucketAudit):          formID,
	string(bucketTakeaways):      formID,
	string(bucketTasks):          formID,
	string(bucketTaskUnseen):     formText, // name ++ 0x00 ++ id: written in hex
	string(bucketRecoveryPhases): formID,
	string(bucketRecoveryItems):  formText,
	string(bucketTemplates):      formText,
	string(bucketRuns):           formID,
	string(bucketContacts):       formText,
	string(bucketHandovers):      formID,
	string(bucketInvites):        formText,
	string(bucketDeclarations):   formText,
	string(bucketClocks):         formText,
	string(bucketAssets):         formID,
	string(bucketAssetNames):     formText, // kind ++ 0x00 ++ identifier: written in hex
	string(bucketAssetFlags):     formText, // state ++ 0x00 ++ id: written in hex
}

// subjectRecords maps an audit subject's prefix ("entry/" of "entry/42")
// to the bucket that stores it and the encoding of the rest as a key.
var subjectRecords = map[string]struct {
	bucket []byte
	key    func(rest string) ([]byte, bool)
}{
	"entry/":              {bucketEntries, idSubject},
	"takeaway/":           {bucketTakeaways, idSubject},
	"user/":               {bucketUsers, textSubject},
	"task/":               {bucketTasks, idSubject},
	"recovery/phase/":     {bucketRecoveryPhases, idSubject},
	"recovery/item/":      {bucketRecoveryItems, textSubject},
	"checklist-template/": {bucketTemplates, textSubject},
	"checklist-run/":      {bucketRuns, idSubject},
	"contact/":            {bucketContacts, textSubject},
	"handover/":           {bucketHandovers, idSubject},
	"invite/":             {bucketInvites, textSubject},
	"declaration/":        {bucketDeclarations, textSubject},
	"clock/":              {bucketClocks, textSubject},
	"asset/":              {bucketAssets, idSubject},
}

func textSubject(rest string) ([]byte, bool) { return []byte(rest), rest != "" }

func idSubject(rest string) ([]byte, bool) {
	n, err := strconv.ParseUint(rest, 10, 64)
	return u64(n), err == nil
}

func keyForm(bucket string) string {
	if f, ok := keyForms[bucket]; ok {
		return f
	}
	return formText
}

func (t *txn) SchemaVersion() (uint64, error) {
	b, err := t.bucket(bucketMeta)
	if err != nil {
		return 0, err
	}
	return fromU64(b.Get(keySchema)), nil
}

func (t *txn) RawBuckets() ([]crisis.RawBucket, error) {
	var out []crisis.RawBucket
	err := t.tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		if bytes.Equal(name, bucketReplica) {
			return nil // a cluster node's bookkeeping, not the record
		}
		out = append(out, crisis.RawBucket{
			Name:     string(name),
			Sequence: b.Sequence(),
			KeyForm:  keyForm(string(name)),
			Audit:    bytes.Equal(name, bucketAudit),
			Counted:  countedBuckets[string(name)],
		})
		return nil
	})
	return out, err
}

func (t *txn) RawRecords(bucket string, fn func(key string, hexKey bool, value []byte) error) error {
	b, err := t.bucket([]byte(bucket))
	if err != nil {
		return err
	}
	form := keyForm(bucket)
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v == nil {
			// A nested bucket: none exists; refuse rather than leave it
			// out of a snapshot that claims to be whole.
			return fmt.Errorf("store: %s/%x is a nested bucket, which the snapshot cannot hold", bucket, k)
		}
		key, ok := readableKey(form, k)
		if err := fn(key, !ok, v); err != nil {
			return err
		}
	}
	return nil
}

// readableKey writes k in form, or reports that it does not fit (then key
// is its hex).
func readableKey(form string, k []byte) (string, bool) {
	switch form {
	case formID:
		if len(k) == 8 {
			return strconv.FormatUint(fromU64(k), 10), true
		}
	case formIDPair:
		if len(k) == 16 {
			return strconv.FormatUint(fromU64(k[:8]), 10) + "/" + strconv.FormatUint(fromU64(k[8:]), 10), true
		}
	default:
		if printableKey(k) {
			return string(k), true
		}
	}
	return hex.EncodeToString(k), false
}

func printableKey(k []byte) bool {
	if len(k) == 0 || !utf8.Valid(k) {
		return false
	}
	for _, r := range string(k) {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return false
		}
	}
	return true
}

// storedKey is readableKey's inverse.
func storedKey(form, key string, hexKey bool) ([]byte, error) {
	if hexKey {
		return hex.DecodeString(key)
	}
	switch form {
	case formID:
		n, err := strconv.ParseUint(key, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("key %q is not a number", key)
		}
		return u64(n), nil
	case formIDPair:
		a, b, ok := strings.Cut(key, "/")
		x, err1 := strconv.ParseUint(a, 10, 64)
		y, err2 := strconv.ParseUint(b, 10, 64)
		if !ok || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("key %q is not a pair of numbers", key)
		}
		return amendKey(x, y), nil
	case formText:
		if key == "" {
			return nil, fmt.Errorf("empty key")
		}
		return []byte(key), nil
	}
	return nil, fmt.Errorf("unknown key form %q", form)
}

func (t *txn) StoredForm(subject string) ([]byte, bool, error) {
	if subject == "crisis" {
		return t.rawValue(bucketMeta, keyCrisis)
	}
	for prefix, m := range subjectRecords {
		if rest, ok := strings.CutPrefix(subject, prefix); ok {
			k, ok := m.key(rest)
			if !ok {
				return nil, false, nil
			}
			return t.rawValue(m.bucket, k)
		}
	}
	return nil, false, nil
}

func (t *txn) rawValue(bucket, key []byte) ([]byte, bool, error) {
	b, err := t.bucket(bucket)
	if err != nil {
		return nil, true, err
	}
	v := b.Get(key)
	if v == nil {
		return nil, true, nil
	}
	return bytes.Clone(v), true, nil
}

func (t *txn) Empty() (bool, error) {
	empty := true
	err := t.tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		if bytes.Equal(name, bucketReplica) {
			return nil
		}
		if b.Sequence() != 0 {
			empty = false
			return nil
		}
		c := b.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if !(bytes.Equal(name, bucketMeta) && bytes.Equal(k, keySchema)) {
				empty = false
				return nil
			}
		}
		return nil
	})
	return empty, err
}

func (t *txn) RawPut(bucket, form, key string, hexKey bool, value []byte) error {
	b, err := t.bucket([]byte(bucket))
	if err != nil {
		return err
	}
	k, err := storedKey(form, key, hexKey)
	if err != nil {
		return err
	}
	if objectBuckets[bucket] && (len(value) < 2 || value[0] != '{' || value[len(value)-1] != '}') {
		// What the page walk expects of every record there (pages.go).
		return fmt.Errorf("the value is not a JSON object, as every record of %s is", bucket)
	}
	return b.Put(k, value)
}

func (t *txn) SetRawSequence(bucket string, seq uint64) error {
	b, err := t.bucket([]byte(bucket))
	if err != nil {
		return err
	}
	return b.SetSequence(seq)
}
