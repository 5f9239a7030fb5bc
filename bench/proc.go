package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// clockTick is USER_HZ, the unit of utime and stime in /proc/PID/stat: 100
// on every Linux the harness is meant for.
const clockTick = 100

// cpuTime is the CPU (user + system) a process has used so far.
func cpuTime(pid int) (time.Duration, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name, in parentheses, may hold spaces: fields count from
	// after its closing parenthesis. utime and stime are fields 14 and 15.
	s := string(raw)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: too short", pid)
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("/proc/%d/stat: unreadable times", pid)
	}
	return time.Duration(ut+st) * time.Second / clockTick, nil
}

// memory is what /proc/PID/status says of a process's memory, in bytes.
type memory struct {
	RSS, Anon int64 // VmRSS, RssAnon (the heap and stacks, not the mapped file)
}

func memOf(pid int) (memory, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return memory{}, err
	}
	return parseStatus(string(raw)), nil
}

// parseStatus reads VmRSS and RssAnon (in kB) from /proc/PID/status.
func parseStatus(s string) memory {
	var m memory
	for _, line := range strings.Split(s, "\n") {
		name, rest, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			continue
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			continue
		}
		switch name {
		case "VmRSS":
			m.RSS = kb * 1024
		case "RssAnon":
			m.Anon = kb * 1024
		}
	}
	return m
}

// peakSampler follows a process's anonymous memory until stopped and keeps
// the highest figure seen: what an export really holds, as opposed to the
// database pages it reads through the file mapping (which RSS counts too).
type peakSampler struct {
	stop chan struct{}
	done sync.WaitGroup
	peak memory
}

func samplePeak(pid int) *peakSampler {
	p := &peakSampler{stop: make(chan struct{})}
	p.done.Add(1)
	go func() {
		defer p.done.Done()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			if m, err := memOf(pid); err == nil {
				p.peak.RSS = max(p.peak.RSS, m.RSS)
				p.peak.Anon = max(p.peak.Anon, m.Anon)
			}
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
		}
	}()
	return p
}

func (p *peakSampler) finish() memory {
	close(p.stop)
	p.done.Wait()
	return p.peak
}
