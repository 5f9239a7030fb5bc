package regional

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"time"
)

// The hub and its establishments talk TLS 1.3 with certificates from the
// region's own CA, made by `hub init`: the hub accepts a leaf connection
// only with a certificate from that CA, and a link only trusts a hub
// that has the hub's certificate. The CA's key is not kept.

type authority struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pem  []byte
}

func newAuthority(region string) (*authority, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(), Subject: pkix.Name{CommonName: "Cellule region " + region + " CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(10, 0, 0),
		IsCA: true, BasicConstraintsValid: true, MaxPathLenZero: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	return &authority{cert: cert, key: key, pem: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}, nil
}

func (a *authority) issue(cn string, usage x509.ExtKeyUsage) (certPEM, keyPEM []byte, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(10, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{usage},
	}
	if usage == x509.ExtKeyUsageServerAuth {
		tmpl.DNSNames = []string{hubDNS}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, a.cert, &key.PublicKey, a.key)
	if err != nil {
		return nil, nil, err
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), nil
}

func serial() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 126))
	if err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return n
}

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
	ca, err := newAuthority(region)
	if err != nil {
		return err
	}
	write := func(dir string, m Meta, cn string, usage x509.ExtKeyUsage) error {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
		cert, key, err := ca.issue(cn, usage)
		if err != nil {
			return err
		}
		meta, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			return err
		}
		for file, data := range map[string][]byte{metaFile: append(meta, '\n'), caFile: ca.pem, certFile: cert, keyFile: key} {
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
	caPEM, err := os.ReadFile(filepath.Join(dir, caFile))
	if err != nil {
		return nil, fmt.Errorf("the region's CA certificate: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		return nil, errors.New("the region's CA certificate is not PEM")
	}
	pair, err := tls.LoadX509KeyPair(filepath.Join(dir, certFile), filepath.Join(dir, keyFile))
	if err != nil {
		return nil, fmt.Errorf("the hub credentials: %w", err)
	}
	c := &tls.Config{MinVersion: tls.VersionTLS13, Certificates: []tls.Certificate{pair}}
	if server {
		c.ClientCAs, c.ClientAuth = pool, tls.RequireAndVerifyClientCert
	} else {
		c.RootCAs, c.ServerName = pool, hubDNS
	}
	return c, nil
}
