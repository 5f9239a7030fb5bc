package e2e

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"cellule/cli"
)

// clusterWait bounds what waits for a cluster: forming it (JetStream's
// first election) and an election after the leader's loss take seconds.
const clusterWait = 60 * time.Second

// clusterLab is three `cellule serve` processes on 127.0.0.1 sharing one
// record, started from a single-node record that has a lead and a
// responder (bob).
type clusterLab struct {
	t        *testing.T
	bin      string
	nodes    map[string]*nodeProc
	names    []string
	leadKey  gossh.Signer
	bobKey   gossh.Signer
	leadName string
}

// nodeProc is one node's process; routes keeps its port across restarts.
type nodeProc struct {
	name, dir, routes string
	cmd               *exec.Cmd
	out               *syncBuffer
	exited            chan error
	addr              string
}

// freePort is a loopback address free when asked: the routes' addresses
// are given to the other nodes before their node starts.
func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func newClusterLab(t *testing.T) *clusterLab {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and starts three nodes")
	}
	c := &clusterLab{t: t, bin: buildStatic(t), nodes: map[string]*nodeProc{}, names: []string{"a", "b", "c"}}
	// The single-node record the cluster starts from: its lead (from the
	// home key) and a responder.
	leadKey, leadPub := newKey(t)
	c.leadKey = leadKey
	single := t.TempDir()
	srv := startServerWith(t, single, homeWithKey(t, leadPub), cli.ServeOptions{Name: "Cluster drill"})
	lead := connect(t, srv.addr, leadKey)
	out, _, _ := run(t, lead, "", "whoami")
	c.leadName = strings.Fields(out)[0]
	var bobPub string
	c.bobKey, bobPub = newKey(t)
	if _, errOut, code := run(t, lead, bobPub+"\n", "user", "add", "bob", "--role", "responder"); code != 0 {
		t.Fatalf("user add bob: %s", errOut)
	}
	_ = lead.Close()
	srv.stop()

	root := t.TempDir()
	init := exec.Command(c.bin, "cluster", "init", "drill", "--nodes", "a,b,c", "--out", root, "--from", single)
	if b, err := init.CombinedOutput(); err != nil {
		t.Fatalf("cluster init: %v\n%s", err, b)
	}
	for _, n := range c.names {
		c.nodes[n] = &nodeProc{name: n, dir: filepath.Join(root, n), routes: freePort(t)}
	}
	var wg sync.WaitGroup
	for _, n := range c.names {
		wg.Add(1)
		go func() { defer wg.Done(); c.start(n) }()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	t.Cleanup(func() {
		for _, n := range c.names {
			c.kill(n)
		}
	})
	return c
}

var servingLine = regexp.MustCompile(`Cellule is serving ".*" on (\S+)`)

// start starts node n and waits until it serves SSH (it has then joined
// its cluster, or given up waiting for a majority).
func (c *clusterLab) start(n string) {
	t := c.t
	p := c.nodes[n]
	var peers []string
	for _, o := range c.names {
		if o != n {
			peers = append(peers, c.nodes[o].routes)
		}
	}
	p.out = &syncBuffer{}
	p.cmd = exec.Command(c.bin, "--data", p.dir, "serve", "--listen", "127.0.0.1:0",
		"--cluster-listen", p.routes, "--peers", strings.Join(peers, ","))
	p.cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "TZ=UTC")
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		t.Error(err)
		return
	}
	p.exited = make(chan error, 1)
	go func(cmd *exec.Cmd, ch chan error) { ch <- cmd.Wait() }(p.cmd, p.exited)
	deadline := time.Now().Add(clusterWait)
	for time.Now().Before(deadline) {
		if m := servingLine.FindStringSubmatch(p.out.String()); m != nil {
			p.addr = m[1]
			return
		}
		select {
		case err := <-p.exited:
			t.Errorf("node %s exited: %v\n%s", n, err, p.out)
			p.cmd = nil
			return
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Errorf("node %s did not serve\n%s", n, p.out)
}

// kill SIGKILLs node n (nothing of it runs any more when it returns).
func (c *clusterLab) kill(n string) {
	p := c.nodes[n]
	if p.cmd == nil {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.exited
	p.cmd = nil
}

// ssh connects to node n as key's owner.
func (c *clusterLab) ssh(n string, key gossh.Signer) *gossh.Client {
	return connect(c.t, c.nodes[n].addr, key)
}

// waitUntil polls cond (a question put to the nodes over SSH) until it
// holds: the cluster's own pace (elections, catch-up) is not a signal a
// test can wait on otherwise.
func (c *clusterLab) waitUntil(what string, cond func() bool) {
	c.t.Helper()
	deadline := time.Now().Add(clusterWait)
	for !cond() {
		if time.Now().After(deadline) {
			for _, n := range c.names {
				c.t.Logf("node %s:\n%s\n%s", n, c.nodes[n].out, c.status(n))
			}
			c.t.Fatalf("waited %s for %s", clusterWait, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// status is `cluster status` over SSH on node n.
func (c *clusterLab) status(n string) string {
	cl, err := dial(c.nodes[n].addr, gossh.PublicKeys(c.leadKey))
	if err != nil {
		return ""
	}
	defer cl.Close()
	out, _, _ := run(c.t, cl, "", "cluster", "status")
	return out
}

// leader is the stream's leader as node n sees it ("" when none).
func (c *clusterLab) leader(n string) string {
	m := regexp.MustCompile(`leader: (\S+) `).FindStringSubmatch(c.status(n))
	if m == nil || m[1] == "none" {
		return ""
	}
	return m[1]
}

// record is node n's verify head and JSON export.
func (c *clusterLab) record(n string) (head, export string) {
	cl, err := dial(c.nodes[n].addr, gossh.PublicKeys(c.leadKey))
	if err != nil {
		c.t.Fatalf("ssh %s: %v", n, err)
	}
	defer cl.Close()
	v, errOut, code := run(c.t, cl, "", "verify")
	if code != 0 {
		c.t.Fatalf("verify on %s: %s", n, errOut)
	}
	head = strings.SplitN(v, "\n", 2)[0]
	export, errOut, code = run(c.t, cl, "", "export", "--format", "json")
	if code != 0 {
		c.t.Fatalf("export on %s: %s", n, errOut)
	}
	return head, export
}

// sameRecord waits until the running nodes hold the same record, and
// returns its export.
func (c *clusterLab) sameRecord(nodes ...string) string {
	c.t.Helper()
	var want string
	c.waitUntil("every node to hold the same record", func() bool {
		h0, e0 := c.record(nodes[0])
		for _, n := range nodes[1:] {
			h, e := c.record(n)
			if h != h0 || e != e0 {
				return false
			}
		}
		want = e0
		return true
	})
	return want
}
