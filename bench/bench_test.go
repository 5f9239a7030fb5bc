package main

import (
	"strings"
	"testing"
	"time"
)

func TestSummariseNearestRank(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	d := summarise(ds)
	if d.N != 100 || d.P50 != 50*time.Millisecond || d.P99 != 99*time.Millisecond || d.Max != 100*time.Millisecond {
		t.Fatalf("summarise = %+v", d)
	}
	if one := summarise([]time.Duration{7}); one.P50 != 7 || one.P99 != 7 || one.Max != 7 {
		t.Fatalf("one value: %+v", one)
	}
	if (summarise(nil) != dist{}) {
		t.Fatal("no values should summarise to zero")
	}
}

// Each marker must be drawn in one piece by a renderer that skips the cells
// already holding the same character: no two markers share a character at
// the same position, and no character repeats inside one.
func TestMarkersNeverShareACell(t *testing.T) {
	const n = 62
	ms := make([]string, n)
	for i := range ms {
		ms[i] = marker("r1", i)
	}
	prefix := len("fanr1-")
	for i := 0; i < n; i++ {
		seen := map[byte]bool{}
		for _, c := range []byte(ms[i][prefix:]) {
			if seen[c] {
				t.Fatalf("marker %d repeats %q: %s", i, c, ms[i])
			}
			seen[c] = true
		}
		for j := 0; j < i; j++ {
			for p := prefix; p < len(ms[i]); p++ {
				if ms[i][p] == ms[j][p] {
					t.Fatalf("markers %d and %d share %q at %d", i, j, ms[i][p], p)
				}
			}
		}
	}
}

func TestParseStatus(t *testing.T) {
	m := parseStatus("Name:\tcellule\nVmRSS:\t   20480 kB\nRssAnon:\t    8192 kB\nRssFile:\t 12288 kB\n")
	if m.RSS != 20480*1024 || m.Anon != 8192*1024 {
		t.Fatalf("parseStatus = %+v", m)
	}
}

func TestFlags(t *testing.T) {
	ns, err := parseNs("1, 50,200")
	if err != nil || len(ns) != 3 || ns[2] != 200 {
		t.Fatalf("parseNs = %v, %v", ns, err)
	}
	for _, bad := range []string{"", "0", "ten"} {
		if _, err := parseNs(bad); err == nil {
			t.Errorf("parseNs(%q) accepted", bad)
		}
	}
	parts, err := parseParts("all")
	if err != nil || !parts["fanout"] || !parts["append"] || !parts["big"] {
		t.Fatalf("parseParts(all) = %v, %v", parts, err)
	}
	if _, err := parseParts("fanout,export"); err == nil || !strings.Contains(err.Error(), "export") {
		t.Fatalf("an unknown part should be named: %v", err)
	}
}

// The verdict follows the budgets of the issue: a figure over its budget
// fails, one within passes, and what was not measured is skipped.
func TestJudge(t *testing.T) {
	rep := &report{
		Fanout: []fanoutResult{
			{N: 200, Served: 200, Fanout: dist{N: 4000, P99: 40 * time.Millisecond}, IdleCPU: 1.5, BytesPerEnt: 300},
			{N: 500, Served: 499, Fanout: dist{N: 9980, P99: 120 * time.Millisecond}, BytesPerEnt: 1500},
		},
		Append: &appendResult{Raw: dist{P50: 100 * time.Microsecond}, Log: dist{P50: 350 * time.Microsecond}},
		Big: &bigResult{Entries: 1_000_000, Ready: 300 * time.Millisecond, Open: 40 * time.Millisecond,
			Exports: []cliRun{{Name: "export md", Took: 4 * time.Second, PeakAnon: 400 << 20}, {Name: "export json", Skipped: "no export"}},
			Verify:  cliRun{Name: "verify", Took: 3 * time.Second}},
	}
	got := map[string]string{}
	for _, b := range judge(rep) {
		got[b.Name] = b.verdict()
	}
	want := map[string]string{
		"N=200 fan-out p99":                       "pass",
		"N=200 idle CPU":                          "pass",
		"N=200 every session served":              "pass",
		"N=500 all connected":                     "FAIL",
		"N=500 fan-out p99":                       "pass",
		"bytes per new entry per session":         "FAIL",
		"durable append p50 vs raw fdatasync p50": "FAIL",
		"1000000 entries: ready":                  "pass",
		"1000000 entries: Timeline opens":         "pass",
		"1000000 entries: export md":              "FAIL", // fast, but its memory grew
		"1000000 entries: export json":            "SKIP",
		"1000000 entries: verify":                 "pass",
	}
	for name, v := range want {
		if got[name] != v {
			t.Errorf("%s: %s, want %s", name, got[name], v)
		}
	}
}

// Export and verify are measured once the build has them, and skipped
// (not failed) before.
func TestCommandListed(t *testing.T) {
	help := "Cellule\n\nUsage:\n  cellule [command]\n\nAvailable Commands:\n  fingerprint Print the fingerprint\n  log         Append an entry\n  verify      Check the audit chain\n\nFlags:\n      --data string   data directory\n"
	for name, want := range map[string]bool{"verify": true, "log": true, "export": false, "data": false, "cellule": false} {
		if got := commandListed(help, name); got != want {
			t.Errorf("commandListed(%q) = %v, want %v", name, got, want)
		}
	}
}
