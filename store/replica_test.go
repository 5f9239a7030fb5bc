package store_test

import (
	"bytes"
	"sync"
	"testing"

	"cellule/crisis"
	"cellule/store"
)

// stream is the replicated stream in miniature, for the store's side of
// it: changes in order, each file applying them when it catches up
// (cluster/ does this over NATS JetStream; the e2e cluster tests run that).
type stream struct {
	mu      sync.Mutex
	changes [][]byte
}

// member is one file's view of the stream.
type member struct {
	s  *stream
	db *store.DB
}

func (m *member) Publish(after uint64, change []byte) (uint64, error) {
	m.s.mu.Lock()
	defer m.s.mu.Unlock()
	if after != uint64(len(m.s.changes)) {
		return 0, store.ErrStale
	}
	m.s.changes = append(m.s.changes, change)
	return uint64(len(m.s.changes)), nil
}

// CatchUp applies what the file lacks.
func (m *member) CatchUp() error {
	m.s.mu.Lock()
	changes := append([][]byte(nil), m.s.changes...)
	m.s.mu.Unlock()
	for seq := m.db.Applied() + 1; seq <= uint64(len(changes)); seq++ {
		if _, err := m.db.Apply(seq, changes[seq-1]); err != nil {
			return err
		}
	}
	return nil
}

func (s *stream) join(t *testing.T) (*store.DB, *member) {
	t.Helper()
	db, _ := openTemp(t)
	m := &member{s: s, db: db}
	if err := db.SetReplicator(m); err != nil {
		t.Fatal(err)
	}
	return db, m
}

func exportOf(t *testing.T, db *store.DB) []byte {
	t.Helper()
	var b bytes.Buffer
	err := crisis.NewService(db).Export(crisis.LocalActor("host"), func(s *crisis.Snapshot) error { return s.WriteJSON(&b) })
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestReplicatedChangesRebuildTheSameRecordElsewhere: every kind of write
// the demo makes (entries, corrections, tasks, recovery, checklists,
// contacts, users, counters, deletes), published by one file and applied
// to another, leaves both with byte-identical exports and one audit chain.
func TestReplicatedChangesRebuildTheSameRecordElsewhere(t *testing.T) {
	s := &stream{}
	a, _ := s.join(t)
	b, mb := s.join(t)
	host := crisis.LocalActor("host")
	svc := crisis.NewService(a)
	if _, err := svc.Open(host, "drill"); err != nil {
		t.Fatal(err)
	}
	if err := svc.LoadDemo(host); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Log(host, crisis.Draft{Kind: crisis.KindInfo, Text: "after the demo"}); err != nil {
		t.Fatal(err)
	}
	if err := mb.CatchUp(); err != nil {
		t.Fatal(err)
	}
	ea, eb := exportOf(t, a), exportOf(t, b)
	if !bytes.Equal(ea, eb) {
		t.Fatalf("the other file's export differs (%d bytes, %d here)", len(eb), len(ea))
	}
	if a.Applied() < 2 || a.Applied() != b.Applied() {
		t.Fatalf("applied %d here, %d there", a.Applied(), b.Applied())
	}
	if _, err := crisis.NewService(b).Verify(host); err != nil {
		t.Fatalf("the other file does not verify: %v", err)
	}
}

// TestAWriteOnAStaleHeadIsComputedAgainOnTheNewOne: another node's write
// lands on the stream first; this one is computed again after it, so both
// are kept, in the stream's order, on one audit chain.
func TestAWriteOnAStaleHeadIsComputedAgainOnTheNewOne(t *testing.T) {
	s := &stream{}
	a, ma := s.join(t)
	b, mb := s.join(t)
	host := crisis.LocalActor("host")
	if _, err := crisis.NewService(a).Open(host, "drill"); err != nil {
		t.Fatal(err)
	}
	if err := mb.CatchUp(); err != nil {
		t.Fatal(err)
	}
	if _, err := crisis.NewService(b).Log(host, crisis.Draft{Kind: crisis.KindInfo, Text: "written on b first"}); err != nil {
		t.Fatal(err)
	}
	// a has not seen b's entry: its write is computed on a stale head.
	e, err := crisis.NewService(a).Log(host, crisis.Draft{Kind: crisis.KindInfo, Text: "written on a"})
	if err != nil {
		t.Fatal(err)
	}
	if e.ID != 2 {
		t.Fatalf("a's entry is #%d: it was not computed again after b's (#1)", e.ID)
	}
	if err := ma.CatchUp(); err != nil {
		t.Fatal(err)
	}
	if err := mb.CatchUp(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(exportOf(t, a), exportOf(t, b)) {
		t.Fatal("the two files differ")
	}
	if _, err := crisis.NewService(a).Verify(host); err != nil {
		t.Fatalf("the chain forked: %v", err)
	}
}

// TestAChangeOutOfOrderIsRefused: a file applies the stream in order, once.
func TestAChangeOutOfOrderIsRefused(t *testing.T) {
	b, _ := (&stream{}).join(t)
	if _, err := b.Apply(5, []byte(`{"ops":[]}`)); err == nil {
		t.Fatal("a change at 5 applied on a file at 0")
	}
	if ok, err := b.Apply(1, []byte(`{"ops":[]}`)); err != nil || !ok {
		t.Fatalf("the change at 1: %v %v", ok, err)
	}
	if ok, err := b.Apply(1, []byte(`{"ops":[]}`)); err != nil || ok {
		t.Fatalf("the change at 1 again was not skipped: %v %v", ok, err)
	}
	if _, err := b.Apply(2, []byte(`{"ops":[{"b":"no-such-bucket","k":"eA=="}]}`)); err == nil {
		t.Fatal("a change to a bucket the file lacks was applied")
	}
}
