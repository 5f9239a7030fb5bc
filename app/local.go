// Package app wires Cellule's parts together: the store under the service,
// the service under the SSH server and the command tree. main.go and the
// end-to-end tests both start Cellule through it.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/term"

	"cellule/cli"
	"cellule/cluster"
	"cellule/crisis"
	"cellule/regional"
	"cellule/sshserver"
	"cellule/store"
)

// File names inside the data directory.
const (
	dbFile      = "cellule.db"
	hostKeyFile = "host_ed25519"
	// addrFile records where the running server listens, so the CLI can
	// name the SSH command to use instead.
	addrFile = "serve.addr"
)

// LocalEnv is the environment of a command run on the host.
func LocalEnv(in io.Reader, out, errOut io.Writer) cli.Env {
	return cli.Env{
		Actor:       crisis.LocalActor(osUserName()),
		Service:     openLocal,
		Serve:       func(ctx context.Context, o cli.ServeOptions) error { return Serve(ctx, o, Hooks{Out: out}) },
		Fingerprint: func(dir string) (string, error) { return sshserver.HostKeyFingerprint(filepath.Join(dir, hostKeyFile)) },
		HostKey:     localHostKey,
		SSHHint:     sshHint,
		CheckFile:   store.CheckFile,
		Import:      importLocal,
		Cluster:     cli.ClusterEnv{Init: clusterInit, Status: localClusterStatus},
		Hub:         cli.HubEnv{Init: hubInit, List: localHubList, Show: regional.ShowMarkdown},
		In:          in,
		Out:         out,
		Err:         errOut,
		StdinTTY:    isTerminal(in),
		Lang:        cli.HostLang(),
	}
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// openLocal opens the data directory's database for one CLI command. It
// creates nothing: a typo in --data must not silently start an empty
// crisis (only `serve` creates a database).
func openLocal(dir string) (*crisis.Service, func(), error) {
	if _, err := os.Stat(filepath.Join(dir, dbFile)); err != nil {
		return nil, nil, fmt.Errorf("no Cellule database in %s (start `cellule serve` once, or give the right --data)", dir)
	}
	node := cluster.IsNode(dir)
	open := store.Open
	if node {
		// A write here would not go through the stream and would fork the
		// node's record from the others': on the host, a node is read only.
		open = store.OpenReadOnly
	}
	db, err := open(filepath.Join(dir, dbFile))
	if errors.Is(err, store.ErrLocked) {
		return nil, nil, cli.ErrServerRunning
	}
	if err != nil {
		return nil, nil, err
	}
	if node {
		return crisis.NewService(nodeOnHost{db, sshHint(dir)}), func() { _ = db.Close() }, nil
	}
	return crisis.NewService(db), func() { _ = db.Close() }, nil
}

// sshHint is "ssh -p PORT localhost", from the address the server wrote.
func sshHint(dir string) string {
	port := "2222"
	if b, err := os.ReadFile(filepath.Join(dir, addrFile)); err == nil {
		addr := strings.TrimSpace(string(b))
		if i := strings.LastIndexByte(addr, ':'); i >= 0 && i+1 < len(addr) {
			port = addr[i+1:]
		}
	}
	return "ssh -p " + port + " localhost"
}

func osUserName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}

// importLocal loads a snapshot into dir's database, creating both if
// needed. A refused import leaves nothing behind: a database it created is
// removed again.
func importLocal(dir string, r io.ReadSeeker) (crisis.Imported, error) {
	path := filepath.Join(dir, dbFile)
	_, statErr := os.Stat(path)
	created := os.IsNotExist(statErr)
	_, statErr = os.Stat(dir)
	dirCreated := os.IsNotExist(statErr)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return crisis.Imported{}, fmt.Errorf("create the data directory: %w", err)
	}
	db, err := store.Open(path)
	if errors.Is(err, store.ErrLocked) {
		return crisis.Imported{}, fmt.Errorf("the database in %s is in use by a running Cellule server: import into a new data directory (--data)", dir)
	}
	if err != nil {
		return crisis.Imported{}, err
	}
	got, err := crisis.NewService(db).Import(r)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil && created {
		_ = os.Remove(path)
		if dirCreated {
			_ = os.Remove(dir)
		}
	}
	return got, err
}
