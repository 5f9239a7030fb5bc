package app_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	gossh "golang.org/x/crypto/ssh"

	"cellule/app"
	"cellule/cli"
	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/store"
)

// liveRecord makes a database as the app does: the demo crisis, open,
// with a lead (alice) and enough long entries that the logbook and the
// audit trail span many leaf pages and a branch page.
func liveRecord(t *testing.T) []byte {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "cellule.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	svc := crisis.NewService(db)
	host := crisis.LocalActor("test")
	if _, err := svc.Open(host, ""); err != nil {
		t.Fatal(err)
	}
	if err := svc.LoadDemo(host); err != nil {
		t.Fatal(err)
	}
	lead := crisistest.Register(t, svc, "alice", crisis.RoleLead)
	for i := range 60 {
		if _, err := svc.Log(lead, crisis.Draft{Text: fmt.Sprintf("Round %d of the server room: ", i) + strings.Repeat("racks checked, ", 60)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type pageFlip struct {
	page     int
	typ      string
	offset   int // within the page
	bit      uint
	pageSize int
}

func (f pageFlip) String() string {
	return fmt.Sprintf("%s page %d, byte %d, bit %d", f.typ, f.page, f.offset, f.bit)
}

// flipsIn draws n single-bit flips, with a fixed seed, in the branch and
// leaf pages in use (bbolt's page headers tell which), in the part of the
// page bbolt reads its structure from: the header and the element array.
func flipsIn(t *testing.T, file []byte, n int) []pageFlip {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pristine.db")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var pages []pageFlip
	branches := 0
	err = db.View(func(tx *bolt.Tx) error {
		ps := db.Info().PageSize
		for id := 2; ; id++ {
			info, err := tx.Page(id)
			if err != nil || info == nil {
				return err
			}
			if info.Type == "branch" || info.Type == "leaf" {
				branches += map[bool]int{true: 1}[info.Type == "branch"]
				pages = append(pages, pageFlip{page: id, typ: info.Type, offset: 16 + 16*info.Count, pageSize: ps})
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if branches == 0 || len(pages) < 20 {
		t.Fatalf("the record spans %d pages, %d of them branches: too few to sample", len(pages), branches)
	}
	rng := rand.New(rand.NewPCG(2026, 12))
	flips := make([]pageFlip, n)
	for i := range flips {
		p := pages[rng.IntN(len(pages))]
		p.offset, p.bit = rng.IntN(p.offset), uint(rng.IntN(8))
		flips[i] = p
	}
	return flips
}

func (f pageFlip) apply(file []byte) []byte {
	b := bytes.Clone(file)
	b[f.page*f.pageSize+f.offset] ^= 1 << f.bit
	return b
}

// serveOutcome starts serve on dir and reports whether it came up (then
// stops it) or what it said refusing to.
func serveOutcome(t *testing.T, dir string, readOnly bool) (started bool, said string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out syncBuffer
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- app.Serve(ctx, cli.ServeOptions{DataDir: dir, Listen: "127.0.0.1:0", ReadOnly: readOnly}, app.Hooks{
			Out: &out, Home: t.TempDir(), Ready: func(a string) { ready <- a },
		})
	}()
	select {
	case <-ready:
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve stopped with an error: %v", err)
		}
		return true, out.String()
	case err := <-done:
		if err == nil {
			t.Fatal("serve ended without an error before it was ready")
		}
		return false, err.Error()
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func noStack(s string) bool {
	return !strings.Contains(s, "goroutine") && !strings.Contains(s, "panic") && !strings.Contains(s, ".go:")
}

// Item: single-bit flips in the branch and leaf pages of a real database.
// verify never prints a Go stack: it exits 0 (the flip changed nothing bbolt
// reads) or 1 with a sentence; where the sentence names a damaged page,
// serve refuses the file with that sentence, and --read-only serves it.
func TestDamagedPagesAreNamedNotPanicked(t *testing.T) {
	file := liveRecord(t)
	flips := flipsIn(t, file, 120)
	damaged, refused, readOnly := 0, 0, 0
	for _, f := range flips {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "cellule.db"), f.apply(file), 0o600); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := cellule(t, dir, "verify")
		switch {
		case !noStack(out + errOut):
			t.Fatalf("%s: verify printed a Go stack:\n%s", f, errOut)
		case code == 0:
			continue
		case code != 1 || !strings.HasPrefix(errOut, "cellule: "):
			t.Fatalf("%s: verify exited %d: %q", f, code, errOut)
		case !strings.Contains(errOut, "is damaged"):
			continue // a record altered, named by the audit trail
		}
		damaged++
		if !strings.Contains(errOut, "page ") {
			t.Errorf("%s: verify does not name the page: %q", f, errOut)
		}
		started, said := serveOutcome(t, dir, false)
		if started {
			t.Errorf("%s: serve started on a file verify calls damaged (%q)", f, errOut)
			continue
		}
		if !strings.Contains(said, "damaged") || !strings.Contains(said, "--read-only") || !noStack(said) {
			t.Errorf("%s: serve refused with %q", f, said)
		}
		refused++
		if started, said := serveOutcome(t, dir, true); started {
			readOnly++
			if !strings.Contains(said, "read-only") {
				t.Errorf("%s: serve --read-only does not say it is: %q", f, said)
			}
		} else if !strings.Contains(said, "damaged") || !noStack(said) {
			t.Errorf("%s: serve --read-only refused with %q", f, said)
		}
	}
	t.Logf("%d flips: %d named as damaged pages, serve refused %d, served %d read-only", len(flips), damaged, refused, readOnly)
	if damaged < 40 || readOnly == 0 {
		t.Fatalf("only %d of %d flips damaged a page (%d served read-only): the sample no longer reaches the structure", damaged, len(flips), readOnly)
	}
}

// Item: serve --read-only on a file damaged in the audit trail: a lead
// logs in, reads the timeline (which does not need the damaged page), and
// every write is refused with a sentence that says why.
func TestReadOnlyServesWhatCanBeRead(t *testing.T) {
	file := liveRecord(t)
	dir := ""
	for _, f := range flipsIn(t, file, 240) {
		d := t.TempDir()
		if err := os.WriteFile(filepath.Join(d, "cellule.db"), f.apply(file), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, errOut, _ := cellule(t, d, "verify"); strings.Contains(errOut, "(records of audit)") && strings.Contains(errOut, "it says it is page") {
			dir = d
			break
		}
	}
	if dir == "" {
		t.Fatal("no flip of the sample damaged an audit page's header")
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- app.Serve(ctx, cli.ServeOptions{DataDir: dir, Listen: "127.0.0.1:0", ReadOnly: true}, app.Hooks{
			Out: &out, Home: t.TempDir(), Ready: func(a string) { ready <- a },
		})
	}()
	t.Cleanup(func() { cancel(); <-done })
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve --read-only did not start: %v", err)
	case <-time.After(15 * time.Second):
		t.Fatal("serve --read-only did not start")
	}
	if !strings.Contains(out.String(), "damaged") || !strings.Contains(out.String(), "read-only") {
		t.Errorf("serve --read-only's start-up report: %q", out.String())
	}
	signer, _ := crisistest.Key("alice")
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "alice", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)}, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 15 * time.Second})
	if err != nil {
		t.Fatalf("a lead cannot log in: %v", err)
	}
	defer c.Close()
	exec := func(line string) (string, string, int) {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		defer sess.Close()
		var o, e bytes.Buffer
		sess.Stdout, sess.Stderr = &o, &e
		err = sess.Run(line)
		var exit *gossh.ExitError
		code := 0
		if err != nil {
			if !asExit(err, &exit) {
				t.Fatalf("ssh %s: %v", line, err)
			}
			code = exit.ExitStatus()
		}
		return o.String(), e.String(), code
	}
	if tl, e, code := exec("timeline"); code != 0 || !strings.Contains(tl, "Round 59 of the server room") {
		t.Errorf("timeline on the read-only record: exit %d %q\n%s", code, e, tl)
	}
	for _, w := range []string{"log 'one more round'", "task add 'Call the CERT'", "takeaway add 'Keep backups offline'", "handover 'Night shift'"} {
		_, e, code := exec(w)
		if code != 1 || !strings.Contains(e, "read-only") || strings.Contains(e, "internal error") {
			t.Errorf("%s on the read-only record: exit %d %q", w, code, e)
		}
	}
	if _, e, code := exec("verify"); code != 1 || !strings.Contains(e, "(records of audit)") || strings.Contains(e, "internal error") {
		t.Errorf("verify over SSH on the damaged record: exit %d %q", code, e)
	}
	if tl, _, _ := exec("timeline"); strings.Contains(tl, "one more round") {
		t.Error("a refused write shows in the timeline")
	}
}

func asExit(err error, target **gossh.ExitError) bool {
	e, ok := err.(*gossh.ExitError)
	if ok {
		*target = e
	}
	return ok
}

// Item: a large file is served while its pages are checked (so that it is
// ready as fast as a small one); damage found then stops the server with
// its sentence, and no write waiting behind the check is committed.
func TestServeStopsWhenTheLateCheckFindsDamage(t *testing.T) {
	file := liveRecord(t)
	for _, f := range flipsIn(t, file, 60) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "cellule.db"), f.apply(file), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, errOut, _ := cellule(t, dir, "verify"); !strings.Contains(errOut, "database file is damaged") {
			continue
		}
		var out syncBuffer
		err := app.Serve(context.Background(), cli.ServeOptions{DataDir: dir, Listen: "127.0.0.1:0"}, app.Hooks{
			Out: &out, Home: t.TempDir(), StructureWait: time.Nanosecond,
		})
		if err == nil || !strings.Contains(err.Error(), "damaged") || !strings.Contains(err.Error(), "--read-only") {
			t.Fatalf("%s: serve with a late check ended with %v\n%s", f, err, out.String())
		}
		if !strings.Contains(out.String(), "checking every page") {
			t.Logf("%s: the check ended before serving started", f)
		}
		return
	}
	t.Fatal("no flip of the sample damaged a page")
}
