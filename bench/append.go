package main

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"cellule/crisis"
)

// appendResult sets the durable append through the service beside what the
// disk itself takes to make a small write durable.
type appendResult struct {
	Count int  `json:"count"`
	Raw   dist `json:"raw_write_fdatasync"`
	Log   dist `json:"service_log"`
	// SSH is the same append sent as `ssh host log TEXT`, from the fan-out
	// runs: the command's whole round trip (channel, command tree, commit).
	SSH dist `json:"ssh_log_round_trip"`
}

// measureAppends alternates, count times, a raw write of 256 bytes +
// fdatasync in a file of dir and an append through Service.Log (what the
// `log` command and the console's form call) on a database in dir, which
// returns only once its transaction committed to disk. Alternating keeps
// both figures under the same load from the rest of the machine.
func measureAppends(dir string, count int) (raw, logged dist, err error) {
	f, err := os.CreateTemp(dir, "raw-fdatasync-")
	if err != nil {
		return raw, logged, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	buf := make([]byte, 256)
	for i := range buf {
		buf[i] = byte('a' + i%26)
	}

	dataDir, err := os.MkdirTemp(dir, "cellule-bench-append-")
	if err != nil {
		return raw, logged, err
	}
	defer os.RemoveAll(dataDir)
	lead, _, err := seedPeople(dataDir, 0)
	if err != nil {
		return raw, logged, err
	}
	db, svc, err := openStopped(dataDir)
	if err != nil {
		return raw, logged, err
	}
	defer db.Close()
	u, ok := svc.Identify(fingerprint(lead))
	if !ok {
		return raw, logged, fmt.Errorf("the lead is not registered in %s", filepath.Base(dataDir))
	}
	me := u.Actor(fingerprint(lead))

	var rs, ls []time.Duration
	for i := 0; i < count; i++ {
		start := time.Now()
		if _, err := f.Write(buf); err != nil {
			return raw, logged, err
		}
		if err := syscall.Fdatasync(int(f.Fd())); err != nil {
			return raw, logged, err
		}
		rs = append(rs, time.Since(start))

		start = time.Now()
		if _, err := svc.Log(me, crisis.Draft{Text: fmt.Sprintf("Durable append %d: switch sw-%d isolated", i, i)}); err != nil {
			return raw, logged, err
		}
		ls = append(ls, time.Since(start))
	}
	return summarise(rs), summarise(ls), nil
}
