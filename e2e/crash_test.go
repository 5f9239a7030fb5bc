package e2e

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
	"cellule/store"
)

// longMode runs the long versions of the fault tests: CELLULE_LONG=1.
func longMode() bool { return os.Getenv("CELLULE_LONG") == "1" }

// buildCellule builds the real binary once per test run.
var buildCellule = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "cellule-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "cellule")
	cmd := exec.Command("go", "build", "-o", bin, "cellule")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// serveProcess starts `cellule serve` as a process and waits until it
// listens; it returns the process and its address.
// wrap, if given, is a command line that runs the server (e.g. under a
// shell's ulimit).
func serveProcess(t *testing.T, bin, dir, home string, wrap ...string) (*exec.Cmd, string) {
	t.Helper()
	addrFile := filepath.Join(dir, "serve.addr")
	_ = os.Remove(addrFile) // a killed server leaves it behind
	args := append(wrap, bin, "serve", "--data", dir, "--listen", "127.0.0.1:0")
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), "HOME="+home)
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(waitLimit)
	for {
		if b, err := os.ReadFile(addrFile); err == nil && strings.HasSuffix(string(b), "\n") {
			return cmd, strings.TrimSpace(string(b))
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("cellule serve did not start:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestAcknowledgedEntriesSurviveSIGKILL(t *testing.T) {
	cycles := 3
	if longMode() {
		cycles = 25
	}
	bin, err := buildCellule()
	if err != nil {
		t.Fatal(err)
	}
	leadKey, leadPub := newKey(t)
	home := homeWithKey(t, leadPub)
	dir := t.TempDir()
	acked := map[string]bool{}
	var mu sync.Mutex
	for cycle := range cycles {
		cmd, addr := serveProcess(t, bin, dir, home)
		c, err := dial(addr, gossh.PublicKeys(leadKey))
		if err != nil {
			_ = cmd.Process.Kill()
			t.Fatalf("cycle %d: ssh: %v", cycle, err)
		}
		// Two writers log as fast as they can until the connection dies.
		var wg sync.WaitGroup
		for w := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					text := fmt.Sprintf("cycle %d writer %d entry %d", cycle, w, i)
					sess, err := c.NewSession()
					if err != nil {
						return
					}
					out, err := sess.Output("log '" + text + "'")
					sess.Close()
					if err != nil {
						return // unacknowledged: it may or may not be there
					}
					// Acknowledged: exit 0 and the new entry's id printed.
					if _, err := strconv.ParseUint(strings.TrimSpace(string(out)), 10, 64); err == nil {
						mu.Lock()
						acked[text] = true
						mu.Unlock()
					}
				}
			}()
		}
		// Kill at a random moment: the point is to land inside commits.
		time.Sleep(time.Duration(50+rand.IntN(400)) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		c.Close()
		wg.Wait()

		// The file passes bbolt's page check and the audit chain, and holds
		// every acknowledged entry.
		path := filepath.Join(dir, "cellule.db")
		rc, err := store.CheckFile(path)
		if err != nil {
			t.Fatalf("cycle %d: after SIGKILL the database does not check out: %v", cycle, err)
		}
		db, err := store.Open(path)
		if err != nil {
			t.Fatalf("cycle %d: reopen: %v", cycle, err)
		}
		found := map[string]bool{}
		err = crisis.NewService(db).EachEntry(func(e crisis.Entry) error { found[e.Text] = true; return nil })
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		for text := range acked {
			if !found[text] {
				t.Errorf("cycle %d: acknowledged entry %q is lost", cycle, text)
			}
		}
		n := len(acked)
		mu.Unlock()
		t.Logf("cycle %d: %d acknowledged so far, %d entries, %d audit records", cycle, n, rc.Entries, rc.AuditRecords)
	}
	if len(acked) == 0 {
		t.Fatal("no write was acknowledged: the test proved nothing")
	}
}
