package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// fanoutResult is what one session count measured.
type fanoutResult struct {
	N           int     `json:"n"`
	Served      int     `json:"served"`
	Failed      int     `json:"failed"`
	FirstError  string  `json:"first_error,omitempty"`
	Connect     dist    `json:"handshake_first_frame"`
	Shell       dist    `json:"shell_first_frame"`
	Fanout      dist    `json:"fanout"`
	Ack         dist    `json:"log_ack"`
	Missed      int     `json:"missed"`
	BytesPerEnt float64 `json:"bytes_per_entry_per_session"`
	RSSBase     int64   `json:"rss_base_bytes"`
	RSSLoaded   int64   `json:"rss_with_sessions_bytes"`
	RSSPerSess  float64 `json:"rss_per_session_bytes"`
	// RSSAfterFan is RSSPerSess again after the idle time and the fan-out.
	RSSAfterFan float64       `json:"rss_per_session_after_fanout_bytes"`
	CPUPerEntry time.Duration `json:"cpu_per_entry_ns"`
	// HarnessCPU is this harness's own CPU per entry during the fan-out:
	// the SSH clients and terminal emulators of N consoles, on the same
	// cores as the server.
	HarnessCPU time.Duration `json:"harness_cpu_per_entry_ns"`
	IdleCPU    float64       `json:"idle_cpu_percent_of_core"`
	Profile    string        `json:"profile,omitempty"`
}

type fanoutConfig struct {
	bin        string
	dataDir    string
	lead       person
	people     []person
	entries    int
	idle       time.Duration
	profileDir string
	run        string
	logf       func(format string, args ...any)
}

// connectParallel bounds how many sessions connect at once: a crowd
// arriving, not a flood (the server's accept loop takes them one by one).
const connectParallel = 16

// memorySettle is how long after the last console connected the server's
// memory is read: twice the 5 s after which the server returns a login
// burst's memory (sshserver/burst.go).
const memorySettle = 10 * time.Second

