package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"cellule/regional"
)

// hubWait bounds what waits for the region: a source that failed while
// its establishment was away is retried by JetStream after seconds.
const hubWait = 60 * time.Second

// regionLab is a hub and its establishments, each a `cellule serve`
// process on 127.0.0.1 with its own directory; one lead key opens all.
type regionLab struct {
	t       *testing.T
	bin     string
	leadKey gossh.Signer
	home    string
	leaf    string // the hub's leaf address, kept across its restarts
	procs   map[string]*nodeProc
}

func newRegionLab(t *testing.T, ests ...string) *regionLab {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and starts a hub and its establishments")
	}
	r := &regionLab{t: t, bin: buildStatic(t), procs: map[string]*nodeProc{}, leaf: freePort(t)}
	var pub string
	r.leadKey, pub = newKey(t)
	r.home = homeWithKey(t, pub)
	root := t.TempDir()
	args := []string{"hub", "init", "occitanie", "--out", root, "--establishments"}
	list := ""
	for i, e := range ests {
		if i > 0 {
			list += ","
		}
		list += e
	}
	if b, err := exec.Command(r.bin, append(args, list)...).CombinedOutput(); err != nil {
		t.Fatalf("hub init: %v\n%s", err, b)
	}
	r.procs["hub"] = &nodeProc{name: "hub", dir: filepath.Join(root, "hub")}
	for _, e := range ests {
		r.procs[e] = &nodeProc{name: e, dir: filepath.Join(root, e)}
	}
	t.Cleanup(func() {
		for n := range r.procs {
			r.kill(n)
		}
	})
	return r
}

// start starts n ("hub" or an establishment, with serve's extra args)
// and waits until it serves SSH.
func (r *regionLab) start(n string, extra ...string) {
	t := r.t
	t.Helper()
	p := r.procs[n]
	args := []string{"--data", p.dir, "serve", "--listen", "127.0.0.1:0", "--name", "Crisis at " + n}
	if n == "hub" {
		args = append(args, "--hub", "--hub-listen", r.leaf)
	} else {
		args = append(args, "--hub-url", r.leaf)
	}
	p.out = &syncBuffer{}
	p.cmd = exec.Command(r.bin, append(args, extra...)...)
	p.cmd.Env = append(os.Environ(), "HOME="+r.home, "TZ=UTC")
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p.exited = make(chan error, 1)
	go func(cmd *exec.Cmd, ch chan error) { ch <- cmd.Wait() }(p.cmd, p.exited)
	deadline := time.Now().Add(hubWait)
	for time.Now().Before(deadline) {
		if m := servingLine.FindStringSubmatch(p.out.String()); m != nil {
			p.addr = m[1]
			return
		}
		select {
		case err := <-p.exited:
			p.cmd = nil
			t.Fatalf("%s exited: %v\n%s", n, err, p.out)
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("%s did not serve\n%s", n, p.out)
}

// kill SIGKILLs n.
func (r *regionLab) kill(n string) {
	p := r.procs[n]
	if p == nil || p.cmd == nil {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.exited
	p.cmd = nil
}

// ssh runs one command on n as the lead.
func (r *regionLab) ssh(n string, stdin string, args ...string) (string, string, int) {
	r.t.Helper()
	cl := connect(r.t, r.procs[n].addr, r.leadKey)
	defer cl.Close()
	return run(r.t, cl, stdin, args...)
}

// list is `hub list --json` on the hub, over SSH.
func (r *regionLab) list() map[string]regional.Establishment {
	r.t.Helper()
	out, errOut, code := r.ssh("hub", "", "hub", "list", "--json")
	if code != 0 {
		r.t.Fatalf("hub list: %s", errOut)
	}
	var s regional.HubStatus
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		r.t.Fatalf("hub list --json: %v\n%s", err, out)
	}
	m := map[string]regional.Establishment{}
	for _, e := range s.Establishments {
		m[e.Name] = *e
	}
	return m
}

var verifyHead = regexp.MustCompile(`chain up to #(\d+) sha256:([0-9a-f]+)`)

// head is establishment n's own audit head, from its verify.
func (r *regionLab) head(n string) (uint64, string) {
	r.t.Helper()
	out, errOut, code := r.ssh(n, "", "verify")
	m := verifyHead.FindStringSubmatch(out)
	if code != 0 || m == nil {
		r.t.Fatalf("verify on %s: %s%s", n, out, errOut)
	}
	seq, _ := strconv.ParseUint(m[1], 10, 64)
	return seq, m[2]
}

// waitArrived waits until the hub holds n's chain up to its own head,
// checked, and returns what the hub says of n.
func (r *regionLab) waitArrived(n string) regional.Establishment {
	r.t.Helper()
	seq, hash := r.head(n)
	deadline := time.Now().Add(hubWait)
	for {
		e := r.list()[n]
		if e.Problem != "" {
			r.t.Fatalf("the hub refused %s's chain: %s", n, e.Problem)
		}
		if e.HeadSeq == seq {
			if e.HeadHash != hash {
				r.t.Fatalf("the hub holds %s's record %d as %s, the establishment as %s", n, seq, e.HeadHash, hash)
			}
			return e
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("waited %s for %s's chain (head %d) at the hub: it holds %d\nhub:\n%s\n%s:\n%s", hubWait, n, seq, e.HeadSeq, r.procs["hub"].out, n, r.procs[n].out)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
