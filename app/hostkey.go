package app

import (
	"net"
	"os"
	"path/filepath"
	"strings"

	gossh "golang.org/x/crypto/ssh"

	"cellule/cli"
	"cellule/sshserver"
)

// hostKeyInfo is what people are told to check: the fingerprint and a
// known_hosts line for a server listening on listen.
func hostKeyInfo(pub gossh.PublicKey, listen string) cli.HostKeyInfo {
	l := sshserver.LinesFor(pub, listen)
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		port = "2222"
	}
	if l.Placeholder {
		host = "HOST"
	}
	return cli.HostKeyInfo{Fingerprint: l.Fingerprint, Type: l.Type, KnownHosts: l.KnownHosts, Placeholder: l.Placeholder, Host: host, Port: port}
}

// localHostKey reads the data directory's host key; the address is the
// running server's when there is one, else the default :2222.
func localHostKey(dir string) (cli.HostKeyInfo, error) {
	pub, err := sshserver.HostPublicKey(filepath.Join(dir, hostKeyFile))
	if err != nil {
		return cli.HostKeyInfo{}, err
	}
	listen := ":2222"
	if b, err := os.ReadFile(filepath.Join(dir, addrFile)); err == nil {
		listen = strings.TrimSpace(string(b))
	}
	return hostKeyInfo(pub, listen), nil
}
