//go:build unix

package app

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"syscall"
)

// profileEnv names a directory into which a running server writes CPU
// profiles on demand, for measuring where its time goes: each SIGUSR1
// starts a profile, the next one stops it and writes it there as
// cpu-001.pprof, cpu-002.pprof... It is off unless set. Profiles go to a
// file on the host, never to the network: a profiling endpoint would put
// an HTTP server (and its vulnerabilities) into a binary that serves SSH
// only. Each SIGUSR2 writes the heap as it is then (after a collection)
// as heap-001.pprof, heap-002.pprof..., and, before that collection, where
// the process's memory is as the runtime sees it (mem-001.txt...) and its
// goroutines (goroutines-001.txt...).
const profileEnv = "CELLULE_PROFILE_DIR"

// startProfiling arms the SIGUSR1 switch when $CELLULE_PROFILE_DIR is set,
// and returns a function that disarms it (stopping a profile in progress).
func startProfiling(out io.Writer) (stop func(), err error) {
	dir := os.Getenv(profileEnv)
	if dir == "" {
		return func() {}, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("%s: %w", profileEnv, err)
	}
	p := &profiler{dir: dir}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGUSR1, syscall.SIGUSR2)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case s := <-sig:
				toggle := p.toggle
				if s == syscall.SIGUSR2 {
					toggle = p.heap
				}
				if err := toggle(); err != nil {
					fmt.Fprintf(out, "profile: %v\n", err)
				}
			case <-done:
				return
			}
		}
	}()
	fmt.Fprintf(out, "  profiles: kill -USR1 %d starts a CPU profile, the next one writes it to %s; kill -USR2 %d writes the heap there\n", os.Getpid(), dir, os.Getpid())
	return func() {
		signal.Stop(sig)
		close(done)
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.file != nil {
			_ = p.finish()
		}
	}, nil
}

type profiler struct {
	mu    sync.Mutex
	dir   string
	n     int
	heaps int
	file  *os.File
}

// heap writes the live heap, complete before it gets its numbered name.
func (p *profiler) heap() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.heaps++
	if err := writeMemMetrics(filepath.Join(p.dir, fmt.Sprintf("mem-%03d.txt", p.heaps))); err != nil {
		return err
	}
	if err := writeGoroutines(filepath.Join(p.dir, fmt.Sprintf("goroutines-%03d.txt", p.heaps))); err != nil {
		return err
	}
	f, err := os.CreateTemp(p.dir, "heap-*.tmp")
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(p.dir, fmt.Sprintf("heap-%03d.pprof", p.heaps)))
}

// toggle starts a profile, or stops the running one and puts it in place.
func (p *profiler) toggle() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.file != nil {
		return p.finish()
	}
	p.n++
	f, err := os.CreateTemp(p.dir, "cpu-*.tmp")
	if err != nil {
		return err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		_ = f.Close()
		_ = os.Remove(f.Name())
		return err
	}
	p.file = f
	return nil
}

// finish stops the profile and renames it to its numbered name only once
// it is complete, so whoever waits for the name reads a whole profile.
func (p *profiler) finish() error {
	pprof.StopCPUProfile()
	f := p.file
	p.file = nil
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(p.dir, fmt.Sprintf("cpu-%03d.pprof", p.n)))
}

// memMetrics are the runtime's figures that add up to what the process
// holds from the system: the heap (live, and the garbage and headroom
// between collections), what it has returned, goroutine stacks, and the
// runtime's own structures.
var memMetrics = []string{
	"/memory/classes/heap/objects:bytes",
	"/memory/classes/heap/unused:bytes",
	"/memory/classes/heap/free:bytes",
	"/memory/classes/heap/released:bytes",
	"/memory/classes/heap/stacks:bytes",
	"/memory/classes/os-stacks:bytes",
	"/memory/classes/metadata/other:bytes",
	"/memory/classes/metadata/mspan/inuse:bytes",
	"/memory/classes/metadata/mcache/inuse:bytes",
	"/memory/classes/profiling/buckets:bytes",
	"/memory/classes/other:bytes",
	"/memory/classes/total:bytes",
	"/gc/heap/live:bytes",
	"/gc/heap/goal:bytes",
	"/gc/gogc:percent",
	"/gc/gomemlimit:bytes",
	"/sched/goroutines:goroutines",
}

// writeMemMetrics writes memMetrics as "name value" lines, complete before
// the file gets its name.
func writeMemMetrics(name string) error {
	samples := make([]metrics.Sample, len(memMetrics))
	for i, m := range memMetrics {
		samples[i].Name = m
	}
	metrics.Read(samples)
	var b []byte
	for _, s := range samples {
		var v uint64
		if s.Value.Kind() == metrics.KindUint64 {
			v = s.Value.Uint64()
		}
		b = fmt.Appendf(b, "%s %d\n", s.Name, v)
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// writeGoroutines writes the goroutines grouped by stack (what each
// console keeps running), complete before the file gets its name.
func writeGoroutines(name string) error {
	tmp := name + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("goroutine").WriteTo(f, 1); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}
