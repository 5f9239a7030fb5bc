package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
	"cellule/store"
)

// TestAFullDiskRefusesWritesAndKeepsServingReads runs the real server with
// a file size limit (RLIMIT_FSIZE, set by the shell's ulimit -f): once the
// database needs to grow past it, the kernel refuses the write (EFBIG), as
// a full disk refuses it with ENOSPC. No root, no special file system.
func TestAFullDiskRefusesWritesAndKeepsServingReads(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("needs bash for ulimit -f")
	}
	bin, err := buildCellule()
	if err != nil {
		t.Fatal(err)
	}
	leadKey, leadPub := newKey(t)
	home := homeWithKey(t, leadPub)
	dir := t.TempDir()
	// A first start creates the database and enrols the lead.
	cmd, _ := serveProcess(t, bin, dir, home)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	path := filepath.Join(dir, "cellule.db")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	// Room for the file to grow a little, in bash's 1024-byte blocks.
	limitKB := fi.Size()/1024 + 256
	cmd, addr := serveProcess(t, bin, dir, home, bash, "-c", fmt.Sprintf(`ulimit -f %d && exec "$@"`, limitKB), "cellule-under-ulimit")
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	c, err := dial(addr, gossh.PublicKeys(leadKey))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	var saved []string
	var refusal string
	for i := 0; i < 1000 && refusal == ""; i++ {
		text := fmt.Sprintf("entry %d %s", i, strings.Repeat("x", 4000))
		_, errOut, code := run(t, c, "", "log", text)
		switch code {
		case 0:
			saved = append(saved, text)
		default:
			refusal = errOut
		}
	}
	if refusal == "" {
		t.Fatalf("the file never reached the limit of %d KB", limitKB)
	}
	if !strings.Contains(refusal, "NOT SAVED") {
		t.Errorf("the refused write told the user %q", refusal)
	}
	// Reads go on, with everything saved before.
	out, errOut, code := run(t, c, "", "timeline", "--json")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("entry %d ", len(saved)-1)) {
		t.Errorf("timeline after the refusal: exit %d %q", code, errOut)
	}
	if out, _, code := run(t, c, "", "whoami"); code != 0 || out == "" {
		t.Error("whoami after the refusal failed")
	}

	// Nothing half-written: the file checks out, every acknowledged entry
	// is there, the refused one is not.
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	if _, err := store.CheckFile(path); err != nil {
		t.Fatalf("after the failed write the database does not check out: %v", err)
	}
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	found := map[string]bool{}
	_ = crisis.NewService(db).EachEntry(func(e crisis.Entry) error { found[e.Text] = true; return nil })
	for _, text := range saved {
		if !found[text] {
			t.Errorf("acknowledged entry %.10q is lost", text)
		}
	}
	if len(found) != len(saved) {
		t.Errorf("%d entries in the file, %d acknowledged: the refused write left something", len(found), len(saved))
	}
	t.Logf("%d entries saved under a %d KB limit, then: %s", len(saved), limitKB, strings.TrimSpace(refusal))
}
