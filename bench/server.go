package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// buildBinary builds the cellule binary into dir, so that the server runs as
// its own process (its RSS and CPU are then its own, not the harness's).
func buildBinary(dir string) (string, error) {
	out := filepath.Join(dir, "cellule")
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build (run the harness from the module's root): %w", err)
	}
	return out, nil
}

// server is a `cellule serve` subprocess on a loopback port.
type server struct {
	cmd  *exec.Cmd
	pid  int
	addr string
	// ready is how long after the process started it accepted a
	// connection.
	ready time.Duration
	// profiles is the server's profile directory ("" when off), and
	// taken how many profiles it has written there.
	profiles string
	taken    int
	heaps    int
	output   *lockedBuffer
	exited   chan error
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var servingLine = regexp.MustCompile(`Cellule is serving .* on (\S+)`)

// startServer runs `cellule serve` on dataDir and waits until it accepts TCP
// connections. profileDir, when set, arms the server's CPU profiles
// (CELLULE_PROFILE_DIR: SIGUSR1 starts one, the next writes it there).
func startServer(bin, dataDir, profileDir string, extra ...string) (*server, error) {
	cmd := exec.Command(bin, append([]string{"serve", "--data", dataDir, "--listen", "127.0.0.1:0", "--tz", "UTC"}, extra...)...)
	// A home without ~/.ssh: the harness registers its own users.
	cmd.Env = append(os.Environ(), "HOME="+dataDir, "CELLULE_DATA=")
	if profileDir != "" {
		cmd.Env = append(cmd.Env, "CELLULE_PROFILE_DIR="+profileDir)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	out := &lockedBuffer{}
	cmd.Stderr = out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, pid: cmd.Process.Pid, output: out, exited: make(chan error, 1), profiles: profileDir}
	addrc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		sent := false
		for sc.Scan() {
			line := sc.Text()
			out.Write([]byte(line + "\n"))
			if m := servingLine.FindStringSubmatch(line); m != nil && !sent {
				addrc <- m[1]
				sent = true
			}
		}
	}()
	go func() { s.exited <- cmd.Wait() }()
	select {
	case s.addr = <-addrc:
	case err := <-s.exited:
		return nil, fmt.Errorf("the server stopped: %v\n%s", err, out)
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("the server did not start within a minute\n%s", out)
	}
	for {
		c, err := net.DialTimeout("tcp", s.addr, time.Second)
		if err == nil {
			s.ready = time.Since(start)
			_ = c.Close()
			return s, nil
		}
		if time.Since(start) > 60*time.Second {
			s.stop()
			return nil, fmt.Errorf("the server does not accept connections on %s", s.addr)
		}
		time.Sleep(time.Millisecond)
	}
}

// stop asks the server to shut down (as Ctrl+C does) and waits for it.
func (s *server) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.exited:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
}

func (s *server) cpu() time.Duration {
	d, _ := cpuTime(s.pid)
	return d
}

func (s *server) mem() memory {
	m, _ := memOf(s.pid)
	return m
}

// cpuProfile records the server's CPU profile while fn runs, into file:
// one SIGUSR1 before, one after, then the profile the server numbered.
func (s *server) cpuProfile(file string, seconds int, fn func()) error {
	_ = seconds // the profile lasts exactly as long as fn
	if s.profiles == "" {
		fn()
		return nil
	}
	if err := s.cmd.Process.Signal(syscall.SIGUSR1); err != nil {
		return err
	}
	fn()
	if err := s.cmd.Process.Signal(syscall.SIGUSR1); err != nil {
		return err
	}
	s.taken++
	written := filepath.Join(s.profiles, fmt.Sprintf("cpu-%03d.pprof", s.taken))
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := os.Stat(written); err == nil {
			return os.Rename(written, file)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the server wrote no profile %s", written)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// heapProfile has the server write its live heap (SIGUSR2) and moves the
// profile to file.
func (s *server) heapProfile(file string) error {
	if s.profiles == "" {
		return nil
	}
	if err := s.cmd.Process.Signal(syscall.SIGUSR2); err != nil {
		return err
	}
	s.heaps++
	written := filepath.Join(s.profiles, fmt.Sprintf("heap-%03d.pprof", s.heaps))
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := os.Stat(written); err == nil {
			// The runtime's own figures, written just before the profile.
			mem := filepath.Join(s.profiles, fmt.Sprintf("mem-%03d.txt", s.heaps))
			if _, err := os.Stat(mem); err == nil {
				_ = os.Rename(mem, strings.TrimSuffix(file, ".pprof")+".mem.txt")
			}
			gs := filepath.Join(s.profiles, fmt.Sprintf("goroutines-%03d.txt", s.heaps))
			if _, err := os.Stat(gs); err == nil {
				_ = os.Rename(gs, strings.TrimSuffix(file, ".pprof")+".goroutines.txt")
			}
			return os.Rename(written, file)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the server wrote no heap profile %s", written)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// sessionCap is the `serve` flags that let n consoles and the harness's
// own commands in: the server caps the sessions open at once (500 by
// default, some of them kept for leads), and at N = 500 the `log` commands
// would be refused. Builds without the flags have no such cap.
func sessionCap(bin string, n int) []string {
	out, _ := exec.Command(bin, "serve", "--help").Output()
	if !strings.Contains(string(out), "--max-sessions") {
		return nil
	}
	flags := []string{"--max-sessions", strconv.Itoa(n + 16)}
	if strings.Contains(string(out), "--lead-reserve") {
		// The consoles are responders': none of the places kept for
		// leads.
		flags = append(flags, "--lead-reserve", "0")
	}
	return flags
}

// hasCommand reports whether the binary's command tree has a command name,
// from the list its help shows.
func hasCommand(bin, name string) bool {
	out, _ := exec.Command(bin, "--help").Output()
	return commandListed(string(out), name)
}

// commandListed finds name among the "Available Commands:" of cobra's help:
// the indented lines after that heading, up to the next blank line.
func commandListed(help, name string) bool {
	_, list, ok := strings.Cut(help, "Available Commands:\n")
	if !ok {
		return false
	}
	for _, line := range strings.Split(list, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || !strings.HasPrefix(line, "  ") {
			return false
		}
		if f[0] == name {
			return true
		}
	}
	return false
}

// runCLI runs the binary on a stopped data directory and measures its time
// and its peak memory. unknown is set when the command does not exist in
// this build.
func runCLI(bin, dataDir string, args ...string) (took time.Duration, peak memory, unknown bool, err error) {
	if !hasCommand(bin, args[0]) {
		return 0, memory{}, true, nil
	}
	cmd := exec.Command(bin, append(args, "--data", dataDir)...)
	cmd.Env = append(os.Environ(), "HOME="+dataDir, "CELLULE_DATA=")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, memory{}, false, err
	}
	sampler := samplePeak(cmd.Process.Pid)
	err = cmd.Wait()
	took = time.Since(start)
	peak = sampler.finish()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peak.RSS = max(peak.RSS, ru.Maxrss*1024)
	}
	if err != nil {
		return took, peak, false, fmt.Errorf("%s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return took, peak, false, nil
}
