package sshserver

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
)

// InviteUser is the SSH login name of enrolment by invite: `ssh invite@HOST`
// with any key, then the one-time code a lead read out. That login does
// nothing else: no command, no console, no forwarding (refused for every
// login in server.go), only the code prompt.
const InviteUser = "invite"

const (
	// inviteTriesPerConn is how many codes one connection may type.
	inviteTriesPerConn = 3
	// invitePromptTimeout closes a prompt nobody answers.
	invitePromptTimeout = 2 * time.Minute
	// maxCodeLine bounds a typed line: a code is 8 characters.
	maxCodeLine = 64
)

// isInviteLogin tells, after the handshake, whether the session is the
// invite login: from the user name the client sent, never from the auth
// callback's context.
func isInviteLogin(sess ssh.Session) bool { return sess.User() == InviteUser }

// inviteOnly runs the code prompt for the invite login, and hands every
// other session on.
func (s *Server) inviteOnly(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if !isInviteLogin(sess) {
			next(sess)
			return
		}
		s.invitePrompt(sess)
	}
}

// invitePrompt asks for a code and enrols the session's key with it.
func (s *Server) invitePrompt(sess ssh.Session) {
	host := hostOf(sess.RemoteAddr())
	_, _, tty := sess.Pty()
	// With a terminal, the session's writer turns \n into \r\n.
	say := func(format string, args ...any) { fmt.Fprintf(sess, format, args...) }
	enrolled := false
	failures := 0
	defer func() {
		// A session that enrolled nothing counts against its address at
		// least once, like a failed login: scanning the invite login is
		// no cheaper than scanning the others.
		if !enrolled && failures == 0 {
			s.invitePenalty(host)
		}
	}()
	prompt, ok := s.inviteRate.openPrompt(host)
	if !ok {
		say("cellule: too many enrolments are under way; try again in a minute.\n")
		_ = sess.Exit(1)
		return
	}
	defer prompt()
	// An invitee takes a place as a viewer would: the places kept for
	// leads stay theirs.
	release, ok := s.gate.openSession(crisis.RoleViewer)
	if !ok {
		say("cellule: the server is serving its maximum of %d sessions; try again in a minute.\n", s.cfg.Limits.MaxSessions)
		_ = sess.Exit(1)
		return
	}
	defer release()
	if strings.TrimSpace(sess.RawCommand()) != "" || sess.Subsystem() != "" {
		fmt.Fprintln(sess.Stderr(), "cellule: the invite login runs no command: connect with `ssh -p PORT invite@HOST` and type the code you were given.")
		_ = sess.Exit(1)
		return
	}
	pk := sess.PublicKey()
	if pk == nil {
		_ = sess.Exit(1)
		return
	}
	// Nobody answering: the session ends, and its read with it.
	timer := time.AfterFunc(invitePromptTimeout, func() { _ = sess.Close() })
	defer timer.Stop()

	say("Cellule: enrolment by invitation.\n")
	say("Your key: %s (%s)\n", gossh.FingerprintSHA256(pk), KeyTypeName(pk.Type()))
	in := bufio.NewReader(sess)
	for failures < inviteTriesPerConn {
		if !s.inviteRate.allow(host, time.Now()) {
			say("Too many tries from your address; try again in a few minutes.\n")
			s.cfg.Logger.Warn("invite prompt refused: too many tries", "from", host)
			_ = sess.Exit(1)
			return
		}
		say("Code: ")
		line, err := readCodeLine(in, sess, tty)
		if err != nil {
			say("\n")
			_ = sess.Exit(1)
			return
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		select {
		case s.inviteRate.checks <- struct{}{}:
		case <-sess.Context().Done():
			return
		}
		u, err := s.cfg.Service.RedeemInvite(line, pk, sess.RemoteAddr().String())
		<-s.inviteRate.checks
		switch {
		case err == nil:
			enrolled = true
			s.cfg.Logger.Info("invite: key enrolled", "user", u.Name, "role", u.Role, "key", gossh.FingerprintSHA256(pk), "from", host)
			say("Welcome, %s: your key is enrolled as %s.\n", crisis.SanitizeLine(u.Name), u.Role)
			say("Connect with: ssh -p %s %s\n", portOf(sess.LocalAddr()), hostPlaceholder(sess.LocalAddr()))
			_ = sess.Exit(0)
			return
		case errors.Is(err, crisis.ErrInviteInvalid):
			failures++
			s.invitePenalty(host)
			s.cfg.Logger.Warn("invite: code not valid", "from", host, "key", gossh.FingerprintSHA256(pk))
			say("%s\n", crisis.Message(err))
		default:
			// A right code with a key that cannot be enrolled, or a
			// closed crisis: the reason, and the code stays unspent.
			say("cellule: %s\n", crisis.Sanitize(crisis.Message(err)))
			_ = sess.Exit(1)
			return
		}
	}
	say("Too many wrong codes; ask the lead to check it.\n")
	_ = sess.Exit(1)
}

// invitePenalty counts a code that enrolled nothing toward the address's
// penalty for failed logins.
func (s *Server) invitePenalty(host string) {
	if s.gate.penalties.failure(host, time.Now()) {
		s.cfg.Logger.Warn("address penalised for failed logins: its connections are dropped for a while", "from", host)
	}
}

// readCodeLine reads one line. With a terminal (the client's is raw) it
// echoes what is typed, erases on Backspace and ends on Enter; Ctrl-C or
// Ctrl-D end the session. Without one, bytes up to a newline. Either
// way the line ends on the screen. Anything
// but letters, digits, spaces and dashes is dropped (escape sequences
// included), and past maxCodeLine the line is kept short: it cannot be a
// code anyway.
func readCodeLine(in *bufio.Reader, echo io.Writer, tty bool) (string, error) {
	var line []byte
	over := false
	for {
		b, err := in.ReadByte()
		if err != nil {
			if len(line) > 0 && !tty && errors.Is(err, io.EOF) {
				return string(line), nil
			}
			return "", err
		}
		switch {
		case b == '\r' || b == '\n':
			// Also without a terminal: piped input is not echoed, and
			// the answer goes on a line of its own.
			_, _ = io.WriteString(echo, "\n")
			if over {
				return "-", nil // not a code
			}
			return string(line), nil
		case b == 0x03 || b == 0x04:
			return "", io.EOF
		case b == 0x7f || b == 0x08:
			if len(line) > 0 {
				line = line[:len(line)-1]
				if tty {
					_, _ = io.WriteString(echo, "\b \b")
				}
			}
		case b == 0x1b:
			skipEscape(in)
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= '0' && b <= '9', b == ' ', b == '-':
			if len(line) >= maxCodeLine {
				over = true
				continue
			}
			line = append(line, b)
			if tty {
				_, _ = echo.Write([]byte{b})
			}
		}
	}
}

// skipEscape drops the rest of an escape sequence (arrow keys and the
// like: ESC [ ... final byte).
func skipEscape(in *bufio.Reader) {
	b, err := in.ReadByte()
	if err != nil || (b != '[' && b != 'O') {
		return
	}
	for range 16 {
		b, err := in.ReadByte()
		if err != nil || (b >= 0x40 && b <= 0x7e) {
			return
		}
	}
}

func portOf(a net.Addr) string {
	if _, port, err := net.SplitHostPort(a.String()); err == nil {
		return port
	}
	return "2222"
}

// hostPlaceholder is the address the invitee reached, which is the one to
// use again.
func hostPlaceholder(a net.Addr) string {
	if ta, ok := a.(*net.TCPAddr); ok && !ta.IP.IsUnspecified() {
		return ta.IP.String()
	}
	return "HOST"
}
