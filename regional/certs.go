package regional

import (
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"cellule/internal/natstls"
)

// The hub and its establishments talk TLS 1.3 with certificates from the
// region's own CA, made by `hub init`: the hub accepts a leaf connection
// only with a certificate from that CA, and a link only trusts a hub
// that has the hub's certificate. The CA's key is not kept.

// Init writes out/hub (the hub's data directory, with its credentials)
// and out/NAME/hublink for each establishment (to copy into that
// establishment's data directory, or each node's in a cluster).
func Init(region string, ests []string, out string) error {
	if err := CheckNames(region, ests); err != nil {
		return err
	}
	dirs := map[string]string{"": filepath.Join(out, "hub", hubDir)}
	for _, e := range ests {
		dirs[e] = filepath.Join(out, e, linkDir)
	}
	for _, d := range dirs {
		if _, err := os.Stat(d); err == nil {
			return fmt.Errorf("%s exists already: choose another --out, or remove it", d)
		}
	}
	ca, err := natstls.NewAuthority("Cellule region " + region + " CA")
	if err != nil {
		return err
	}
	write := func(dir string, m Meta, cn string, usage x509.ExtKeyUsage) error {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
		leaf := natstls.Leaf{Subject: pkix.Name{CommonName: cn}, Usages: []x509.ExtKeyUsage{usage}}
		if usage == x509.ExtKeyUsageServerAuth {
			leaf.DNSNames = []string{hubDNS}
		}
		cert, key, err := ca.Issue(leaf)
		if err != nil {
			return err
		}
		meta, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			return err
		}
		for file, data := range map[string][]byte{metaFile: append(meta, '\n'), caFile: ca.PEM, certFile: cert, keyFile: key} {
			if err := os.WriteFile(filepath.Join(dir, file), data, 0o600); err != nil {
				return err
			}
		}
		return nil
	}
	if err := write(dirs[""], Meta{Region: region, Establishments: ests}, "hub", x509.ExtKeyUsageServerAuth); err != nil {
		return err
	}
	for _, e := range ests {
		if err := write(dirs[e], Meta{Region: region, Self: e}, e, x509.ExtKeyUsageClientAuth); err != nil {
			return err
		}
	}
	return nil
}

// tlsConfig is the hub's (server) or a link's (client) TLS.
func tlsConfig(dir string, server bool) (*tls.Config, error) {
	pool, pair, err := natstls.Load(filepath.Join(dir, caFile), "the region's CA certificate",
		filepath.Join(dir, certFile), filepath.Join(dir, keyFile), "the hub credentials")
	if err != nil {
		return nil, err
	}
	c := &tls.Config{MinVersion: tls.VersionTLS13, Certificates: []tls.Certificate{pair}}
	if server {
		c.ClientCAs, c.ClientAuth = pool, tls.RequireAndVerifyClientCert
	} else {
		c.RootCAs, c.ServerName = pool, hubDNS
	}
	return c, nil
}
