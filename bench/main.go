// Command bench measures Cellule where a crisis strains it: many responders
// watching the same logbook, a long crisis, a slow disk. It builds the
// binary, starts `cellule serve` as a subprocess on 127.0.0.1 with a
// temporary data directory, drives it through real SSH sessions with a
// 120x40 terminal, reads the server's CPU and memory from /proc, and checks
// each figure against its budget. See BENCHMARKS.md.
//
//	go run ./bench                       # everything, N = 1,50,200,500
//	go run ./bench -n 1,50 -parts fanout # a quick look
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

type report struct {
	Started  time.Time      `json:"started"`
	Machine  string         `json:"machine"`
	Load     string         `json:"load_before"`
	Fanout   []fanoutResult `json:"fanout,omitempty"`
	Append   *appendResult  `json:"append,omitempty"`
	Big      *bigResult     `json:"big,omitempty"`
	Budgets  []budget       `json:"budgets"`
	Warnings []string       `json:"warnings,omitempty"`
}

func main() {
	var (
		nFlag      = flag.String("n", "1,50,200,500", "session counts to measure, comma-separated")
		partsFlag  = flag.String("parts", "all", "what to measure: fanout, append, big (comma-separated) or all")
		entries    = flag.Int("entries", 1_000_000, "logbook entries for the long-crisis part (big)")
		fanEntries = flag.Int("fanout-entries", 20, "entries logged per session count for the fan-out figures (at most 62)")
		appends    = flag.Int("appends", 200, "durable appends (and raw fdatasyncs) to time")
		idle       = flag.Duration("idle", 10*time.Second, "how long to measure idle CPU with the sessions open")
		base       = flag.String("dir", "", "where to put the temporary data directories (default: the system's temp dir); the durable-append figures are for its disk")
		bin        = flag.String("bin", "", "a cellule binary to measure (default: build this module's)")
		jsonOut    = flag.String("json", "", "also write the results as JSON to this file (- for standard output)")
		profileDir = flag.String("profile", "", "save the server's CPU profile during each fan-out here (off by default)")
		keep       = flag.Bool("keep", false, "keep the temporary directories")
	)
	flag.Parse()
	ns, err := parseNs(*nFlag)
	if err != nil {
		fail(err)
	}
	parts, err := parseParts(*partsFlag)
	if err != nil {
		fail(err)
	}
	if *fanEntries < 1 || *fanEntries > 62 {
		fail(fmt.Errorf("-fanout-entries: between 1 and 62"))
	}
	logf := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "%s  %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
	}

	work, err := os.MkdirTemp(*base, "cellule-bench-")
	if err != nil {
		fail(err)
	}
	if !*keep {
		defer os.RemoveAll(work)
	}
	if *profileDir != "" {
		if err := os.MkdirAll(*profileDir, 0o755); err != nil {
			fail(err)
		}
	}
	if *bin == "" {
		logf("building cellule")
		if *bin, err = buildBinary(work); err != nil {
			fail(err)
		}
	}

	rep := &report{Started: time.Now().UTC(), Machine: machine(), Load: loadAvg()}
	if parts["fanout"] {
		maxN := 0
		for _, n := range ns {
			maxN = max(maxN, n)
		}
		dir, err := newDataDir(work, "fanout")
		if err != nil {
			fail(err)
		}
		logf("registering a lead and %d responders", maxN)
		lead, people, err := seedPeople(dir, maxN)
		if err != nil {
			fail(err)
		}
		cfg := fanoutConfig{bin: *bin, dataDir: dir, lead: lead, people: people, entries: *fanEntries,
			idle: *idle, profileDir: *profileDir, run: strconv.FormatInt(time.Now().Unix()%100000, 36), logf: logf}
		for _, n := range ns {
			r, err := measureFanout(cfg, n)
			if err != nil {
				rep.Warnings = append(rep.Warnings, fmt.Sprintf("N=%d: %v", n, err))
				logf("N=%d: %v", n, err)
			}
			rep.Fanout = append(rep.Fanout, r)
		}
	}
	if parts["append"] {
		logf("durable appends: %d raw fdatasyncs and %d Service.Log, alternating", *appends, *appends)
		raw, logged, err := measureAppends(work, *appends)
		if err != nil {
			fail(err)
		}
		a := &appendResult{Count: *appends, Raw: raw, Log: logged}
		for _, f := range rep.Fanout {
			if f.N == ns[0] {
				a.SSH = f.Ack
			}
		}
		rep.Append = a
	}
	if parts["big"] {
		b, err := measureBig(*bin, work, *entries, logf)
		if err != nil {
			rep.Warnings = append(rep.Warnings, "big: "+err.Error())
			logf("big: %v", err)
		}
		rep.Big = &b
	}
	rep.Budgets = judge(rep)
	printReport(os.Stdout, rep)
	if *jsonOut != "" {
		var w io.Writer = os.Stdout
		if *jsonOut != "-" {
			f, err := os.Create(*jsonOut)
			if err != nil {
				fail(err)
			}
			defer f.Close()
			w = f
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}

func machine() string {
	model := ""
	if raw, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(raw), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	return fmt.Sprintf("%d CPUs, %s, %s/%s, %s", runtime.NumCPU(), model, runtime.GOOS, runtime.GOARCH, runtime.Version())
}

func loadAvg() string {
	raw, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(raw))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}
