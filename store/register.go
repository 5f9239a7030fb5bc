package store

import (
	"fmt"

	"cellule/crisis"
)

// The register of compromised assets: accounts, machines and indicators,
// one record each with its history (crisis/register.go).

func (t *txn) Asset(id uint64) (crisis.Asset, bool, error) {
	return get[crisis.Asset](t, bucketAssets, u64(id))
}

func (t *txn) Assets() ([]crisis.Asset, error) {
	return all[crisis.Asset](t, bucketAssets)
}

func (t *txn) AppendAsset(a crisis.Asset) (crisis.Asset, error) {
	id, err := t.nextID(bucketAssets)
	if err != nil {
		return a, err
	}
	a.ID = id
	return a, t.PutAsset(a)
}

func (t *txn) PutAsset(a crisis.Asset) error {
	if a.ID == 0 {
		return fmt.Errorf("store: an asset needs an id")
	}
	return put(t, bucketAssets, u64(a.ID), a)
}
