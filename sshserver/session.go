package sshserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
	"cellule/internal/frame"
	"cellule/report"
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
		// A command gives its place back before its exit status goes
		// out: a client that got it may open its next session at once.
		release, ok := s.gate.openSession(who.Role)
		if !ok {
			l := s.cfg.Limits
			s.cfg.Logger.Warn("session refused: the server is at its cap", "user", who.Name, "from", sess.RemoteAddr().String(), "cap", l.MaxSessions, "kept_for_leads", l.LeadReserve)
			if who.Role == crisis.RoleLead || l.LeadReserve <= 0 {
				fmt.Fprintf(sess.Stderr(), "cellule: the server is serving its maximum of %d sessions; nothing was done. Try again in a minute.\r\n", l.MaxSessions)
			} else {
				fmt.Fprintf(sess.Stderr(), "cellule: the server is serving its maximum of %d sessions (the last %d are kept for leads); nothing was done. Try again in a minute.\r\n", l.MaxSessions, l.LeadReserve)
			}
			_ = sess.Exit(1)
			return
		}
		defer release()
		start := time.Now()
		if line := sess.RawCommand(); strings.TrimSpace(line) != "" {
			if !s.startCommand() {
				fmt.Fprintln(sess.Stderr(), "cellule: the server is shutting down; nothing was done. Try again when it is back.")
				_ = sess.Exit(1)
				return
			}
			defer s.commands.Done()
			code := s.exec(sess, who, line)
			s.cfg.Logger.Info("command", "user", who.Name, "key", who.Fingerprint, "from", sess.RemoteAddr().String(), "command", crisis.SanitizeLine(strings.Fields(line)[0]), "exit", code, "took", time.Since(start).Round(time.Millisecond))
			release()
			_ = sess.Exit(code)
			return
		}
		s.cfg.Logger.Info("console open", "user", who.Name, "key", who.Fingerprint, "from", sess.RemoteAddr().String())
		s.console(sess, who)
		s.cfg.Logger.Info("console closed", "user", who.Name, "from", sess.RemoteAddr().String(), "after", time.Since(start).Round(time.Second))
	}
}

// exec runs one command. A panic in it ends this session only, with exit
// status 1 and the stack in the log; the other sessions carry on.
func (s *Server) exec(sess ssh.Session, who crisis.Actor, line string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			s.cfg.Logger.Error("panic while running a command", "user", who.Name, "command", crisis.SanitizeLine(strings.Fields(line)[0]), "panic", r, "stack", string(debug.Stack()))
			fmt.Fprintln(sess.Stderr(), "cellule: internal error while running this command (the server logged it). Check with `timeline` whether your change was saved.")
			code = 1
		}
	}()
	tty := s.windows.of(sess) != nil
	act := newActivity()
	// cut ends the session under the command: its input fails from then on,
	// so it saves nothing of what it had read.
	var cutOnce sync.Once
	cut := func(why string) {
		cutOnce.Do(func() {
			act.expired.Store(true)
			// A client that stopped reading would hold these writes:
			// the session is closed after stopGrace whatever they do.
			time.AfterFunc(stopGrace, func() { _ = sess.Close() })
			go func() {
				fmt.Fprintf(sess.Stderr(), "cellule: %s.\n", why)
				_ = sess.Exit(1)
				_ = sess.Close()
			}()
		})
	}
	stopIdle := watchIdle(act, s.cfg.Limits.IdleTimeout, 0, nil, func() {
		s.cfg.Logger.Info("command closed: waited too long for input", "user", who.Name, "after", s.cfg.Limits.IdleTimeout)
		cut(fmt.Sprintf("closed after waiting %s for input; nothing was saved", s.cfg.Limits.IdleTimeout))
	})
	defer stopIdle()
	// A command already saving is judged by the service, which re-reads
	// the user's role in its transaction; what it saved stays saved.
	_, unwatch := s.access.watch(who, func() { cut("your access changed (revoked, or a new role): this session is closed") })
	defer unwatch()
	return s.cfg.Exec(sess.Context(), Exec{Who: who, Line: line, In: act.reader(sess), Out: sess, Err: sess.Stderr(), TTY: tty})
}

