package sshserver

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
	"cellule/tui"
)

// handle serves one SSH session once the handshake succeeded.
func (s *Server) handle(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer next(sess)
		who, ok := s.identify(sess)
		if !ok {
			fmt.Fprintln(sess.Stderr(), "cellule: this key is not (or no longer) registered")
			_ = sess.Exit(1)
			return
		}
		start := time.Now()
		if line := sess.RawCommand(); strings.TrimSpace(line) != "" {
			if !s.startCommand() {
				fmt.Fprintln(sess.Stderr(), "cellule: the server is shutting down; nothing was done. Try again when it is back.")
				_ = sess.Exit(1)
				return
			}
			defer s.commands.Done()
			_, _, tty := sess.Pty()
			code := s.cfg.Exec(sess.Context(), Exec{Who: who, Line: line, In: sess, Out: sess, Err: sess.Stderr(), TTY: tty})
			s.cfg.Logger.Info("command", "user", who.Name, "key", who.Fingerprint, "from", sess.RemoteAddr().String(), "command", crisis.SanitizeLine(strings.Fields(line)[0]), "exit", code, "took", time.Since(start).Round(time.Millisecond))
			_ = sess.Exit(code)
			return
		}
		s.cfg.Logger.Info("console open", "user", who.Name, "key", who.Fingerprint, "from", sess.RemoteAddr().String())
		s.console(sess, who)
		s.cfg.Logger.Info("console closed", "user", who.Name, "from", sess.RemoteAddr().String(), "after", time.Since(start).Round(time.Second))
	}
}

// identify decides who the session is from the key that completed the
// handshake — never from an earlier offer that did not sign.
func (s *Server) identify(sess ssh.Session) (crisis.Actor, bool) {
	pk := sess.PublicKey()
	if pk == nil {
		return crisis.Actor{}, false
	}
	fp := gossh.FingerprintSHA256(pk)
	u, ok := s.cfg.Service.Identify(fp)
	if !ok {
		return crisis.Actor{}, false
	}
	return u.Actor(fp), true
}

// console runs the TUI for an interactive session. The program gets plain
// session data; its subscription and presence end with the session.
func (s *Server) console(sess ssh.Session, who crisis.Actor) {
	pty, _, ok := sess.Pty()
	if !ok {
		fmt.Fprintln(sess.Stderr(), "cellule: no terminal. Connect with `ssh -t`, or run a command such as `whoami`, `log TEXT` or `timeline` (`help` lists them).")
		_ = sess.Exit(2)
		return
	}
	changes, unsubscribe := s.cfg.Service.Subscribe()
	defer unsubscribe()
	leave := s.cfg.Service.Join(who)
	defer leave()

	model := tui.New(s.cfg.Service, who, tui.Options{
		Width:   pty.Window.Width,
		Height:  pty.Window.Height,
		Changes: changes,
	})
	// sess.Context() is the connection's, not this channel's: a client that
	// multiplexes sessions on one connection may close this one and keep
	// the others. The end of its input is what tells that this channel is
	// gone, so it quits the program, and with it the subscription and the
	// presence.
	var program *tea.Program
	opts := append(bubbletea.MakeOptions(sess), tea.WithFPS(consoleFPS))
	if sess.EmulatedPty() {
		opts = append(opts, tea.WithInput(&inputUntilClosed{r: sess, closed: func() { program.Quit() }}))
	}
	program = tea.NewProgram(model, opts...)
	done := make(chan struct{})
	lost := s.watchAccess(done, who, program.Quit)
	// wish's middleware runs the program, forwards window changes and
	// quits the program when the session's context ends.
	bubbletea.MiddlewareWithProgramHandler(func(ssh.Session) *tea.Program { return program })(func(ssh.Session) {})(sess)
	close(done)
	if lost.Load() {
		fmt.Fprint(sess, "\r\ncellule: your access changed (revoked, or a new role): this session is closed.\r\nConnect again if you still have access.\r\n")
		_ = sess.Exit(1)
	}
}

// inputUntilClosed reads a session's input and calls closed once it ends.
type inputUntilClosed struct {
	r      io.Reader
	closed func()
}

func (in *inputUntilClosed) Read(p []byte) (int, error) {
	n, err := in.r.Read(p)
	if err != nil {
		in.closed()
	}
	return n, err
}

// watchAccess quits a console once the record no longer lets its key in
// with the same name and role: a revoked user stops seeing the crisis, and
// a changed role takes effect, without waiting for them to log out. It
// reports whether that happened; it stops when done is closed.
func (s *Server) watchAccess(done <-chan struct{}, who crisis.Actor, quit func()) *atomic.Bool {
	lost := &atomic.Bool{}
	changes, unsubscribe := s.cfg.Service.Subscribe()
	go func() {
		defer unsubscribe()
		for {
			select {
			case <-done:
				return
			case _, ok := <-changes:
				if !ok {
					return
				}
				if u, ok := s.cfg.Service.Identify(who.Fingerprint); !ok || u.Name != who.Name || u.Role != who.Role {
					s.cfg.Logger.Info("console closed: access changed", "user", who.Name, "key", who.Fingerprint)
					lost.Store(true)
					quit()
					return
				}
			}
		}
	}()
	return lost
}
