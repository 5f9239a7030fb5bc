package store

import (
	"encoding/json"
	"fmt"

	"cellule/crisis"
)

func (t *txn) ScanTakeaways(fn func(crisis.Takeaway) (bool, error)) error {
	b, err := t.bucket(bucketTakeaways)
	if err != nil {
		return err
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		var tk crisis.Takeaway
		if err := json.Unmarshal(v, &tk); err != nil {
			return fmt.Errorf("store: takeaway %d is damaged: %w", fromU64(k), err)
		}
		more, err := fn(tk)
		if err != nil || !more {
			return err
		}
	}
	return nil
}

func (t *txn) AppendTakeaway(tk crisis.Takeaway) (crisis.Takeaway, error) {
	id, err := t.nextID(bucketTakeaways)
	if err != nil {
		return tk, err
	}
	tk.ID = id
	return tk, put(t, bucketTakeaways, u64(id), tk)
}
