//go:build unix

package app

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
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
// as heap-001.pprof, heap-002.pprof...
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
