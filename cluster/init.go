package cluster

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"cellule/internal/natstls"
)

var nodeName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`)

// CheckNames refuses a cluster or node name that would not make a plain
// directory and server name.
func CheckNames(name string, nodes []string) error {
	if !nodeName.MatchString(name) {
		return fmt.Errorf("cluster name %q: use 1 to 32 lower-case letters, digits or '-'", name)
	}
	if len(nodes) < 3 || len(nodes)%2 == 0 {
		return fmt.Errorf("--nodes: give an odd number of nodes, at least 3 (a majority must survive one loss); got %d", len(nodes))
	}
	seen := map[string]bool{}
	for _, n := range nodes {
		if !nodeName.MatchString(n) {
			return fmt.Errorf("node name %q: use 1 to 32 lower-case letters, digits or '-'", n)
		}
		if seen[n] {
			return fmt.Errorf("node %q is named twice", n)
		}
		seen[n] = true
	}
	return nil
}

// WriteCredentials makes the cluster's CA and, in dirs[node] for each node,
// the cluster's description, the CA certificate and the node's own
// certificate and key. The CA's key is not kept: a new node means a new
// `cluster init`.
func WriteCredentials(name string, nodes []string, dirs map[string]string) error {
	ca, err := natstls.NewAuthority("Cellule cluster " + name + " CA")
	if err != nil {
		return err
	}
	for _, n := range nodes {
		dir := filepath.Join(dirs[n], clusterDir)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
		cert, key, err := ca.Issue(natstls.Leaf{
			Subject:  pkix.Name{CommonName: n, Organization: []string{"Cellule cluster " + name}},
			Usages:   []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
			DNSNames: []string{clusterDNS(name)},
		})
		if err != nil {
			return err
		}
		meta, err := json.MarshalIndent(Meta{Name: name, Nodes: nodes, Self: n}, "", "  ")
		if err != nil {
			return err
		}
		for file, data := range map[string][]byte{metaFile: append(meta, '\n'), caFile: ca.PEM, certFile: cert, keyFile: key} {
			if err := os.WriteFile(filepath.Join(dir, file), data, 0o600); err != nil {
				return err
			}
		}
	}
	return nil
}
