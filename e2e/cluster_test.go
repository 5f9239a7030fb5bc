package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestClusterKeepsEveryAcknowledgedWriteWhenTheLeaderIsKilled: writes
// made through each of three nodes reach all of them, in one order (equal
// verify heads, byte-identical exports); then the stream's leader is
// SIGKILLed while writers go on through the two others: they keep being
// served, nothing acknowledged is lost, and the killed node, restarted,
// catches up to the same bytes. CELLULE_LONG=1 runs it ten times longer.
func TestClusterKeepsEveryAcknowledgedWriteWhenTheLeaderIsKilled(t *testing.T) {
	c := newClusterLab(t)
	for _, n := range c.names {
		cl := c.ssh(n, c.leadKey)
		if _, errOut, code := run(t, cl, "", "log", "written through "+n); code != 0 {
			t.Fatalf("log through %s: %s", n, errOut)
		}
	}
	rec := c.sameRecord(c.names...)
	for _, n := range c.names {
		if !strings.Contains(rec, "written through "+n) {
			t.Fatalf("the shared record lacks the entry written through %s", n)
		}
	}

	var leader string
	c.waitUntil("a stream leader", func() bool { leader = c.leader("a"); return leader != "" })
	var others []string
	for _, n := range c.names {
		if n != leader {
			others = append(others, n)
		}
	}

	// A console on one survivor, to see the other's writes arrive.
	watcher := openConsole(t, c.ssh(others[1], c.bobKey), 100, 30)
	watcher.waitText("written through " + others[0])

	writers, perWriter := 3, 30
	if os.Getenv("CELLULE_LONG") != "" {
		perWriter = 300
	}
	var (
		mu      sync.Mutex
		acked   []string
		unknown int
		wg      sync.WaitGroup
	)
	started := make(chan struct{}, writers)
	for w := 0; w < writers; w++ {
		node := others[w%len(others)]
		key := c.leadKey
		if w%2 == 1 {
			key = c.bobKey
		}
		cl := c.ssh(node, key)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWriter; i++ {
				if i == 3 {
					started <- struct{}{}
				}
				text := fmt.Sprintf("writer %d write %d via %s", w, i, node)
				_, errOut, code := run(t, cl, "", "log", text)
				mu.Lock()
				if code == 0 {
					acked = append(acked, text)
				} else if strings.Contains(errOut, "NOT CONFIRMED") {
					unknown++
				} else {
					t.Errorf("log through %s refused with two nodes up: %s", node, errOut)
				}
				mu.Unlock()
			}
		}()
	}
	for w := 0; w < writers; w++ {
		<-started
	}
	c.kill(leader)
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	if len(acked) < writers*perWriter/2 {
		t.Fatalf("only %d of %d writes acknowledged with two nodes of three up", len(acked), writers*perWriter)
	}
	t.Logf("%d writes acknowledged, %d unconfirmed, leader %s killed", len(acked), unknown, leader)

	rec = c.sameRecord(others...)
	for _, text := range acked {
		if !strings.Contains(rec, text) {
			t.Fatalf("acknowledged write %q is lost", text)
		}
	}
	// The console kept being served through the election and shows
	// what is written through the other survivor.
	final := "after the election, through " + others[0]
	if _, errOut, code := run(t, c.ssh(others[0], c.leadKey), "", "log", final); code != 0 {
		t.Fatalf("log after the election: %s", errOut)
	}
	watcher.waitText(final)

	c.start(leader)
	rec = c.sameRecord(c.names...)
	for _, text := range acked {
		if !strings.Contains(rec, text) {
			t.Fatalf("acknowledged write %q is missing on the restarted node", text)
		}
	}
}

// TestClusterWithoutAMajorityRefusesWritesAndKeepsReading: with two nodes
// of three gone, a write is refused with the sentence that says why and
// what still works, and the survivor goes on serving reads and exports;
// `cluster status` says which nodes are unreachable. One node back, writes
// are taken again; a wiped node (record and stream copy removed,
// credentials kept) then joins by catching up from the two others.
func TestClusterWithoutAMajorityRefusesWritesAndKeepsReading(t *testing.T) {
	c := newClusterLab(t)
	a := c.ssh("a", c.leadKey)
	if _, errOut, code := run(t, a, "", "log", "before the losses"); code != 0 {
		t.Fatalf("log: %s", errOut)
	}
	before := c.sameRecord(c.names...)

	c.kill("b")
	c.kill("c")
	c.waitUntil("node a to see b and c gone", func() bool {
		return strings.Contains(c.status("a"), "1 of 3 nodes reachable")
	})
	_, errOut, code := run(t, a, "", "log", "with no majority")
	if code == 0 || !strings.Contains(errOut, "no majority: 1 of 3 nodes reachable; the record is read-only until one comes back") {
		t.Fatalf("a write with one node of three: exit %d, %q", code, errOut)
	}
	if _, export := c.record("a"); export != before {
		t.Fatal("the refused write changed the survivor's record, or its export failed")
	}
	// On the host of a stopped node, a write is refused: it would not
	// reach the others.
	local, err := exec.Command(c.bin, "--data", c.nodes["c"].dir, "log", "written beside the stream").CombinedOutput()
	if err == nil || !strings.Contains(string(local), "on its host it is read only") {
		t.Fatalf("a local write on a stopped node: %v\n%s", err, local)
	}
	st := c.status("a")
	for _, want := range []string{"b            NO", "c            NO", "a *          yes"} {
		if !strings.Contains(st, want) {
			t.Fatalf("cluster status lacks %q:\n%s", want, st)
		}
	}

	// c comes back: a majority again, and c catches up what it missed.
	c.start("c")
	c.waitUntil("a write accepted again with two nodes of three", func() bool {
		_, _, code := run(t, a, "", "log", "majority back")
		return code == 0
	})
	c.sameRecord("a", "c")

	// b is wiped (its record and its copy of the stream are gone; its
	// credentials stay) and joins by catching up from the two others.
	for _, f := range []string{"cellule.db", "jetstream"} {
		if err := os.RemoveAll(filepath.Join(c.nodes["b"].dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	c.start("b")
	rec := c.sameRecord(c.names...)
	// On the host, the node's status as it last wrote it.
	onHost, err := exec.Command(c.bin, "--data", c.nodes["b"].dir, "cluster", "status").CombinedOutput()
	if err != nil || !strings.Contains(string(onHost), "seen from b") || !strings.Contains(string(onHost), "leader: ") {
		t.Fatalf("cluster status on the host: %v\n%s", err, onHost)
	}
	if !strings.Contains(rec, "before the losses") || !strings.Contains(rec, "majority back") {
		t.Fatal("the wiped node did not catch up with the whole record")
	}
}