// identify decides who the session is from the key that completed the
// handshake — never from an earlier offer that did not sign.
func (s *Server) identify(sess ssh.Session) (crisis.Actor, bool) {
	return s.identifyKey(sess.PublicKey())
}

func (s *Server) identifyKey(pk ssh.PublicKey) (crisis.Actor, bool) {
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
	term := s.windows.of(sess)
	if term == nil {
		fmt.Fprintln(sess.Stderr(), "cellule: no terminal. Connect with `ssh -t`, or run a command such as `whoami`, `log TEXT` or `timeline` (`help` lists them).")
		_ = sess.Exit(2)
		return
	}
	changes, unsubscribe := s.cfg.Service.Subscribe()
	defer unsubscribe()
	leave := s.cfg.Service.Join(who)
	defer leave()
	s.burst.changed()
	defer s.burst.changed()

	size := term.size()
	width, height := clampSize(size.Width, size.Height)
	// The user's theme; auto (the default) asks the terminal for its
	// background below, and the console takes the answer when it comes.
	var theme string
	lang := s.cfg.Lang
	if u, ok := s.cfg.Service.Identify(who.Fingerprint); ok {
		theme = u.Theme
		if u.Lang != "" {
			lang = u.Lang // the user's own language first
		}
	}
	model := s.newConsole(s.cfg.Service, who, tui.Options{
		Theme:   theme,
		Lang:    lang,
		Width:   width,
		Height:  height,
		Changes: changes,
		Preview: report.Preview,
		// The Report tab's preview in the session's language.
		PreviewIn: report.PreviewIn,
		Caches:    s.caches,
		// A lead's invite card names the key and the address to check.
		HostKey:   gossh.FingerprintSHA256(s.cfg.HostKey.PublicKey()),
		Address:   sess.LocalAddr().String(),
		SavePrint: s.savePrint(),
	})
	var program *tea.Program
	// The colour profile bubbletea would use: from the terminal type only.
	env := []string{"TERM=" + term.pty.Term}
	profile := colorprofile.Env(env)
	// A failed write means the session is gone: the console ends (not from
	// its event loop, which is the one writing).
	out := frame.New(sess, width, height, profile, s.rows, func() { go program.Quit() })
	// The client's environment variables are not the program's business:
	// only the terminal type from the pty request is passed on. The
	// frame writer (internal/frame) draws the screen, not bubbletea's renderer (screen.go).
	// The server's signals are the server's (it shuts down and closes the
	// sessions): no console program listens for them, which would be one
	// more goroutine and signal registration per console.
	opts := []tea.ProgramOption{
		tea.WithOutput(sess), tea.WithEnvironment(env),
		// A remote program is not suspended (Ctrl+Z), as wish's
		// options have it.
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			if _, ok := msg.(tea.SuspendMsg); ok {
				return tea.ResumeMsg{}
			}
			return msg
		}),
		tea.WithoutRenderer(), tea.WithoutSignalHandler(), tea.WithFPS(consoleFPS), tea.WithColorProfile(profile), tea.WithWindowSize(width, height),
	}
	// sess.Context() is the connection's, not this channel's: a client that
	// multiplexes sessions on one connection may close this one and keep
	// the others. The end of its input is what tells that this channel is
	// gone, so it quits the program, and with it the subscription and the
	// presence.
	act := newActivity()
	// Input is read through the idle clock and the paste limit, and
	// decoded into keys outside the program (keys.go); the program reads
	// nothing itself.
	in := newPasteLimiter(act.reader(sess), maxPaste, func(limit int) { program.Send(tui.PasteRefusedMsg{Limit: limit}) })
	keys := newKeyPump(in, term.pty.Term, func(m tea.Msg) { program.Send(m) }, func() { program.Quit() })
	opts = append(opts, tea.WithInput(nil))
	scr := &screen{inner: model, out: out}
	program = tea.NewProgram(scr, opts...)
	ended := &atomic.Bool{}
	stop := stopOrCut(sess, program.Quit, ended)
	lost, unwatch := s.access.watch(who, stop)
	idle := &atomic.Bool{}
	stopIdle := watchIdle(act, s.cfg.Limits.IdleTimeout, s.cfg.Limits.IdleWarning,
		// Not from the idle clock's callback: a program stuck writing
		// to a client that stopped reading would hold it, and the close
		// that follows would never come.
		func(left time.Duration) { go program.Send(tui.IdleWarningMsg{Left: left}) },
		func() {
			s.cfg.Logger.Info("console closed: idle", "user", who.Name, "after", s.cfg.Limits.IdleTimeout)
			idle.Store(true)
			stop()
		})
	// The first frame goes out now, drawn from the model as New built it
	// (its first read included); the program, whose event loop draws the
	// next ones, starts on the tick grid (frames.go).
	if theme != crisis.ThemeDark && theme != crisis.ThemeLight {
		// The program reads no input of its own, so bubbletea would not
		// send this query (tea.RequestBackgroundColor); the answer comes
		// back among the keys, decoded by the key pump into a
		// tea.BackgroundColorMsg. Nothing else writes yet. A client that
		// does not answer keeps the dark palette.
		_, _ = io.WriteString(sess, ansi.RequestBackgroundColor)
	}
	firstFrame(scr)
	// Keys typed before the program runs wait for it.
	go keys.run()
	startInStep()
	err := runProgram(sess, s.windows.of(sess), program)
	ended.Store(true)
	// The program has ended: nothing draws any more, the terminal gets its
	// modes back before any closing message.
	out.Restore()
	unwatch()
	stopIdle()
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		// bubbletea caught it (its stack went to the server's stderr) and
		// ended this program only.
		s.cfg.Logger.Error("console ended by a panic", "user", who.Name, "from", sess.RemoteAddr().String(), "error", err)
		fmt.Fprint(sess, "\r\ncellule: internal error: this console stopped (the server logged it). Connect again; what was saved is kept.\r\n")
		_ = sess.Exit(1)
	case lost.Load():
		fmt.Fprint(sess, "\r\ncellule: your access changed (revoked, or a new role): this session is closed.\r\nConnect again if you still have access.\r\n")
		_ = sess.Exit(1)
	case idle.Load():
		fmt.Fprintf(sess, "\r\ncellule: this console was closed after %s without a key pressed.\r\nConnect again to carry on.\r\n", s.cfg.Limits.IdleTimeout)
		_ = sess.Exit(0)
	}
}

