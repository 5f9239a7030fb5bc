// Package cluster makes several Cellule nodes share one record: each node
// keeps its own bbolt file (store/), and an embedded NATS JetStream server
// replicates every write as one message on an R3 stream whose order is the
// audit chain's order (store/replica.go has the write path). It sits beside
// store/ rather than inside it: store/ stays bbolt only, and knows the
// stream only through the store.Replicator interface.
package cluster

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Files inside a node's data directory.
const (
	// clusterDir holds the node's credentials and the cluster's description.
	clusterDir = "cluster"
	metaFile   = "cluster.json"
	caFile     = "ca.pem"
	certFile   = "node.pem"
	keyFile    = "node-key.pem"
	// seedFile is the record the cluster started from: a wiped node starts
	// from it again, then applies the whole stream.
	seedFile = "seed.db"
	// statusFile is the running node's status, renewed every second, for
	// `cellule cluster status` on the host.
	statusFile = "status.json"
	// streamDir is JetStream's store.
	streamDir = "jetstream"
)

// Meta describes the cluster a node belongs to.
type Meta struct {
	Name  string   `json:"name"`
	Nodes []string `json:"nodes"`
	Self  string   `json:"self"`
}

// IsNode reports whether dataDir belongs to a cluster (cluster init made it).
func IsNode(dataDir string) bool {
	_, err := os.Stat(filepath.Join(dataDir, clusterDir, metaFile))
	return err == nil
}

func loadMeta(dataDir string) (Meta, error) {
	var m Meta
	b, err := os.ReadFile(filepath.Join(dataDir, clusterDir, metaFile))
	if errors.Is(err, os.ErrNotExist) {
		return m, fmt.Errorf("%s is not a cluster node's directory (make them with `cellule cluster init`)", dataDir)
	}
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("%s: %w", filepath.Join(dataDir, clusterDir, metaFile), err)
	}
	if m.Name == "" || m.Self == "" || len(m.Nodes) == 0 {
		return m, fmt.Errorf("%s is incomplete", filepath.Join(dataDir, clusterDir, metaFile))
	}
	return m, nil
}

// SeedPath is where a node keeps the record the cluster started from.
func SeedPath(dataDir string) string { return filepath.Join(dataDir, clusterDir, seedFile) }
