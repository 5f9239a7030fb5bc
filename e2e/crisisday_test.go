package e2e

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// buildStatic builds the static binary into a temporary directory, as a
// release does (CGO_ENABLED=0), with the build time recorded.
func buildStatic(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "cellule")
	cmd := exec.Command("go", "build", "-o", bin,
		"-ldflags", "-X cellule/cli.buildTime="+time.Now().UTC().Format(time.RFC3339), ".")
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// lines hands a process's output over line by line.
func lines(r io.Reader) <-chan string {
	ch := make(chan string, 64)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			ch <- sc.Text()
		}
	}()
	return ch
}

// TestCrisisDayFromABinaryToAResponderConnected is the crisis-day path,
// measured: a fresh machine with the binary and the lead's key in ~/.ssh,
// `cellule serve`, the known_hosts line it prints checked by the clients,
// an invite over SSH, the responder enrolled through it, then logged in.
func TestCrisisDayFromABinaryToAResponderConnected(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	buildStart := time.Now()
	bin := buildStatic(t)
	t.Logf("static build: %s", time.Since(buildStart).Round(time.Millisecond))

	leadKey, leadPub := newKey(t)
	home := homeWithKey(t, leadPub)
	data := filepath.Join(t.TempDir(), "cellule-data") // does not exist yet

	start := time.Now()
	serve := exec.Command(bin, "--data", data, "serve", "--listen", "127.0.0.1:0", "--name", "Cyberattack drill")
	serve.Env = append(os.Environ(), "HOME="+home)
	stdout, err := serve.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	serve.Stderr = serve.Stdout
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- serve.Wait() }()
	t.Cleanup(func() {
		_ = serve.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(waitLimit):
			_ = serve.Process.Kill()
			<-exited
		}
	})

	// Wait for the start-up report: the address, then the known_hosts line.
	out := lines(stdout)
	var printed []string
	var addr, knownHosts string
	serving := regexp.MustCompile(`^Cellule is serving ".*" on (\S+)$`)
	deadline := time.After(waitLimit)
	for knownHosts == "" {
		select {
		case l, ok := <-out:
			if !ok {
				t.Fatalf("serve ended:\n%s", strings.Join(printed, "\n"))
			}
			printed = append(printed, l)
			if m := serving.FindStringSubmatch(l); m != nil {
				addr = m[1]
			}
			if len(printed) > 1 && strings.Contains(printed[len(printed)-2], "known_hosts line") {
				knownHosts = strings.TrimSpace(l)
			}
		case <-deadline:
			t.Fatalf("serve printed no known_hosts line:\n%s", strings.Join(printed, "\n"))
		}
	}
	report := strings.Join(printed, "\n")
	if !strings.Contains(report, `enrolled 1 key(s)`) || !regexp.MustCompile(`host key: SHA256:\S+ \(ED25519\)`).MatchString(report) {
		t.Fatalf("the start-up report:\n%s", report)
	}
	// The line handed out is what the clients check the server against.
	_, hosts, hostKey, _, _, err := gossh.ParseKnownHosts([]byte(knownHosts))
	if err != nil || len(hosts) != 1 || hosts[0] != "["+strings.Replace(addr, ":", "]:", 1) {
		t.Fatalf("known_hosts line %q (hosts %v): %v", knownHosts, hosts, err)
	}
	check := gossh.FixedHostKey(hostKey)
	dialChecked := func(user string, k gossh.Signer) *gossh.Client {
		t.Helper()
		c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(k)}, HostKeyCallback: check, Timeout: waitLimit})
		if err != nil {
			t.Fatalf("ssh %s@%s: %v", user, addr, err)
		}
		t.Cleanup(func() { _ = c.Close() })
		return c
	}

	lead := dialChecked("lead", leadKey)
	code := invite(t, lead, "nina", "--role", "responder")

	ninaKey, _ := newKey(t)
	inv := dialChecked("invite", ninaKey)
	sess, err := inv.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	said := &syncBuffer{}
	sess.Stdout, sess.Stderr = said, said
	sess.Stdin = strings.NewReader(code + "\n")
	if err := sess.Run(""); err != nil || !strings.Contains(said.String(), "Welcome, nina") {
		t.Fatalf("the invite: %v\n%s", err, said)
	}
	nina := dialChecked("nina", ninaKey)
	who, _, _ := run(t, nina, "", "whoami")
	elapsed := time.Since(start)
	if who != "nina responder\n" {
		t.Fatalf("nina's whoami: %q", who)
	}
	t.Logf("crisis day: serve on an empty data directory -> responder enrolled by invite and logged in: %s", elapsed.Round(time.Millisecond))

	// The binary says what it is.
	v, err := exec.Command(bin, "version").Output()
	if err != nil || !regexp.MustCompile(`(?m)^  built:\s+\d{4}-\d\d-\d\dT`).Match(v) || !strings.Contains(string(v), "go:           go1.") {
		t.Errorf("version: %v\n%s", err, v)
	}
}
