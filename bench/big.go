package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// bigResult is what a long crisis (many entries) measured.
type bigResult struct {
	Entries  int           `json:"entries"`
	Generate time.Duration `json:"generate_ns"`
	DBBytes  int64         `json:"db_bytes"`
	Ready    time.Duration `json:"ready_ns"`
	// Open is from asking for the shell to the Timeline's first frame
	// holding the newest entry; OpenWithHandshake adds the SSH handshake.
	Open              time.Duration `json:"timeline_open_ns"`
	OpenWithHandshake time.Duration `json:"timeline_open_with_handshake_ns"`
	Exports           []cliRun      `json:"exports"`
	Verify            cliRun        `json:"verify"`
}

// cliRun is one host command on the stopped data directory.
type cliRun struct {
	Name    string        `json:"name"`
	Took    time.Duration `json:"took_ns"`
	PeakRSS int64         `json:"peak_rss_bytes"`
	// PeakAnon is the peak of anonymous memory (heap, stacks): RSS also
	// counts the database pages read through the file mapping, which the
	// kernel drops as it needs.
	PeakAnon int64  `json:"peak_anon_bytes"`
	Skipped  string `json:"skipped,omitempty"`
	Err      string `json:"error,omitempty"`
}

var exportFormats = []string{"md", "json", "csv", "html"}

func measureBig(bin, base string, entries int, logf func(string, ...any)) (bigResult, error) {
	res := bigResult{Entries: entries}
	dir, err := newDataDir(base, "big")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(dir)
	lead, people, err := seedPeople(dir, 1)
	if err != nil {
		return res, err
	}
	logf("big: writing %d entries straight into the store", entries)
	start := time.Now()
	if err := seedEntries(dir, entries, people[0]); err != nil {
		return res, err
	}
	res.Generate = time.Since(start)
	if fi, err := os.Stat(filepath.Join(dir, "cellule.db")); err == nil {
		res.DBBytes = fi.Size()
	}

	logf("big: starting the server")
	srv, err := startServer(bin, dir, "")
	if err != nil {
		return res, err
	}
	res.Ready = srv.ready
	newest := fmt.Sprintf(bulkTexts[(entries-1)%len(bulkTexts)], entries-1)
	// The console opens on the Timeline at the end of the logbook: the
	// first frame holds the newest entry.
	c, withHS, open, err := openConsole(srv.addr, lead, newest, 60*time.Second)
	if err == nil {
		res.Open, res.OpenWithHandshake = open, withHS
		c.close()
	}
	srv.stop()
	if err != nil {
		return res, fmt.Errorf("timeline: %w", err)
	}

	out, err := os.MkdirTemp(base, "cellule-bench-out-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(out)
	for _, f := range exportFormats {
		logf("big: export --format %s", f)
		r := runOne(bin, dir, "export "+f, "export", "--format", f, "--out", filepath.Join(out, "export."+f))
		res.Exports = append(res.Exports, r)
		if r.Skipped != "" {
			break // the command is missing: every format is
		}
	}
	logf("big: verify")
	res.Verify = runOne(bin, dir, "verify", "verify")
	return res, nil
}

func runOne(bin, dir, name string, args ...string) cliRun {
	took, peak, unknown, err := runCLI(bin, dir, args...)
	r := cliRun{Name: name, Took: took, PeakRSS: peak.RSS, PeakAnon: peak.Anon}
	switch {
	case unknown:
		r = cliRun{Name: name, Skipped: "this build has no `" + args[0] + "` command yet"}
	case err != nil:
		r.Err = err.Error()
	}
	return r
}
