package store

import (
	"errors"
	"fmt"
	"io"
	"os"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"cellule/crisis"
)

// WriteBackup writes the whole database as one read transaction sees it:
// a consistent copy taken while writes go on (they wait for nothing).
func (db *DB) WriteBackup(w io.Writer) (n int64, err error) {
	err = db.bolt.View(func(tx *bolt.Tx) error {
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}

var _ crisis.BackupStore = (*DB)(nil)

// CheckFile opens a database file read-only and checks it the way a
// restore would need: bbolt's own consistency check of every page, the
// schema, and the audit chain link by link. It writes nothing.
func CheckFile(path string) (crisis.RecordCheck, error) {
	var rc crisis.RecordCheck
	if _, err := os.Stat(path); err != nil {
		return rc, err
	}
	b, err := boltOpen(path, true)
	if err != nil {
		if errors.Is(err, berrors.ErrTimeout) {
			return rc, ErrLocked
		}
		return rc, fmt.Errorf("%s is not a readable Cellule database: %w", path, err)
	}
	defer b.Close()
	db := &DB{bolt: b, path: path, readOnly: true}
	if err := db.CheckStructure(); err != nil {
		return rc, fmt.Errorf("%s: %w", path, err)
	}
	err = db.guard(func() error {
		return b.View(func(tx *bolt.Tx) error {
			meta := tx.Bucket(bucketMeta)
			if meta == nil {
				return fmt.Errorf("%s is not a Cellule database", path)
			}
			if v := fromU64(meta.Get(keySchema)); v == 0 || v > schemaVersion {
				return fmt.Errorf("%s has schema %d; this Cellule reads %d", path, v, schemaVersion)
			}
			t := &txn{tx: tx}
			last, err := t.LastEntryID()
			if err != nil {
				return err
			}
			rc.Entries = last
			rc.AuditRecords, rc.Head, err = crisis.CheckAuditChain(t)
			if err != nil {
				return fmt.Errorf("%s: the audit chain is broken: %w", path, err)
			}
			return nil
		})
	})
	return rc, err
}
