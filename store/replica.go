package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"cellule/crisis"
)

// Replication hook. A cluster node (cluster/) gives its DB a Replicator;
// from then on a write is computed in a bbolt transaction as always, its
// changes (the puts, deletes and counters the transaction made, audit
// records included) are published as one Change with the stream sequence
// the transaction was computed on, and the transaction commits only once the
// stream has acknowledged it. Every other node applies the same Change with
// Apply, byte for byte, in stream order: every node's record, audit chain
// and exports are the same bytes. Without a Replicator nothing changes.

// bucketReplica holds the last stream sequence applied to this file. It
// is bookkeeping of the node, not part of the record: snapshots, verify and
// Empty skip it. It exists only in a cluster node's file.
var (
	bucketReplica = []byte("replica")
	keyApplied    = []byte("applied")
)

// Op is one change a transaction made to a bucket.
type Op struct {
	Bucket string `json:"b"`
	Key    []byte `json:"k,omitempty"`
	Value  []byte `json:"v,omitempty"`
	// Del deletes Key; Seq (when set) sets the bucket's counter instead.
	Del bool    `json:"d,omitempty"`
	Seq *uint64 `json:"s,omitempty"`
}

// Change is what one write publishes: its ops in the order made.
type Change struct {
	Ops []Op `json:"ops"`
}

// Replicator publishes a write's change on the replicated stream.
type Replicator interface {
	// Publish stores change on the stream if the stream's last sequence is
	// after, and returns the sequence it was given. ErrStale: the stream
	// moved on (catch up and recompute); any other error: not stored, or
	// (crisis.ErrOutcomeUnknown) perhaps stored later.
	Publish(after uint64, change []byte) (uint64, error)
	// CatchUp waits until this file has applied what the stream held when
	// it was called (bounded; an error when it cannot).
	CatchUp() error
}

// ErrStale means a write was computed on a head the stream has moved past.
var ErrStale = errors.New("store: the stream moved past this write's head")

// recorder collects the ops of one replicated transaction.
type recorder struct{ ops []Op }

func (r *recorder) add(op Op) {
	if r != nil {
		op.Key, op.Value = clone(op.Key), clone(op.Value)
		r.ops = append(r.ops, op)
	}
}

func clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte{}, b...)
}

// bucket is a bbolt bucket whose changes are recorded when the transaction
// is replicated (rec is nil otherwise, and records nothing).
type bucket struct {
	*bolt.Bucket
	name string
	rec  *recorder
}

func (b *bucket) Put(k, v []byte) error {
	if err := b.Bucket.Put(k, v); err != nil {
		return err
	}
	if v == nil {
		v = []byte{}
	}
	b.rec.add(Op{Bucket: b.name, Key: k, Value: v})
	return nil
}

func (b *bucket) Delete(k []byte) error {
	if err := b.Bucket.Delete(k); err != nil {
		return err
	}
	b.rec.add(Op{Bucket: b.name, Key: k, Del: true})
	return nil
}

func (b *bucket) NextSequence() (uint64, error) {
	n, err := b.Bucket.NextSequence()
	if err == nil {
		b.rec.add(Op{Bucket: b.name, Seq: &n})
	}
	return n, err
}

func (b *bucket) SetSequence(n uint64) error {
	if err := b.Bucket.SetSequence(n); err != nil {
		return err
	}
	b.rec.add(Op{Bucket: b.name, Seq: &n})
	return nil
}

// replica is the DB's replication state.
type replica struct {
	r Replicator
	// mu serialises this node's writers around publish: they would only
	// race each other for the same head.
	mu sync.Mutex
	// applied is signalled after each Apply that moved the file on.
	cond    *sync.Cond
	condMu  sync.Mutex
	applied uint64
}

// SetReplicator makes every later write go through r. It creates the
// bookkeeping bucket if needed.
func (db *DB) SetReplicator(r Replicator) error {
	if db.readOnly {
		return crisis.ErrReadOnly
	}
	var applied uint64
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketReplica)
		if err != nil {
			return err
		}
		applied = fromU64(b.Get(keyApplied))
		return nil
	})
	if err != nil {
		return err
	}
	rp := &replica{r: r, applied: applied}
	rp.cond = sync.NewCond(&rp.condMu)
	db.replica = rp
	return nil
}

// Applied is the last stream sequence this file holds.
func (db *DB) Applied() uint64 {
	if db.replica == nil {
		return 0
	}
	db.replica.condMu.Lock()
	defer db.replica.condMu.Unlock()
	return db.replica.applied
}

