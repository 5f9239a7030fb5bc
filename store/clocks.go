package store

import (
	"fmt"

	"cellule/crisis"
)

// The declarations' records: imported definitions and clocks, by name.
// A database written before they existed, opened read-only, lacks their
// buckets: it has none, and every header still reads.

func (t *txn) has(bucket []byte) bool { return t.tx.Bucket(bucket) != nil }

func (t *txn) Declarations() ([]crisis.Declaration, error) {
	if !t.has(bucketDeclarations) {
		return nil, nil
	}
	return all[crisis.Declaration](t, bucketDeclarations)
}

func (t *txn) PutDeclaration(d crisis.Declaration) error {
	if d.Name == "" {
		return fmt.Errorf("store: a declaration without a name")
	}
	return put(t, bucketDeclarations, []byte(d.Name), d)
}

func (t *txn) Clocks() ([]crisis.Clock, error) {
	if !t.has(bucketClocks) {
		return nil, nil
	}
	return all[crisis.Clock](t, bucketClocks)
}

func (t *txn) PutClock(c crisis.Clock) error {
	if c.Name == "" {
		return fmt.Errorf("store: a clock without a name")
	}
	return put(t, bucketClocks, []byte(c.Name), c)
}
