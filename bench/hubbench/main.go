// Command hubbench measures hub lag: the time from a write acknowledged
// at an establishment to its arrival, checked, at the regional hub (the
// whole path: the establishment's commit, its link's read and publish to
// its SHARE stream, the hub's pull across the TLS leaf connection on
// loopback, the hub's store and chain check; no SSH). Once with the
// status shared, once with the whole record (a copy of the file per
// message).
//
//	go run ./bench/hubbench [-writes 200] [-dir DIR]
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"path/filepath"
	"sort"
	"time"

	"cellule/crisis"
	"cellule/regional"
	"cellule/store"
)

func main() {
	writes := flag.Int("writes", 200, "acknowledged writes timed per mode")
	dir := flag.String("dir", "", "where the temporary data directories go (system temp)")
	flag.Parse()
	root, err := os.MkdirTemp(*dir, "hubbench")
	check(err)
	defer os.RemoveAll(root)
	host := crisis.LocalActor("bench")
	check(regional.Init("bench", []string{"status", "record"}, root))
	leaf := freePort()
	hub, err := regional.StartHub(regional.HubConfig{DataDir: filepath.Join(root, "hub"), Listen: leaf})
	check(err)
	defer hub.Close()

	for _, mode := range []string{"status", "record"} {
		d := filepath.Join(root, mode)
		db, err := store.Open(filepath.Join(d, "cellule.db"))
		check(err)
		svc := crisis.NewService(db)
		_, err = svc.Open(host, "bench "+mode)
		check(err)
		link, err := regional.StartLink(regional.LinkConfig{DataDir: d, HubURL: leaf, Record: mode == "record"}, db, svc)
		check(err)
		arrived := func() uint64 {
			for _, e := range hub.Status().Establishments {
				if e.Name == mode {
					if e.Problem != "" {
						log.Fatalf("%s: %s", mode, e.Problem)
					}
					return e.HeadSeq
				}
			}
			return 0
		}
		waitFor := func(seq uint64, limit time.Duration) bool {
			deadline := time.Now().Add(limit)
			for arrived() < seq {
				if time.Now().After(deadline) {
					return false
				}
				time.Sleep(100 * time.Microsecond)
			}
			return true
		}
		head := func() uint64 {
			var seq uint64
			check(db.View(func(tx crisis.ReadTx) error {
				r, _, err := tx.AuditHead()
				seq = r.Seq
				return err
			}))
			return seq
		}
		t0 := time.Now()
		if !waitFor(head(), 60*time.Second) {
			log.Fatalf("%s: the hub did not receive the opening", mode)
		}
		fmt.Printf("%s: connected and first message at the hub %s after the link's start\n", mode, time.Since(t0).Round(time.Millisecond))
		var lags []time.Duration
		for i := 0; i < *writes; i++ {
			_, err := svc.Log(host, crisis.Draft{Kind: crisis.KindInfo, Text: fmt.Sprintf("entry %d", i)})
			check(err)
			acked := time.Now()
			if !waitFor(head(), 30*time.Second) {
				log.Fatalf("%s: write %d did not reach the hub", mode, i)
			}
			lags = append(lags, time.Since(acked))
		}
		report("hub lag, share "+mode, lags)
		link.Close()
		check(db.Close())
	}
}

func report(what string, d []time.Duration) {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	pct := func(p float64) time.Duration { return d[int(p*float64(len(d)-1))] }
	fmt.Printf("%-24s n=%d p50=%s p99=%s max=%s\n", what, len(d), pct(0.5).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), d[len(d)-1].Round(time.Microsecond))
}

func freePort() string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	defer l.Close()
	return l.Addr().String()
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
