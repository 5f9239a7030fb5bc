package store

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"runtime/debug"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"cellule/crisis"
)

// A damaged file (a flipped bit, a torn copy) must give a sentence that
// names the damage, never a Go stack: serve and verify check the structure
// first (CheckStructure), and every transaction is guarded, so that a
// damaged page met later while reading fails that one read, not the
// server.

var _ crisis.StructureChecker = (*DB)(nil)

// errUnchanged undoes the transaction CheckStructure runs its check in.
var errUnchanged = errors.New("store: nothing to commit")

// CheckStructure checks the file's pages as one transaction sees them: the
// page walk (pages.go), then bbolt's own check (every page used once,
// or free; no free page in use). It blocks writers while it runs, since
// bbolt's check is safe against them only from a writing transaction (a
// read-only store has no writers), and a file found damaged refuses every
// write from then on, those that waited included. Reads go on meanwhile.
func (db *DB) CheckStructure() error {
	return db.guard(func() error {
		if db.readOnly {
			return db.bolt.View(db.checkTx)
		}
		err := db.bolt.Update(func(tx *bolt.Tx) error {
			if err := db.checkTx(tx); err != nil {
				if d := (*crisis.DamageError)(nil); errors.As(err, &d) {
					db.damaged.Store(d)
				}
				return err
			}
			return errUnchanged
		})
		if errors.Is(err, errUnchanged) {
			return nil
		}
		return err
	})
}

func (db *DB) checkTx(tx *bolt.Tx) error {
	w, err := db.walk(tx)
	if err != nil || len(w.problems) > 0 {
		return firstDamage(w, err)
	}
	// The walk found every element within its page, so bbolt's check
	// reads nothing outside the file.
	for e := range tx.Check() {
		page := pageOf(e.Error())
		w.problems = append(w.problems, crisis.DamageError{Page: page, Bucket: w.ownerOf(page), Reason: e.Error()})
	}
	return firstDamage(w, nil)
}

// walk runs the page walk over tx's pages, read from the file with plain
// reads. The pages a transaction reaches are not rewritten while it is
// open (bbolt reuses a page only once no reader can see it), so the walk
// is consistent however many writes go on.
func (db *DB) walk(tx *bolt.Tx) (*pageWalk, error) {
	f, err := os.Open(db.path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ps := tx.DB().Info().PageSize
	root := uint64(tx.Cursor().Bucket().Root())
	hwm := uint64(tx.Size()) / uint64(ps)
	// bbolt grows the file before a commit names the new pages, and never
	// shrinks it under a reader: the first hwm pages are in the file.
	data, unmap := mapFile(f, int64(hwm)*int64(ps))
	defer unmap()
	return walkPages(data, f, ps, root, hwm), nil
}

func firstDamage(w *pageWalk, err error) error {
	if err != nil {
		return err
	}
	if w == nil || len(w.problems) == 0 {
		return nil
	}
	d := w.problems[0]
	d.More = len(w.problems) - 1
	return &d
}

var pageNumber = regexp.MustCompile(`(?i)page ?\(?(\d+)`)

func pageOf(msg string) uint64 {
	m := pageNumber.FindStringSubmatch(msg)
	if m == nil {
		return 0
	}
	n, _ := strconv.ParseUint(m[1], 10, 64)
	return n
}

// guard runs fn, which reads the file through bbolt, so that a damaged
// page fails fn with a DamageError rather than the process: bbolt asserts
// (panics) on a page that is not what it expects, and a length read from
// a damaged element can reach past the mapping, a fault that only
// SetPanicOnFault turns into a panic. A panic the page walk cannot explain
// by damage is a bug, and goes on up.
func (db *DB) guard(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		// bbolt's deferred rollback has run: the transaction is closed.
		if d := db.findDamage(); d != nil {
			err = d
			return
		}
		if f, ok := r.(interface{ Addr() uintptr }); ok {
			err = &crisis.DamageError{Reason: fmt.Sprintf("reading it faulted at %#x (%v)", f.Addr(), r)}
			return
		}
		panic(r)
	}()
	return fn()
}

// findDamage walks the pages the newest transaction sees.
func (db *DB) findDamage() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &crisis.DamageError{Reason: fmt.Sprintf("its header pages cannot be read (%v)", r)}
		}
	}()
	err = db.bolt.View(func(tx *bolt.Tx) error {
		w, err := db.walk(tx)
		return firstDamage(w, err)
	})
	return err
}
