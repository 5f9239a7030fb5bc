// Command clusterbench measures the replicated write path: the latency of
// an acknowledged write on a single node beside a three-node cluster on
// loopback (the whole path: service, bbolt transaction, R3 publish with
// SyncAlways, local commit; no SSH), and how long a node takes to catch up
// writes it missed while it was down.
//
//	go run ./bench/clusterbench [-writes 500] [-missed 2000] [-dir DIR]
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

	"cellule/cluster"
	"cellule/crisis"
	"cellule/store"
)

func main() {
	writes := flag.Int("writes", 500, "acknowledged writes timed per setup")
	missed := flag.Int("missed", 2000, "writes a stopped node misses, then catches up")
	dir := flag.String("dir", "", "where the temporary data directories go (system temp)")
	flag.Parse()
	root, err := os.MkdirTemp(*dir, "clusterbench")
	check(err)
	defer os.RemoveAll(root)
	host := crisis.LocalActor("bench")

	// Single node: bbolt alone.
	db, err := store.Open(filepath.Join(root, "single.db"))
	check(err)
	svc := crisis.NewService(db)
	_, err = svc.Open(host, "bench")
	check(err)
	report("single node (bbolt fsync)", timeWrites(svc, host, *writes))
	check(db.Close())

	// Three nodes on loopback, in this process.
	names := []string{"a", "b", "c"}
	dirs := map[string]string{}
	routes := map[string]string{}
	for _, n := range names {
		dirs[n] = filepath.Join(root, n)
		routes[n] = freePort()
	}
	check(cluster.WriteCredentials("bench", names, dirs))
	type node struct {
		db  *store.DB
		svc *crisis.Service
		n   *cluster.Node
	}
	start := func(name string) node {
		db, err := store.Open(filepath.Join(dirs[name], "cellule.db"))
		check(err)
		svc := crisis.NewService(db)
		var peers []string
		for _, o := range names {
			if o != name {
				peers = append(peers, routes[o])
			}
		}
		n, err := cluster.Start(cluster.Config{DataDir: dirs[name], Listen: routes[name], Peers: peers}, db, svc.Applied)
		check(err)
		return node{db, svc, n}
	}
	nodes := map[string]node{}
	t0 := time.Now()
	done := make(chan node)
	for _, name := range names {
		go func() { done <- start(name) }()
	}
	for range names {
		nd := <-done
		nodes[nd.n.Meta().Self] = nd
	}
	for _, nd := range nodes {
		if !nd.n.Ready(60 * time.Second) {
			log.Fatal("the cluster did not form")
		}
	}
	fmt.Printf("cluster formed in %s\n", time.Since(t0).Round(time.Millisecond))
	a := nodes["a"]
	_, err = a.svc.Open(host, "bench")
	check(err)
	report("three nodes, R3 (write on any node)", timeWrites(a.svc, host, *writes))

	// Catch-up: c stops, a takes the writes, c starts again.
	c := nodes["c"]
	c.n.Close()
	check(c.db.Close())
	for i := 0; i < *missed; i++ {
		_, err := a.svc.Log(host, crisis.Draft{Kind: crisis.KindInfo, Text: fmt.Sprintf("missed %d", i)})
		check(err)
	}
	target := a.db.Applied()
	t0 = time.Now()
	c = start("c")
	if !c.db.WaitApplied(target, 120*time.Second) {
		log.Fatalf("c did not catch up: %d of %d", c.db.Applied(), target)
	}
	fmt.Printf("catch-up: a node %d writes behind is level %s after its start (rejoining included)\n", *missed, time.Since(t0).Round(time.Millisecond))
	nodes["c"] = c
	for _, nd := range nodes {
		nd.n.Close()
		check(nd.db.Close())
	}
}

func timeWrites(svc *crisis.Service, a crisis.Actor, n int) []time.Duration {
	out := make([]time.Duration, 0, n)
	for i := 0; i < n; i++ {
		t := time.Now()
		_, err := svc.Log(a, crisis.Draft{Kind: crisis.KindInfo, Text: fmt.Sprintf("entry %d", i)})
		check(err)
		out = append(out, time.Since(t))
	}
	return out
}

func report(what string, d []time.Duration) {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	pct := func(p float64) time.Duration { return d[int(p*float64(len(d)-1))] }
	fmt.Printf("%-40s n=%d p50=%s p99=%s max=%s\n", what, len(d), pct(0.5).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), d[len(d)-1].Round(time.Microsecond))
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
