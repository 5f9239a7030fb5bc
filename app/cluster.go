package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"cellule/cli"
	"cellule/cluster"
	"cellule/crisis"
	"cellule/sshserver"
	"cellule/store"
)

// clusterJoinWait is how long a starting node waits for a majority before
// it serves anyway (reads go on; writes are refused until it joins).
const clusterJoinWait = 20 * time.Second

// prepareNode readies a cluster node's directory before its record opens:
// a wiped node (no record file) starts again from the record the cluster
// started from, then applies the whole stream.
func prepareNode(o cli.ServeOptions) error {
	if !o.Clustered() {
		return nil
	}
	if !cluster.IsNode(o.DataDir) {
		return fmt.Errorf("--cluster-listen: %s is not a cluster node's directory (make them with `cellule cluster init`)", o.DataDir)
	}
	if o.ReadOnly || o.Demo {
		return errors.New("--read-only and --demo serve a single node; a cluster node shares its record with the others")
	}
	path := filepath.Join(o.DataDir, dbFile)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return copyFile(cluster.SeedPath(o.DataDir), path)
	}
	return nil
}

// startNode starts the cluster node when serve was asked for one (nil
// otherwise: nothing of NATS starts).
func startNode(o cli.ServeOptions, db *store.DB, svc *crisis.Service, out io.Writer) (*cluster.Node, error) {
	if !o.Clustered() {
		return nil, nil
	}
	n, err := cluster.Start(cluster.Config{DataDir: o.DataDir, Listen: o.ClusterListen, Peers: o.Peers, Log: out}, db, svc.Applied)
	if err != nil {
		return nil, err
	}
	m := n.Meta()
	fmt.Fprintf(out, "cluster %s: node %s of %s, routes on %s (TLS)\n", m.Name, m.Self, strings.Join(m.Nodes, ", "), o.ClusterListen)
	if !n.Ready(clusterJoinWait) {
		fmt.Fprintln(out, "cluster: no majority reachable yet: serving reads; writes are refused until it is")
	}
	return n, nil
}

// nodeStatus prints a running node's status over SSH.
func nodeStatus(n *cluster.Node) func(string, io.Writer) error {
	if n == nil {
		return nil
	}
	return func(_ string, w io.Writer) error {
		n.Status().Print(w, time.Now())
		return nil
	}
}

// localClusterStatus prints the status the node running on dir wrote.
func localClusterStatus(dir string, w io.Writer) error {
	s, err := cluster.ReadStatus(dir)
	if err != nil {
		return err
	}
	now := time.Now()
	s.Print(w, now)
	if now.Sub(s.At) > 5*time.Second {
		fmt.Fprintln(w, "warning: this status is old: is the node still running?")
	}
	return nil
}

// clusterInit writes one data directory per node.
func clusterInit(o cli.ClusterInitOptions, out io.Writer) error {
	if err := cluster.CheckNames(o.Name, o.Nodes); err != nil {
		return err
	}
	dirs := map[string]string{}
	for _, n := range o.Nodes {
		d := filepath.Join(o.Out, n)
		if _, err := os.Stat(d); err == nil {
			return fmt.Errorf("%s exists already: choose another --out, or remove it", d)
		}
		dirs[n] = d
	}
	first := dirs[o.Nodes[0]]
	if err := os.MkdirAll(first, 0o700); err != nil {
		return err
	}
	// The record every node starts from: a consistent copy of --from's,
	// or an empty one.
	seed := filepath.Join(first, dbFile)
	if err := writeSeed(o.From, seed); err != nil {
		_ = os.RemoveAll(first)
		return err
	}
	hostKey := filepath.Join(first, hostKeyFile)
	if o.From != "" {
		if _, err := os.Stat(filepath.Join(o.From, hostKeyFile)); err == nil {
			if err := copyFile(filepath.Join(o.From, hostKeyFile), hostKey); err != nil {
				return err
			}
		}
	}
	if _, err := sshserver.LoadOrCreateHostKey(hostKey); err != nil {
		return err
	}
	fp, err := sshserver.HostKeyFingerprint(hostKey)
	if err != nil {
		return err
	}
	if err := cluster.WriteCredentials(o.Name, o.Nodes, dirs); err != nil {
		return err
	}
	for _, n := range o.Nodes {
		d := dirs[n]
		if d != first {
			if err := os.MkdirAll(d, 0o700); err != nil {
				return err
			}
			for _, f := range []string{dbFile, hostKeyFile} {
				if err := copyFile(filepath.Join(first, f), filepath.Join(d, f)); err != nil {
					return err
				}
			}
		}
		if err := copyFile(seed, cluster.SeedPath(d)); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "cluster %s: %d node directories in %s (%s)\n", o.Name, len(o.Nodes), o.Out, strings.Join(o.Nodes, ", "))
	fmt.Fprintf(out, "  host key: %s (the same on every node)\n", fp)
	if o.From != "" {
		fmt.Fprintf(out, "  record:   copied from %s\n", o.From)
	}
	fmt.Fprintln(out, "  copy each directory to its machine, then start each node, e.g.:")
	fmt.Fprintf(out, "    cellule serve --data %s --listen :2222 --cluster-listen HOST_A:7422 --peers HOST_B:7422,HOST_C:7422\n", dirs[o.Nodes[0]])
	return nil
}

// writeSeed writes the starting record at path: a backup of from's record
// (a consistent copy; refused while a server holds it), or an empty one.
func writeSeed(from, path string) error {
	if from == "" {
		db, err := store.Open(path)
		if err != nil {
			return err
		}
		return db.Close()
	}
	src, err := store.OpenReadOnly(filepath.Join(from, dbFile))
	if errors.Is(err, store.ErrLocked) {
		return fmt.Errorf("the database in %s is in use by a running Cellule server: stop it, then run cluster init again", from)
	}
	if err != nil {
		return err
	}
	defer src.Close()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := src.WriteBackup(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// nodeOnHost is a stopped node's record opened on its host: read only,
// with the sentence that says why and where to write instead.
type nodeOnHost struct {
	*store.DB
	hint string
}

func (n nodeOnHost) Update(func(crisis.WriteTx) error) error { return crisis.NodeLocalWrite(n.hint) }
