package sshserver

import (
	"fmt"
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
		if args := sess.Command(); len(args) > 0 {
			code := s.cfg.Exec(sess.Context(), who, args, sess, sess, sess.Stderr())
			s.cfg.Logger.Info("command", "user", who.Name, "key", who.Fingerprint, "from", sess.RemoteAddr().String(), "command", crisis.SanitizeLine(args[0]), "exit", code, "took", time.Since(start).Round(time.Millisecond))
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
	program := tea.NewProgram(model, bubbletea.MakeOptions(sess)...)
	// wish's middleware runs the program, forwards window changes and
	// quits the program when the session's context ends.
	bubbletea.MiddlewareWithProgramHandler(func(ssh.Session) *tea.Program { return program })(func(ssh.Session) {})(sess)
}
