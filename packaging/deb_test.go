package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// The Debian package, for real: built from a static binary, installed
// with dpkg into this machine, it puts the binary and the unit in place
// and creates the cellule system user; the unit's own command line, run
// as that user with the unit's environment, serves a lead who connects
// over SSH; and a purge takes the binary and the unit away. systemd does
// not run in CI, so the test starts ExecStart itself.
//
// It installs into the real system rather than a dpkg --root tree: the
// postinst's adduser and the service's user must be the real ones for the
// server to run as that user, and a --root tree would need a whole Debian
// inside it. So it runs only as root with dpkg (CI, which is root on
// Debian), and skips, saying so, elsewhere.
func TestDebianPackageInstallsAndServes(t *testing.T) {
	// .ci/run sets CELLULE_REQUIRE_DEB where it is root with dpkg: there a
	// skip would hide a broken package, so it fails instead.
	skip := t.Skip
	if os.Getenv("CELLULE_REQUIRE_DEB") != "" {
		skip = t.Fatal
	}
	switch _, dpkg := exec.LookPath("dpkg"); {
	case runtime.GOOS != "linux":
		skip("SKIPPED: the Debian package test runs on Linux only")
	case os.Geteuid() != 0:
		skip("SKIPPED: the Debian package test installs with dpkg and needs root (CI runs it as root)")
	case dpkg != nil:
		skip("SKIPPED: no dpkg on this machine: the Debian package test needs Debian")
	}
	if out, err := exec.Command("dpkg-query", "-W", "-f=${Status}", "cellule").Output(); err == nil && strings.Contains(string(out), "installed") {
		// Someone's real installation: leave it, except on a CI machine,
		// which a stopped run of this test may have left it on.
		if os.Getenv("CI") == "" {
			t.Skip("SKIPPED: a cellule package is installed on this machine; the test will not replace it (dpkg -P cellule to run it)")
		}
		sh(t, "dpkg", "-P", "cellule")
	}
	_, hadUser := user.Lookup("cellule")
	_, hadDir := os.Stat("/var/lib/cellule")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	// Build the static binary and the package from it, as build.sh does.
	dir := t.TempDir()
	bin := filepath.Join(dir, "cellule")
	build := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, ".")
	build.Dir = ".." // the cellule module, of which this one is apart
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	deb, err := Build(Deb{Binary: bin, Arch: runtime.GOARCH, Version: "0.0.0+test", MTime: time.Unix(0, 0)}, dir)
	if err != nil {
		t.Fatal(err)
	}

	sh(t, "dpkg", "-i", deb)
	t.Cleanup(func() {
		exec.Command("dpkg", "-P", "cellule").Run()
		if hadUser != nil {
			exec.Command("userdel", "cellule").Run()
		}
		if hadDir != nil {
			os.RemoveAll("/var/lib/cellule")
		}
	})

	// Files and user in place.
	if status := sh(t, "dpkg-query", "-W", "-f=${Status}", "cellule"); status != "install ok installed" {
		t.Fatalf("dpkg says the package is %q", status)
	}
	want, _ := os.ReadFile(bin)
	if got, err := os.ReadFile(BinaryPath); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("%s is not the binary packaged (%v)", BinaryPath, err)
	}
	if fi, err := os.Stat(BinaryPath); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("%s: %v %v", BinaryPath, fi.Mode(), err)
	}
	if got, err := os.ReadFile(UnitPath); err != nil || !bytes.Equal(got, unit) {
		t.Fatalf("%s is not packaging/cellule.service (%v)", UnitPath, err)
	}
	u, err := user.Lookup("cellule")
	if err != nil {
		t.Fatalf("the package created no cellule user: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if uid == 0 || uid >= 1000 || u.HomeDir != "/var/lib/cellule" {
		t.Errorf("the cellule user is not a system user living in /var/lib/cellule: uid %d, home %s", uid, u.HomeDir)
	}
	if passwd := sh(t, "getent", "passwd", "cellule"); !strings.HasSuffix(passwd, "nologin") {
		t.Errorf("the cellule user can log in: %s", passwd)
	}
	fi, err := os.Stat("/var/lib/cellule")
	if err != nil || fi.Mode().Perm() != 0o700 || fi.Sys().(*syscall.Stat_t).Uid != uint32(uid) {
		t.Fatalf("/var/lib/cellule is not the cellule user's, mode 0700: %v %v", fi, err)
	}

	// systemd reads the unit without a complaint, and rates its exposure
	// "OK": under 3.0 on its scale of 10 (1.5 when written; --threshold
	// counts tenths).
	if _, err := exec.LookPath("systemd-analyze"); err == nil {
		if out := sh(t, "systemd-analyze", "verify", UnitPath); out != "" {
			t.Errorf("systemd-analyze verify: %s", out)
		}
		if out, err := exec.Command("systemd-analyze", "security", "--offline=yes", "--threshold=30", UnitPath).CombinedOutput(); err != nil {
			t.Errorf("the unit's exposure is over 3: %v\n%s", err, out)
		}
	} else {
		t.Log("no systemd-analyze here: the unit's syntax and exposure are not checked")
	}

	// The unit as systemd would run it.
	svc := readUnit(t, UnitPath)
	for key, want := range map[string]string{"User": "cellule", "NoNewPrivileges": "yes", "ProtectSystem": "strict", "PrivateTmp": "yes",
		"ProtectHome": "yes", "StateDirectory": "cellule", "Restart": "on-failure", "WorkingDirectory": "/var/lib/cellule"} {
		if got := svc[key]; len(got) == 0 || got[len(got)-1] != want {
			t.Errorf("the unit's %s is %v, want %s", key, got, want)
		}
	}
	env := map[string]string{}
	for _, e := range svc["Environment"] {
		k, v, _ := strings.Cut(e, "=")
		env[k] = v
	}
	// A drop-in would set the address; the test takes a free port.
	env["CELLULE_LISTEN"] = freeAddr(t)
	argv := strings.Fields(os.Expand(svc["ExecStart"][0], func(k string) string { return env[k] }))
	if argv[0] != BinaryPath || !strings.Contains(svc["ExecStart"][0], "--data /var/lib/cellule") {
		t.Fatalf("ExecStart runs %q", svc["ExecStart"][0])
	}

	// The first lead's key, put where the unit's comment says.
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	keys := filepath.Join(env["HOME"], ".ssh")
	if err := os.MkdirAll(keys, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(keys, "lead.pub"), gossh.MarshalAuthorizedKey(signer.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{keys, filepath.Join(keys, "lead.pub")} {
		if err := os.Chown(p, uid, gid); err != nil {
			t.Fatal(err)
		}
	}

	logFile, err := os.Create(filepath.Join(dir, "serve.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	srv := exec.CommandContext(ctx, argv[0], argv[1:]...)
	srv.Dir = svc["WorkingDirectory"][0]
	srv.Env = []string{"PATH=/usr/bin:/bin"}
	for k, v := range env {
		srv.Env = append(srv.Env, k+"="+v)
	}
	srv.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
	srv.Stdout, srv.Stderr = logFile, logFile
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { srv.Wait(); close(exited) }()
	stop := func() {
		srv.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			srv.Process.Kill()
			<-exited
		}
	}
	defer stop()
	log := func() string { b, _ := os.ReadFile(logFile.Name()); return string(b) }

	client := dialUntil(t, env["CELLULE_LISTEN"], signer, exited, log)
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	who, err := sess.Output("whoami")
	client.Close()
	if err != nil || strings.TrimSpace(string(who)) != "cellule lead" {
		t.Fatalf("whoami over SSH: %q %v\n%s", who, err, log())
	}
	stop()
	if db, err := os.Stat("/var/lib/cellule/cellule.db"); err != nil || db.Sys().(*syscall.Stat_t).Uid != uint32(uid) {
		t.Errorf("the record is not in /var/lib/cellule, owned by cellule: %v", err)
	}

	// A purge takes the package's files away and keeps the record.
	sh(t, "dpkg", "-P", "cellule")
	for _, p := range []string{BinaryPath, UnitPath} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is still there after dpkg -P: %v", p, err)
		}
	}
	if _, err := os.Stat("/var/lib/cellule/cellule.db"); err != nil {
		t.Errorf("the purge removed the record: %v", err)
	}
}

// sh runs a command that must succeed and returns its output, trimmed.
func sh(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// readUnit reads a unit file's [Service] settings, each key's values in
// order (Environment= comes several times).
func readUnit(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			section = line
		case section == "[Service]":
			k, v, _ := strings.Cut(line, "=")
			out[k] = append(out[k], v)
		}
	}
	return out
}

// freeAddr is a loopback address with a port free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// dialUntil connects as soon as the server listens, and fails at once if
// it exits first.
func dialUntil(t *testing.T, addr string, signer gossh.Signer, exited <-chan struct{}, log func() string) *gossh.Client {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "cellule", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
		if err == nil {
			return c
		}
		select {
		case <-exited:
			t.Fatalf("the service exited before it served:\n%s", log())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("the service never listened on %s: %v\n%s", addr, err, log())
		}
	}
}
