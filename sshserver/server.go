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
	"sync"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	wishrecover "charm.land/wish/v2/recover"
	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
	"cellule/internal/frame"
	"cellule/tui"
)

// Exec is one command sent over SSH (`ssh host log ...`).
type Exec struct {
	Who crisis.Actor
	// Line is the command line as the client sent it: its splitting into
	// words belongs to the command tree, next to the quoting its hints use.
	Line string
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
	// Limits bound connections and sessions; DefaultLimits when nil.
	Limits *Limits
	// PrintDir is the directory on the host where the Report tab's print
	// key saves the paper kit; "" leaves the key saying how to export it.
	PrintDir string
	// Lang is the console's language for a user who has none of their own
	// (serve --lang, $CELLULE_LANG or the host's locale); "" is English.
	Lang string
}

const (
	// maxAuthTries bounds the failed authentication requests on one
	// connection, keys only offered included, as OpenSSH's MaxAuthTries:
	// x/crypto's own count skips the first unsigned key queries, so the
	// public-key callback counts them (trackedConn.keyAllowed).
	maxAuthTries = 3
)

// Server is a running or ready SSH server.
type Server struct {
	cfg  Config
	srv  *ssh.Server
	gate *connGate
	// inviteRate limits the codes typed at the invite login (invite.go).
	inviteRate *inviteRate
	// newConsole builds a session's console model: tui.New, replaced only
	// by tests that need a console which fails.
	newConsole func(*crisis.Service, crisis.Actor, tui.Options) tea.Model
	// rows is the frame writers' shared cache of drawn rows.
	rows *frame.Rows
	// windows reads every session's window changes (windows.go).
	windows windowFeeds
	// caches are the drawings every console of this server shares.
	caches *tui.Caches
	// burst returns a login burst's memory once it is over (burst.go).
	burst *burstRelease
	// access ends the sessions of users whose access changed (access.go).
	access *accessWatch

	// Shutdown lets commands in flight finish. It does not use charm's
	// Server.Shutdown, whose connection WaitGroup races with handshakes
	// that complete while it waits (Add concurrent with Wait); here Add
	// only happens under mu before closing is set, so Wait is safe.
	mu       sync.Mutex
	closing  bool
	listener net.Listener
	commands sync.WaitGroup
}

// New prepares a server; Serve or ListenAndServe starts it.
func New(cfg Config) (*Server, error) {
	if cfg.Service == nil || cfg.HostKey == nil || cfg.Exec == nil {
		return nil, errors.New("sshserver: Service, HostKey and Exec are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = log.Default()
	}
	if cfg.Limits == nil {
		l := DefaultLimits()
		cfg.Limits = &l
	}
	s := &Server{cfg: cfg, gate: newConnGate(*cfg.Limits, cfg.Logger), inviteRate: newInviteRate(), newConsole: tui.New, rows: frame.NewRows(), caches: tui.NewCaches(), burst: newBurstRelease(), access: newAccessWatch(cfg.Service, cfg.Logger)}
	srv, err := wish.NewServer(
		wish.WithAddress(cfg.Listen),
		func(srv *ssh.Server) error { srv.AddHostKey(cfg.HostKey); return nil },
		// Public keys only: with no password or keyboard-interactive
		// handler, those methods (and "none") are refused.
		ssh.PublicKeyAuth(s.authorize),
		wish.WithMiddleware(wishrecover.MiddlewareWithLogger(cfg.Logger.StandardLog(), s.handle, s.inviteOnly)),
	)
	if err != nil {
		return nil, err
	}
	// The handshake deadline bounds how long a connection that has not
	// logged in holds one of the MaxUnauthenticated slots.
	srv.HandshakeTimeout = cfg.Limits.HandshakeTimeout
	srv.ConnCallback = s.gate.admit
	srv.ServerConfigCallback = s.gate.serverConfig
	// No port forwarding (local or remote), no X11, no subsystem (sftp):
	// charm's server refuses what it has no handler or callback for, and
	// an agent forwarding request is acknowledged but never used.
	srv.LocalPortForwardingCallback = nil
	srv.ReversePortForwardingCallback = nil
	srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
	// Session channels are counted per connection and per user
	// (slots.go); their window changes are always read (windows.go).
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.sessionChannel}
	srv.PtyHandler = s.windows.ptyHandler(emulatedPty())
	s.srv = srv
	return s, nil
}

// authorize answers one public-key offer: yes if it is an active user's
// key, strong enough, and the connection has not used up its tries; or, for
// the invite login, any key (what it may do is decided after the handshake:
// only the code prompt, invite.go; the key's strength is checked when it is
// enrolled). It is an exact fingerprint lookup and writes nothing to the context: who the
// session is gets decided after the handshake, from the key that actually
// signed (s.PublicKey()).
func (s *Server) authorize(ctx ssh.Context, key ssh.PublicKey) bool {
	tc, _ := ctx.Value(trackedConnKey{}).(*trackedConn)
	if tc != nil && !tc.keyAllowed() {
		return false
	}
	if ctx.User() == InviteUser {
		return true
	}
	fp := gossh.FingerprintSHA256(key)
	if err := crisis.WeakKey(key); err != nil {
		s.refusedKey(ctx, fp, crisis.Message(err))
		return false
	}
	if _, ok := s.cfg.Service.Identify(fp); !ok {
		s.refusedKey(ctx, fp, "not an active user's key")
		return false
	}
	return true
}

// refusedKey logs a refused key with the name the client offered, so that
// a lead told "I cannot get in" can check the newcomer's fingerprint and
// enrol the key. At most maxAuthTries lines per connection (authorize
// stops looking after that), and the penalty bounds the connections.
func (s *Server) refusedKey(ctx ssh.Context, fp, why string) {
	s.cfg.Logger.Info("key refused", "user", offeredName(ctx.User()), "key", fp, "from", ctx.RemoteAddr().String(), "reason", why)
}

// offeredName is the user name a client sent, made safe for the log: it
// is anyone's text.
func offeredName(name string) string {
	name = crisis.SanitizeLine(name)
	if r := []rune(name); len(r) > 64 {
		name = string(r[:64]) + "…"
	}
	return name
}

// Serve accepts connections on l until Shutdown or Close.
func (s *Server) Serve(l net.Listener) error {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		return nil
	}
	s.listener = l
	s.mu.Unlock()
	err := s.srv.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) || errors.Is(err, net.ErrClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting, lets the commands in flight finish (until ctx
// ends), then closes every connection: consoles never end by themselves.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	s.burst.stop()
	if s.listener != nil {
		_ = s.listener.Close()
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() {
		s.commands.Wait()
		close(done)
	}()
	var err error
	select {
	case <-done:
	case <-ctx.Done():
		err = ctx.Err()
	}
	if cerr := s.srv.Close(); err == nil && cerr != nil && !errors.Is(cerr, net.ErrClosed) {
		err = cerr
	}
	return err
}

// startCommand counts a command in flight, or reports that the server is
// shutting down and the command must not start.
func (s *Server) startCommand() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.commands.Add(1)
	return true
}

// Close closes the listener and every connection at once.
func (s *Server) Close() error { return s.srv.Close() }
