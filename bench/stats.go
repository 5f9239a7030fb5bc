package main

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// dist summarises a set of durations.
type dist struct {
	N   int           `json:"n"`
	P50 time.Duration `json:"p50_ns"`
	P99 time.Duration `json:"p99_ns"`
	Max time.Duration `json:"max_ns"`
}

// summarise computes the nearest-rank p50 and p99 and the maximum.
func summarise(ds []time.Duration) dist {
	if len(ds) == 0 {
		return dist{}
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return dist{N: len(s), P50: rank(s, 0.50), P99: rank(s, 0.99), Max: s[len(s)-1]}
}

// rank is the nearest-rank percentile of sorted values: the smallest value
// at or below which at least p of them lie.
func rank(sorted []time.Duration, p float64) time.Duration {
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// parseNs reads the -n flag: "1,50,200,500".
func parseNs(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-n: %q is not a positive number of sessions", f)
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("-n: no session counts")
	}
	return out, nil
}

// parts are the measurements that can be chosen with -parts.
var allParts = []string{"fanout", "append", "big"}

func parseParts(s string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if f == "all" {
			for _, p := range allParts {
				out[p] = true
			}
			continue
		}
		known := false
		for _, p := range allParts {
			known = known || p == f
		}
		if !known {
			return nil, fmt.Errorf("-parts: unknown part %q (known: %s, all)", f, strings.Join(allParts, ", "))
		}
		out[f] = true
	}
	return out, nil
}

// ms prints a duration in milliseconds with a precision that suits it.
func ms(d time.Duration) string {
	v := float64(d) / float64(time.Millisecond)
	switch {
	case d == 0:
		return "0"
	case v < 1:
		return strconv.FormatFloat(v, 'f', 3, 64)
	case v < 100:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}

// bytesText prints a byte count in B, KB or MB (1024-based).
func bytesText(n float64) string {
	switch {
	case n < 1024:
		return strconv.FormatFloat(n, 'f', 0, 64) + " B"
	case n < 1024*1024:
		return strconv.FormatFloat(n/1024, 'f', 1, 64) + " KB"
	}
	return strconv.FormatFloat(n/1024/1024, 'f', 1, 64) + " MB"
}

// budget is one line of the verdict.
type budget struct {
	Name   string `json:"name"`
	Limit  string `json:"limit"`
	Got    string `json:"got"`
	Pass   bool   `json:"pass"`
	Skip   string `json:"skipped,omitempty"`
	Notice string `json:"note,omitempty"`
}

func (b budget) verdict() string {
	switch {
	case b.Skip != "":
		return "SKIP"
	case b.Pass:
		return "pass"
	}
	return "FAIL"
}

// marker is the text of the i-th measured entry (i < 62). Its characters
// are all different from one another, and the character at each position
// differs from every other marker's at that position: the terminal
// renderer, which writes only the cells that changed, therefore never
// leaves one of its cells out because a previous marker put the same
// character there. The prefix makes it unlike anything else on screen.
func marker(run string, i int) string {
	const alnum = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	b := []byte("fan" + run + "-")
	for j := 0; j < 8; j++ {
		b = append(b, alnum[(i+j*7)%len(alnum)])
	}
	return string(b)
}
