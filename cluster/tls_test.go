package cluster

import (
	"bufio"
	"crypto/tls"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cellule/store"
)

// freeAddr is a loopback address free when asked.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// TestRoutesTakeOnlyTheClustersOwnCertificates: a node's route port
// speaks TLS only, and completes it only with a certificate from its own
// cluster's CA: a machine with another cluster's (or none) cannot join.
func TestRoutesTakeOnlyTheClustersOwnCertificates(t *testing.T) {
	root := t.TempDir()
	nodes := []string{"a", "b", "c"}
	ours := map[string]string{}
	theirs := map[string]string{}
	for _, n := range nodes {
		ours[n] = filepath.Join(root, "ours", n)
		theirs[n] = filepath.Join(root, "theirs", n)
	}
	if err := WriteCredentials("drill", nodes, ours); err != nil {
		t.Fatal(err)
	}
	if err := WriteCredentials("drill", nodes, theirs); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(filepath.Join(ours["a"], "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	routes := freeAddr(t)
	n, err := Start(Config{DataDir: ours["a"], Listen: routes, Peers: []string{freeAddr(t), freeAddr(t)}}, db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()

	dialRoute := func(dir string) error {
		conn, err := net.DialTimeout("tcp", routes, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		_ = conn.SetDeadline(time.Now().Add(3 * time.Second))
		if dir == "" {
			// In clear: the port answers nothing readable, and hangs up.
			_, _ = conn.Write([]byte("CONNECT {}\r\nPING\r\n"))
			line, err := bufio.NewReader(conn).ReadString('\n')
			if err == nil || strings.Contains(line, "PONG") || strings.Contains(line, "INFO") {
				t.Fatalf("the route port answered in clear: %q", line)
			}
			return nil
		}
		cfg, err := routeTLS(dir, Meta{Name: "drill"})
		if err != nil {
			t.Fatal(err)
		}
		cfg.RootCAs = nil
		cfg.InsecureSkipVerify = true // this test checks the server's side
		tc := tls.Client(conn, cfg)
		if err := tc.Handshake(); err != nil {
			return err
		}
		// TLS 1.3: a refused client certificate shows on the first read.
		_, err = tc.Write([]byte("PING\r\n"))
		if err == nil {
			_, err = bufio.NewReader(tc).ReadString('\n')
		}
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			return nil // accepted: the server waits for the route's CONNECT
		}
		return err
	}
	_ = dialRoute("")
	if err := dialRoute(theirs["b"]); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("another cluster's certificate was not refused: %v", err)
	}
	if err := dialRoute(ours["b"]); err != nil && strings.Contains(err.Error(), "certificate") {
		t.Fatalf("the cluster's own certificate was refused: %v", err)
	}
}
