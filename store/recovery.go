package store

import (
	"encoding/json"
	"fmt"

	"cellule/crisis"
)

// The recovery plan: phases by number, items by id.

func (t *txn) RecoveryPhases() ([]crisis.RecoveryPhase, error) {
	return all[crisis.RecoveryPhase](t, bucketRecoveryPhases)
}

func (t *txn) RecoveryItems() ([]crisis.RecoveryItem, error) {
	return all[crisis.RecoveryItem](t, bucketRecoveryItems)
}

func (t *txn) PutRecoveryPhase(p crisis.RecoveryPhase) error {
	return put(t, bucketRecoveryPhases, u64(uint64(p.Number)), p)
}

func (t *txn) PutRecoveryItem(it crisis.RecoveryItem) error {
	return put(t, bucketRecoveryItems, []byte(it.ID), it)
}

func (t *txn) DeleteRecoveryItem(id string) error {
	b, err := t.bucket(bucketRecoveryItems)
	if err != nil {
		return err
	}
	return b.Delete([]byte(id))
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