// WaitApplied waits until the file holds stream sequence seq, or d passed.
func (db *DB) WaitApplied(seq uint64, d time.Duration) bool {
	rp := db.replica
	if rp == nil {
		return false
	}
	t := time.AfterFunc(d, func() {
		rp.condMu.Lock()
		rp.cond.Broadcast()
		rp.condMu.Unlock()
	})
	defer t.Stop()
	deadline := time.Now().Add(d)
	rp.condMu.Lock()
	defer rp.condMu.Unlock()
	for rp.applied < seq {
		if !time.Now().Before(deadline) {
			return false
		}
		rp.cond.Wait()
	}
	return true
}

func (db *DB) setApplied(seq uint64) {
	rp := db.replica
	rp.condMu.Lock()
	if seq > rp.applied {
		rp.applied = seq
	}
	rp.cond.Broadcast()
	rp.condMu.Unlock()
}

// Apply stores the change the stream holds at seq, unless the file holds
// it already (the write made here, or a replay). applied reports whether
// it changed the file. A change out of order is refused: the file would
// no longer be the stream's.
func (db *DB) Apply(seq uint64, data []byte) (applied bool, err error) {
	if db.replica == nil {
		return false, errors.New("store: not a cluster node")
	}
	var ch Change
	if err := json.Unmarshal(data, &ch); err != nil {
		return false, fmt.Errorf("store: stream message %d is not a change: %w", seq, err)
	}
	err = db.guard(func() error {
		return db.bolt.Update(func(tx *bolt.Tx) error {
			rb := tx.Bucket(bucketReplica)
			have := fromU64(rb.Get(keyApplied))
			if seq <= have {
				return nil
			}
			if seq != have+1 {
				return fmt.Errorf("store: stream message %d follows %d, which this file does not hold", seq, have)
			}
			for _, op := range ch.Ops {
				b := tx.Bucket([]byte(op.Bucket))
				if b == nil {
					return fmt.Errorf("store: stream message %d changes bucket %q, which this file lacks", seq, op.Bucket)
				}
				switch {
				case op.Seq != nil:
					err = b.SetSequence(*op.Seq)
				case op.Del:
					err = b.Delete(op.Key)
				default:
					err = b.Put(op.Key, op.Value)
				}
				if err != nil {
					return err
				}
			}
			applied = true
			return rb.Put(keyApplied, u64(seq))
		})
	})
	if err == nil {
		db.setApplied(seq)
	}
	return applied, err
}

// replicatedUpdate is Update on a cluster node: compute, publish, commit.
func (db *DB) replicatedUpdate(fn func(crisis.WriteTx) error) error {
	rp := db.replica
	rp.mu.Lock()
	defer rp.mu.Unlock()
	for attempt := 0; ; attempt++ {
		seq, err := db.tryReplicated(fn)
		if !errors.Is(err, ErrStale) {
			if err == nil && seq != 0 {
				db.setApplied(seq)
			}
			return err
		}
		if attempt >= 50 {
			return fmt.Errorf("the record kept changing under this write on other nodes: %w", err)
		}
		if err := rp.r.CatchUp(); err != nil {
			return err
		}
	}
}

// tryReplicated runs fn once on the file's head and publishes what it did.
func (db *DB) tryReplicated(fn func(crisis.WriteTx) error) (seq uint64, err error) {
	err = db.guard(func() error {
		tx, err := db.bolt.Begin(true)
		if err != nil {
			return err
		}
		defer func() { _ = tx.Rollback() }()
		if d := db.damaged.Load(); d != nil {
			return d
		}
		rb := tx.Bucket(bucketReplica)
		head := fromU64(rb.Get(keyApplied))
		rec := &recorder{}
		if err := fn(&txn{tx: tx, rec: rec}); err != nil {
			return err
		}
		if len(rec.ops) == 0 {
			return nil // nothing changed: nothing to publish or commit
		}
		data, err := json.Marshal(Change{Ops: rec.ops})
		if err != nil {
			return err
		}
		if seq, err = db.replica.r.Publish(head, data); err != nil {
			return err
		}
		if seq != head+1 {
			// The stream took it, but not right after this head: the
			// applier will store it in its place; this write cannot say.
			return crisis.OutcomeUnknown()
		}
		if err := rb.Put(keyApplied, u64(seq)); err != nil {
			return crisis.OutcomeUnknown()
		}
		if err := tx.Commit(); err != nil {
			// The stream holds it: this file gets it again from there
			// (the applier), once it can write.
			return crisis.OutcomeUnknown()
		}
		return nil
	})
	return seq, err
}