func measureFanout(cfg fanoutConfig, n int) (fanoutResult, error) {
	res := fanoutResult{N: n}
	profiles := ""
	if cfg.profileDir != "" {
		profiles = filepath.Join(cfg.profileDir, fmt.Sprintf("server-n%d", n))
	}
	srv, err := startServer(cfg.bin, cfg.dataDir, profiles, sessionCap(cfg.bin, n)...)
	if err != nil {
		return res, err
	}
	defer srv.stop()
	lead, err := dial(srv.addr, cfg.lead)
	if err != nil {
		return res, fmt.Errorf("lead: %w", err)
	}
	defer lead.Close()
	time.Sleep(200 * time.Millisecond)
	res.RSSBase = srv.mem().RSS

	// Connect n consoles.
	cfg.logf("N=%d: connecting", n)
	consoles := make([]*console, n)
	connect, shell := make([]time.Duration, n), make([]time.Duration, n)
	errs := make([]error, n)
	connectAll := func() {
		var wg sync.WaitGroup
		sem := make(chan struct{}, connectParallel)
		for i := 0; i < n; i++ {
			wg.Add(1)
			sem <- struct{}{}
			go func(i int) {
				defer wg.Done()
				defer func() { <-sem }()
				consoles[i], connect[i], shell[i], errs[i] = openConsole(srv.addr, cfg.people[i], firstFrameText, 60*time.Second)
			}(i)
		}
		wg.Wait()
	}
	if cfg.profileDir != "" {
		file := filepath.Join(cfg.profileDir, fmt.Sprintf("connect-n%d.pprof", n))
		ran := false
		if err := srv.cpuProfile(file, 0, func() { ran = true; connectAll() }); err != nil {
			cfg.logf("profile: %v", err)
		}
		if !ran {
			connectAll()
		}
	} else {
		connectAll()
	}
	var open []*console
	var cs, ss []time.Duration
	for i, c := range consoles {
		if errs[i] != nil {
			res.Failed++
			if res.FirstError == "" {
				res.FirstError = errs[i].Error()
			}
			continue
		}
		open = append(open, c)
		cs, ss = append(cs, connect[i]), append(ss, shell[i])
	}
	defer func() {
		for _, c := range open {
			c.close()
		}
	}()
	res.Served = len(open)
	res.Connect, res.Shell = summarise(cs), summarise(ss)

	// Let the joins' redraws settle: no byte for half a second, and the
	// server's own settling after a login burst (it returns the burst's
	// memory 5 s after the last console opened): the RSS measured is the
	// server's with N consoles open once the logins are over, as the
	// machine it runs on sees it for as long as nothing else happens.
	connected := time.Now()
	settle(open, 500*time.Millisecond, 60*time.Second)
	if wait := memorySettle - time.Since(connected); wait > 0 {
		time.Sleep(wait)
	}
	res.RSSLoaded = srv.mem().RSS
	if len(open) > 0 {
		res.RSSPerSess = float64(res.RSSLoaded-res.RSSBase) / float64(len(open))
	}
	if cfg.profileDir != "" {
		file := filepath.Join(cfg.profileDir, fmt.Sprintf("heap-n%d.pprof", n))
		if err := srv.heapProfile(file); err != nil {
			cfg.logf("heap profile: %v", err)
		}
	}

	// Idle: n consoles open, nothing happening.
	cfg.logf("N=%d: idle %s", n, cfg.idle)
	c0 := srv.cpu()
	idleStart := time.Now()
	if cfg.profileDir != "" {
		file := filepath.Join(cfg.profileDir, fmt.Sprintf("idle-n%d.pprof", n))
		secs := max(int(cfg.idle/time.Second), 1)
		if err := srv.cpuProfile(file, secs, func() { time.Sleep(time.Duration(secs) * time.Second) }); err != nil {
			cfg.logf("profile: %v", err)
		}
	} else {
		time.Sleep(cfg.idle)
	}
	res.IdleCPU = 100 * float64(srv.cpu()-c0) / float64(time.Since(idleStart))

	// Fan-out: entries logged one after the other; each waits until every
	// console shows it (or 10 s).
	cfg.logf("N=%d: fan-out of %d entries", n, cfg.entries)
	var lat, acks []time.Duration
	var bytesBefore int64
	for _, c := range open {
		bytesBefore += c.bytes.Load()
	}
	cpuBefore := srv.cpu()
	selfBefore, _ := cpuTime(os.Getpid())
	fan := func() error {
		for i := 0; i < cfg.entries; i++ {
			text := marker(fmt.Sprintf("%sn%d", cfg.run, n), i)
			for _, c := range open {
				c.wait(text)
			}
			sent := time.Now()
			if _, err := runCommand(lead, "log "+text); err != nil {
				return err
			}
			acked := time.Now()
			acks = append(acks, acked.Sub(sent))
			deadline := time.After(10 * time.Second)
			for _, c := range open {
				select {
				case <-c.seen:
					// Shown before the acknowledgement arrived counts as 0.
					lat = append(lat, max(c.seenTime().Sub(acked), 0))
				case <-deadline:
					res.Missed++
				}
			}
			time.Sleep(20 * time.Millisecond) // let the last frames out
		}
		return nil
	}
	var fanErr error
	if cfg.profileDir != "" {
		res.Profile = filepath.Join(cfg.profileDir, fmt.Sprintf("fanout-n%d.pprof", n))
		secs := max(int(time.Duration(cfg.entries)*100*time.Millisecond/time.Second), 2)
		if err := srv.cpuProfile(res.Profile, secs, func() { fanErr = fan() }); err != nil {
			cfg.logf("profile: %v", err)
			res.Profile = ""
		}
	} else {
		fanErr = fan()
	}
	if fanErr != nil {
		return res, fanErr
	}
	settle(open, 200*time.Millisecond, 10*time.Second)
	res.CPUPerEntry = (srv.cpu() - cpuBefore) / time.Duration(cfg.entries)
	// And once the idle time and the fan-out went by: the heap grown back
	// from what the burst's release left, as it stays while consoles work.
	if len(open) > 0 {
		res.RSSAfterFan = float64(srv.mem().RSS-res.RSSBase) / float64(len(open))
	}
	if selfAfter, err := cpuTime(os.Getpid()); err == nil {
		res.HarnessCPU = (selfAfter - selfBefore) / time.Duration(cfg.entries)
	}
	var bytesAfter int64
	for _, c := range open {
		bytesAfter += c.bytes.Load()
	}
	if len(open) > 0 {
		res.BytesPerEnt = float64(bytesAfter-bytesBefore) / float64(len(open)*cfg.entries)
	}
	res.Fanout, res.Ack = summarise(lat), summarise(acks)
	return res, nil
}

// settle waits until no console has received a byte for quiet, or limit.
func settle(cs []*console, quiet, limit time.Duration) {
	total := func() int64 {
		var t int64
		for _, c := range cs {
			t += c.bytes.Load()
		}
		return t
	}
	end := time.Now().Add(limit)
	last, since := total(), time.Now()
	for time.Now().Before(end) {
		time.Sleep(50 * time.Millisecond)
		if t := total(); t != last {
			last, since = t, time.Now()
		} else if time.Since(since) >= quiet {
			return
		}
	}
}

// newDataDir makes a fresh data directory under base.
func newDataDir(base, name string) (string, error) {
	return os.MkdirTemp(base, "cellule-bench-"+strings.ReplaceAll(name, "/", "-")+"-")
}