// runProgram runs a console's program until it ends, handing it the
// session's window changes (the latest one when several came while it was
// busy) and quitting it when the connection ends; it returns the program's
// error (a caught panic among them). Neither waits in a goroutine of its
// own: with hundreds of consoles open, each goroutine's stack counts.
func runProgram(sess ssh.Session, windows *windowFeed, program *tea.Program) error {
	stop := context.AfterFunc(sess.Context(), program.Quit)
	defer stop()
	if windows != nil {
		detach := windows.attach(func(w ssh.Window) { program.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height}) })
		defer detach()
	}
	_, err := program.Run()
	// Kill restores nothing here but makes sure no goroutine of the
	// program outlives the session.
	program.Kill()
	return err
}

// firstFrame draws the console's first frame before its program runs. A
// panic in the model's drawing is left to the program, which catches it
// and ends this console only when it draws the same frame.
func firstFrame(scr *screen) {
	defer func() { _ = recover() }()
	scr.View()
}

// maxPaste is the largest paste handed to a console: well above what an
// entry may hold (so a long one is refused by the form with its message),
// far below what would weigh on the server.
const maxPaste = 8 * crisis.MaxEntryBytes

// stopGrace is how long a session told to stop (revoked, idle) may take
// before it is closed under its program: well inside the 5 s in which a
// revocation must have ended it.
const stopGrace = 3 * time.Second

// stopOrCut asks a console's program to quit. Its event loop may be stuck
// writing a frame to a client that stopped reading, and then it never
// takes the request: unless the program has ended after stopGrace, the
// session is closed, which fails that write and lets the program end.
func stopOrCut(sess ssh.Session, quit func(), ended *atomic.Bool) func() {
	return func() {
		go quit()
		time.AfterFunc(stopGrace, func() {
			if !ended.Load() {
				_ = sess.Close()
			}
		})
	}
}
