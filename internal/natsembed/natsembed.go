// Package natsembed starts the NATS servers that run inside cellule's
// process (a cluster node's, a hub's, an establishment's hub link) and
// connects to them in-process.
package natsembed

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// Base is what every embedded server starts from. The client port stays
// open on loopback only, behind a token made for this run: without any
// listener routes and leaf links stall, and the process's own connection
// is in-process anyway. NoSigs leaves signals to cellule; NoLog keeps
// NATS quiet unless the caller asks for its log. JetStream keeps its
// streams in storeDir.
func Base(name, storeDir string) (*server.Options, error) {
	token := make([]byte, 24)
	if _, err := rand.Read(token); err != nil {
		return nil, err
	}
	return &server.Options{
		ServerName:    name,
		Host:          "127.0.0.1",
		Port:          server.RANDOM_PORT,
		Authorization: hex.EncodeToString(token),
		NoSigs:        true,
		NoLog:         true,
		JetStream:     true,
		StoreDir:      storeDir,
	}, nil
}

// Start runs the server of opts and connects to it in-process with the
// token of opts and conn. what names the server in errors ("the hub's
// server"); busy, when not empty, is the address a failed start may find
// taken.
func Start(opts *server.Options, what, busy string, conn ...nats.Option) (*server.Server, *nats.Conn, error) {
	srv, err := server.NewServer(opts)
	if err != nil {
		return nil, nil, fmt.Errorf("start %s: %w", what, err)
	}
	if !opts.NoLog {
		srv.ConfigureLogger()
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		srv.Shutdown()
		if busy != "" {
			return nil, nil, fmt.Errorf("%s did not start (is %s free?)", what, busy)
		}
		return nil, nil, errors.New(what + " did not start")
	}
	nc, err := nats.Connect("", append([]nats.Option{nats.InProcessServer(srv), nats.Token(opts.Authorization)}, conn...)...)
	if err != nil {
		srv.Shutdown()
		return nil, nil, err
	}
	return srv, nc, nil
}
