package cluster

import (
	"crypto/tls"
	"path/filepath"

	"cellule/internal/natstls"
)

// Routes between nodes run over TLS 1.3 with certificates from the
// cluster's own CA, made by `cluster init`: each side checks the other's
// certificate against that CA, so a machine without a node's key can
// neither join nor listen. Node certificates carry one DNS name for the
// whole cluster, which both sides check, whatever addresses the nodes have.

func clusterDNS(string) string { return "nodes.cluster.cellule.invalid" }

// routeTLS is the TLS configuration of a node's routes, both ways.
func routeTLS(dataDir string, m Meta) (*tls.Config, error) {
	dir := filepath.Join(dataDir, clusterDir)
	pool, pair, err := natstls.Load(filepath.Join(dir, caFile), "the cluster's CA certificate",
		filepath.Join(dir, certFile), filepath.Join(dir, keyFile), "this node's certificate")
	if err != nil {
		return nil, err
	}
	return &tls.Config{
		MinVersion:   tls.VersionTLS13,
		Certificates: []tls.Certificate{pair},
		RootCAs:      pool,
		ClientCAs:    pool,
		ClientAuth:   tls.RequireAndVerifyClientCert,
		ServerName:   clusterDNS(m.Name),
	}, nil
}
