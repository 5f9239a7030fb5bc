package store

import (
	"bytes"
	"fmt"

	"cellule/crisis"
)

// The register of compromised assets: accounts, machines and indicators,
// one record each with its history (crisis/register.go), and two indexes
// kept in step by PutAsset: names (for twins) and flags (for the header).

func (t *txn) Asset(id uint64) (crisis.Asset, bool, error) {
	return get[crisis.Asset](t, bucketAssets, u64(id))
}

func (t *txn) Assets() ([]crisis.Asset, error) {
	return all[crisis.Asset](t, bucketAssets)
}

func (t *txn) AssetNamed(key string) (uint64, bool, error) {
	b, err := t.bucket(bucketAssetNames)
	if err != nil {
		return 0, false, err
	}
	v := b.Get([]byte(key))
	return fromU64(v), v != nil, nil
}

func (t *txn) RegisterCount() (crisis.RegisterCount, error) {
	b, err := t.bucket(bucketAssetFlags)
	if err != nil {
		return crisis.RegisterCount{}, err
	}
	var c crisis.RegisterCount
	err = b.ForEach(func(k, _ []byte) error {
		i := bytes.IndexByte(k, 0)
		if i < 0 {
			return nil
		}
		switch crisis.AssetState(k[:i]) {
		case crisis.AssetCompromised:
			c.Compromised++
		case crisis.AssetSuspected:
			c.Suspected++
		}
		return nil
	})
	return c, err
}

func (t *txn) LastAssetID() (uint64, error) {
	b, err := t.bucket(bucketAssets)
	if err != nil {
		return 0, err
	}
	return b.Sequence(), nil
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
	names, err := t.bucket(bucketAssetNames)
	if err != nil {
		return err
	}
	flags, err := t.bucket(bucketAssetFlags)
	if err != nil {
		return err
	}
	if old, ok, err := t.Asset(a.ID); err != nil {
		return err
	} else if ok {
		if err := names.Delete([]byte(crisis.AssetKey(old.Kind, old.Identifier))); err != nil {
			return err
		}
		if err := flags.Delete(flagKey(string(old.State), old.ID)); err != nil {
			return err
		}
	}
	if err := names.Put([]byte(crisis.AssetKey(a.Kind, a.Identifier)), u64(a.ID)); err != nil {
		return err
	}
	if crisis.Flagged(a) {
		if err := flags.Put(flagKey(string(a.State), a.ID), nil); err != nil {
			return err
		}
	}
	return put(t, bucketAssets, u64(a.ID), a)
}
