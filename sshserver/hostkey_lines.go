package sshserver

import (
	"fmt"
	"net"
	"os"
	"strings"

	gossh "golang.org/x/crypto/ssh"
)

// KeyTypeName is a key type as ssh shows it in "ED25519 key fingerprint
// is SHA256:...".
func KeyTypeName(algo string) string {
	switch {
	case algo == gossh.KeyAlgoED25519:
		return "ED25519"
	case algo == gossh.KeyAlgoRSA:
		return "RSA"
	case strings.HasPrefix(algo, "ecdsa-"):
		return "ECDSA"
	case strings.HasPrefix(algo, "sk-ssh-ed25519"):
		return "ED25519-SK"
	case strings.HasPrefix(algo, "sk-ecdsa"):
		return "ECDSA-SK"
	}
	return strings.ToUpper(algo)
}

// HostKeyLines are what to hand out so a first connection can be checked.
type HostKeyLines struct {
	// Fingerprint is "SHA256:..." and Type "ED25519", as ssh shows them.
	Fingerprint, Type string
	// KnownHosts is a line for ~/.ssh/known_hosts. Placeholder is set when
	// its host is "HOST", to be replaced by the name or address people
	// connect to (the server listens on every address).
	KnownHosts  string
	Placeholder bool
}

// LinesFor describes pub for a server listening on listen (HOST:PORT).
func LinesFor(pub gossh.PublicKey, listen string) HostKeyLines {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		host, port = "", "2222"
	}
	placeholder := false
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host, placeholder = "HOST", true
	}
	// known_hosts names a host on a port other than 22 as [host]:port.
	name := host
	if port != "22" {
		name = "[" + host + "]:" + port
	}
	return HostKeyLines{
		Fingerprint: gossh.FingerprintSHA256(pub),
		Type:        KeyTypeName(pub.Type()),
		KnownHosts:  name + " " + strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub))),
		Placeholder: placeholder,
	}
}

// HostPublicKey reads the host key's public half without creating it.
func HostPublicKey(path string) (gossh.PublicKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("no host key at %s yet: it is created by the first `cellule serve`", path)
		}
		return nil, err
	}
	signer, err := gossh.ParsePrivateKey(b)
	if err != nil {
		return nil, fmt.Errorf("host key %s is not a usable private key: %w", path, err)
	}
	return signer.PublicKey(), nil
}
