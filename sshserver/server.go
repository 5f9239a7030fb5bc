// Package sshserver serves Cellule over SSH: public-key authentication
// against the users registered in the crisis record, the console (one
// bubbletea program per session) for interactive logins, and the command
// tree for `ssh host COMMAND`.
package sshserver

import (
	"context"
	"errors"
	"io"
	"net"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	wishrecover "charm.land/wish/v2/recover"
	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
)

// Exec is one command sent over SSH (`ssh host log ...`).
type Exec struct {
	Who  crisis.Actor
	Args []string
	In   io.Reader
	Out  io.Writer
	Err  io.Writer
	// TTY is set when the client asked for a terminal (ssh -t).
	TTY bool
}

// ExecFunc runs one command and returns its exit status.
type ExecFunc func(ctx context.Context, x Exec) int

// Config is what the server needs.
type Config struct {
	// Listen is HOST:PORT.
	Listen  string
	HostKey gossh.Signer
	Service *crisis.Service
	Exec    ExecFunc
	Logger  *log.Logger
}

const (
	// maxAuthTries bounds the failed authentication attempts (signed
	// offers and other methods) on one connection; x/crypto does not count
	// unsigned key queries.
	maxAuthTries = 3
	// handshakeTimeout bounds how long an unauthenticated connection may
	// hold a slot.
	handshakeTimeout = 10 * time.Second
)

// Server is a running or ready SSH server.
type Server struct {
	cfg Config
	srv *ssh.Server
}

// New prepares a server; Serve or ListenAndServe starts it.
func New(cfg Config) (*Server, error) {
	if cfg.Service == nil || cfg.HostKey == nil || cfg.Exec == nil {
		return nil, errors.New("sshserver: Service, HostKey and Exec are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = log.Default()
	}
	s := &Server{cfg: cfg}
	srv, err := wish.NewServer(
		wish.WithAddress(cfg.Listen),
		func(srv *ssh.Server) error { srv.AddHostKey(cfg.HostKey); return nil },
		// Public keys only: with no password or keyboard-interactive
		// handler, those methods (and "none") are refused.
		ssh.PublicKeyAuth(s.authorize),
		wish.WithMiddleware(wishrecover.MiddlewareWithLogger(cfg.Logger.StandardLog(), s.handle)),
	)
	if err != nil {
		return nil, err
	}
	srv.HandshakeTimeout = handshakeTimeout
	srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
		return &gossh.ServerConfig{MaxAuthTries: maxAuthTries}
	}
	s.srv = srv
	return s, nil
}

// authorize answers one public-key offer: yes if it is an active user's
// key. It is an exact fingerprint lookup and writes nothing to the
// context: who the session is gets decided after the handshake, from the
// key that actually signed (s.PublicKey()).
func (s *Server) authorize(_ ssh.Context, key ssh.PublicKey) bool {
	_, ok := s.cfg.Service.Identify(gossh.FingerprintSHA256(key))
	return ok
}

// Serve accepts connections on l until Shutdown or Close.
func (s *Server) Serve(l net.Listener) error {
	err := s.srv.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting and waits (until ctx ends) for sessions to end.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Close closes the listener and every connection at once.
func (s *Server) Close() error { return s.srv.Close() }
