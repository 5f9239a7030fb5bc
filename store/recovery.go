package store

import (
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
