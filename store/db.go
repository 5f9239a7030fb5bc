// Package store keeps Cellule's record in one bbolt file. It implements the
// crisis.Store interface; nothing outside this package knows about bbolt.
package store

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"cellule/crisis"
)

// ErrLocked means another process (normally the running server) holds the
// database.
var ErrLocked = errors.New("the database is in use by another process (is the server running?)")

// DB is an open Cellule database.
type DB struct {
	bolt *bolt.DB
	path string
	// readOnly: opened with OpenReadOnly; every Update is refused.
	readOnly bool
	// damaged is what CheckStructure found, set before it lets writers
	// in: a write waiting behind the check is refused, not committed.
	damaged atomic.Pointer[crisis.DamageError]
	// replica is set on a cluster node (replica.go): writes go through the
	// replicated stream.
	replica *replica
}

var _ crisis.Store = (*DB)(nil)

// lockTimeout is how long Open waits for the file lock: long enough to ride
// out a restart, short enough that a CLI next to a running server fails fast.
const lockTimeout = time.Second

// Open opens (creating if needed) the database at path. It refuses a file
// that is not a Cellule database, or one written by a newer version, and
// leaves such a file untouched.
func Open(path string) (*DB, error) {
	return open(path, false)
}

// OpenReadOnly opens an existing database for reading only, as serve
// --read-only does for a damaged file: nothing is created or written, and
// every write is refused with crisis.ErrReadOnly. It shares the file with
// other readers, not with a writer.
func OpenReadOnly(path string) (*DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("no Cellule database at %s: %w", path, err)
	}
	return open(path, true)
}

func open(path string, readOnly bool) (*DB, error) {
	b, err := boltOpen(path, readOnly)
	if err != nil {
		if errors.Is(err, berrors.ErrTimeout) {
			return nil, ErrLocked
		}
		if errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrVersionMismatch) || errors.Is(err, berrors.ErrChecksum) {
			return nil, fmt.Errorf("%s is not a Cellule database (it is not a bbolt file): %w", path, err)
		}
		// bbolt's other refusals of a file that exists (too small to be a
		// database, say) are not all typed: one it could open for writing
		// but not read as a database is not ours either.
		if fi, serr := os.Stat(path); serr == nil && fi.Size() > 0 && !errors.Is(err, os.ErrPermission) {
			return nil, fmt.Errorf("%s is not a Cellule database (bbolt cannot read it): %w", path, err)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db := &DB{bolt: b, path: path, readOnly: readOnly}
	if err := db.guard(db.init); err != nil {
		_ = b.Close()
		return nil, err
	}
	return db, nil
}

// init checks the schema in a read-only transaction first, so a foreign or
// newer file is refused without a single write, then creates what is missing:
// every bucket of a fresh file, or the buckets a newer Cellule of the same
// schema added (they start empty, which is what a crisis without them means).
func (db *DB) init() error {
	fresh, missing := false, false
	err := db.bolt.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			empty := true
			_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
			if !empty {
				return fmt.Errorf("%s is a bbolt file but not a Cellule database; refusing to touch it", db.path)
			}
			fresh = true
			return nil
		}
		v := fromU64(meta.Get(keySchema))
		if v == 0 {
			return fmt.Errorf("%s has no Cellule schema version; refusing to touch it", db.path)
		}
		if v > schemaVersion {
			return fmt.Errorf("%s was written by a newer Cellule (schema %d; this one reads %d): upgrade cellule to open it", db.path, v, schemaVersion)
		}
		for _, name := range allBuckets {
			missing = missing || tx.Bucket(name) == nil
		}
		return nil
	})
	if err != nil || !(fresh || missing) {
		return err
	}
	if db.readOnly {
		if fresh {
			return fmt.Errorf("%s holds no Cellule database yet: there is nothing to read", db.path)
		}
		return nil // the missing buckets read as missing
	}
	if missing && !fresh {
		// Buckets seem missing from a file that has some: a damaged list
		// of buckets reads that way too, and must not be written into.
		if err := db.findDamage(); err != nil {
			return err
		}
	}
	return db.bolt.Update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		if !fresh {
			return nil
		}
		return tx.Bucket(bucketMeta).Put(keySchema, u64(schemaVersion))
	})
}

// Close releases the file and its lock.
func (db *DB) Close() error { return db.bolt.Close() }

// View runs fn in a read-only transaction: a consistent snapshot.
func (db *DB) View(fn func(crisis.ReadTx) error) error {
	return db.guard(func() error {
		return db.bolt.View(func(tx *bolt.Tx) error { return fn(&txn{tx: tx}) })
	})
}

// Update runs fn in a read-write transaction and returns after the commit
// reached the disk (bbolt fsyncs on commit), or with the error that undid
// it: that return is what lets the caller acknowledge a write.
func (db *DB) Update(fn func(crisis.WriteTx) error) error {
	if db.readOnly {
		return crisis.ErrReadOnly
	}
	if db.replica != nil {
		return db.replicatedUpdate(fn)
	}
	return db.guard(func() error {
		return db.bolt.Update(func(tx *bolt.Tx) error {
			if d := db.damaged.Load(); d != nil {
				return d
			}
			return fn(&txn{tx: tx})
		})
	})
}

// boltOpen opens the file; bbolt reads its meta and free-list pages as it
// does, and asserts on a damaged one: that is a refusal, not a crash.
func boltOpen(path string, readOnly bool) (b *bolt.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s is damaged: bbolt cannot open it (%v)", path, r)
		}
	}()
	return bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout, ReadOnly: readOnly})
}
