package tui

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/store"
)

// BenchmarkConsoleWeight measures what one more console weighs on the
// heap: 200 consoles on the demo crisis, sharing one process's caches as
// the server's do, after a first console drew what they share. Its
// figure (B/console, live heap after a GC) is in BENCHMARKS.md; it is a
// measurement, not a test.
func BenchmarkConsoleWeight(b *testing.B) {
	db, err := store.Open(filepath.Join(b.TempDir(), "cellule.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	svc := crisis.NewService(db, crisis.WithLocation(time.UTC))
	if err := svc.LoadDemo(crisis.LocalActor("bench")); err != nil {
		b.Fatal(err)
	}
	me := crisistest.Register(b, svc, "alice", crisis.RoleResponder)
	caches := NewCaches()
	opts := Options{Width: 120, Height: 40, Caches: caches}
	first := New(svc, me, opts)
	const n = 200
	for range b.N {
		keep := make([]tea.Model, n)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := range keep {
			keep[i] = New(svc, me, opts)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "B/console")
		runtime.KeepAlive(keep)
	}
	runtime.KeepAlive(first)
}
