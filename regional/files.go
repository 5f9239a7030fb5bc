// Package regional is the regional view: a CERT's hub that receives
// several establishments' records, and each establishment's link to it.
// Both ends run an embedded NATS server with JetStream, each in its own
// JetStream domain; the establishment's server connects out to the hub
// as a leaf node over TLS with its own certificate. The establishment
// keeps what it shares in a local stream (SHARE, in its domain), and the
// hub keeps one stream per establishment that sources it across the leaf
// connection: a cut link only delays the sourcing, and what was written
// meanwhile arrives in the stream's order when the link returns. The hub
// checks that each message continues the establishment's audit chain.
package regional

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// Files: the hub's directory holds hubDir, an establishment's data
// directory holds linkDir (copied there from `hub init`'s output).
const (
	hubDir     = "hub"
	linkDir    = "hublink"
	metaFile   = "hub.json"
	caFile     = "ca.pem"
	certFile   = "cert.pem"
	keyFile    = "key.pem"
	streamDir  = "jetstream"
	statusFile = "status.json"
	recordsDir = "records"
	// hubDNS is the one name in the hub's certificate, which links check
	// whatever address they reach it at.
	hubDNS = "hub.cellule.invalid"
)

// Meta is a hub's establishments, or (Self set) one establishment's link.
type Meta struct {
	Region         string   `json:"region"`
	Establishments []string `json:"establishments,omitempty"`
	Self           string   `json:"self,omitempty"`
}

var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`)

// CheckNames refuses names that would not make a domain or stream name.
func CheckNames(region string, ests []string) error {
	if !nameRE.MatchString(region) {
		return fmt.Errorf("region name %q: use 1 to 32 lower-case letters, digits or '-'", region)
	}
	if len(ests) == 0 {
		return errors.New("--establishments: name at least one establishment")
	}
	seen := map[string]bool{}
	for _, e := range ests {
		if !nameRE.MatchString(e) {
			return fmt.Errorf("establishment name %q: use 1 to 32 lower-case letters, digits or '-'", e)
		}
		if e == "hub" || seen[e] {
			return fmt.Errorf("establishment %q is named twice (or is named hub)", e)
		}
		seen[e] = true
	}
	return nil
}

func loadMeta(dir string) (Meta, error) {
	var m Meta
	b, err := os.ReadFile(filepath.Join(dir, metaFile))
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("%s: %w", filepath.Join(dir, metaFile), err)
	}
	return m, nil
}

// IsHub reports whether dataDir holds a hub's credentials.
func IsHub(dataDir string) bool {
	_, err := os.Stat(filepath.Join(dataDir, hubDir, metaFile))
	return err == nil
}

// domain is an establishment's JetStream domain.
func domain(est string) string { return "est-" + est }

// streamOf is the hub's stream for an establishment.
func streamOf(est string) string { return "EST_" + sanitizeStream(est) }

func sanitizeStream(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '-' {
			b[i] = '_'
		}
	}
	return string(b)
}

const (
	shareStream = "SHARE"
	shareSubj   = "cellule.share"
)
