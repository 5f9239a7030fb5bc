package sshserver

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Limits bound what one client, or many, can hold of the server.
type Limits struct {
	// HandshakeTimeout bounds how long a connection may take to log in.
	HandshakeTimeout time.Duration
	// IdleTimeout closes a session that has waited that long for its
	// client's input; 0 never does. A command at work is not idle.
	IdleTimeout time.Duration
	// IdleWarning is how long before closing a console is told so.
	IdleWarning time.Duration
	// MaxSessions caps the sessions (consoles and commands) open at once;
	// 0 for no cap.
	MaxSessions int
	// LeadReserve is how many of MaxSessions only leads may take: when the
	// others have filled the rest, a lead still gets in.
	LeadReserve int
	// MaxSessionsPerConnection caps the session channels open on one
	// connection, started or not (OpenSSH's MaxSessions); 0 for no cap.
	MaxSessionsPerConnection int
	// MaxSessionsPerUser caps the session channels one user has open over
	// all their connections; 0 for no cap.
	MaxSessionsPerUser int
	// MaxUnauthenticated caps the connections that have not logged in yet;
	// 0 for no cap.
	MaxUnauthenticated int
	// Penalty is the per-address penalty after failed logins.
	Penalty PenaltyConfig
}

// DefaultLimits are the serve command's defaults.
func DefaultLimits() Limits {
	return Limits{
		HandshakeTimeout:         10 * time.Second,
		IdleTimeout:              30 * time.Minute,
		IdleWarning:              time.Minute,
		MaxSessions:              500,
		LeadReserve:              25,
		MaxSessionsPerConnection: 10,
		MaxSessionsPerUser:       20,
		MaxUnauthenticated:       50,
		Penalty:                  DefaultPenalty(),
	}
}

// connGate counts connections and sessions against the limits and keeps
// the per-address penalties.
type connGate struct {
	limits    Limits
	logger    *log.Logger
	unauth    atomic.Int64
	sources   *sourceSlots // unauth, by source
	sessions  sessionCount
	penalties *penalties
}

func newConnGate(l Limits, logger *log.Logger) *connGate {
	return &connGate{limits: l, logger: logger, penalties: newPenalties(l.Penalty),
		sources: newSourceSlots(perSourceCap(l.MaxUnauthenticated)), sessions: newSessionCount()}
}

// Messages written before the SSH version line: a client shows nothing of
// the protocol yet, but RFC 4253 lets a server send text lines first, and
// whoever connects with nc, or ssh -v, reads why the door closed.
const (
	busyLine    = "cellule: too many connections are logging in right now; try again in a minute.\r\n"
	sourceLine  = "cellule: too many connections from your address are logging in right now; try again in a minute.\r\n"
	penaltyLine = "cellule: too many failed logins from your address; try again later.\r\n"
)

// admit is the server's ConnCallback: it drops a connection from an
// address under penalty, or beyond the cap of connections not logged in,
// before any handshake, and otherwise tracks it until it logs in or ends.
func (g *connGate) admit(ctx ssh.Context, c net.Conn) net.Conn {
	host := hostOf(c.RemoteAddr())
	exempt := g.penalties.exempt(c.RemoteAddr())
	if left, blocked := g.penalties.blocked(host, time.Now()); blocked && !exempt {
		if g.penalties.shouldLog(host) {
			g.logger.Warn("connection dropped: penalty for failed logins", "from", host, "left", left.Round(time.Second))
		}
		refuse(c, penaltyLine)
		return nil
	}
	// One source holds a share of the slots at most, whoever it is (an
	// exempt network too): the rest stay for everyone else.
	if ok, first := g.sources.take(host); !ok {
		if first {
			g.logger.Warn("connections refused: too many logging in from one address (logged once until it has room again)", "from", host, "cap", g.sources.cap)
		}
		refuse(c, sourceLine)
		return nil
	}
	if n, max := g.unauth.Add(1), g.limits.MaxUnauthenticated; max > 0 && n > int64(max) {
		g.unauth.Add(-1)
		g.sources.release(host)
		g.logger.Warn("connection refused: too many connections logging in", "from", c.RemoteAddr().String(), "cap", max)
		refuse(c, busyLine)
		return nil
	}
	tc := &trackedConn{Conn: c, gate: g, host: host, exempt: exempt}
	ctx.SetValue(trackedConnKey{}, tc)
	return tc
}

// refuse writes a line and closes, without waiting on a client that does
// not read.
func refuse(c net.Conn, line string) {
	_ = c.SetWriteDeadline(time.Now().Add(time.Second))
	_, _ = c.Write([]byte(line))
	_ = c.Close()
}

// serverConfig gives each connection its own SSH configuration, whose
// authentication log tells the connection's tracker how logging in goes.
func (g *connGate) serverConfig(ctx ssh.Context) *gossh.ServerConfig {
	cfg := &gossh.ServerConfig{MaxAuthTries: maxAuthTries}
	tc, _ := ctx.Value(trackedConnKey{}).(*trackedConn)
	if tc == nil {
		return cfg
	}
	cfg.AuthLogCallback = func(_ gossh.ConnMetadata, method string, err error) {
		if err == nil {
			tc.loggedIn()
			return
		}
		tc.failed(method)
	}
	return cfg
}

type trackedConnKey struct{}

// trackedConn is a connection until it ends: it holds a slot among the
// connections not logged in until it logs in, and if it ends without
// logging in, its address earns a penalty — one per connection, however
// many keys it offered.
type trackedConn struct {
	net.Conn
	gate     *connGate
	host     string
	exempt   bool // from a network exempt from penalties
	in       atomic.Bool
	released sync.Once
	closed   sync.Once
	// attempts and failures count the authentication requests, as
	// OpenSSH's MaxAuthTries does (see keyAllowed).
	attempts, failures atomic.Int32
}

// failed counts a refused authentication request: every one but a first
// "none" (which clients send to learn the methods), a key only offered
// (queried without a signature) included.
func (c *trackedConn) failed(method string) {
	if c.attempts.Add(1) == 1 && method == "none" {
		return
	}
	c.failures.Add(1)
}

// keyAllowed reports whether the connection may still have a key looked
// at: once maxAuthTries requests failed, every further key is refused,
// registered or not. x/crypto's own count lets the first unsigned key
// queries through for free; this one does not.
func (c *trackedConn) keyAllowed() bool { return c.failures.Load() < maxAuthTries }

func (c *trackedConn) release() {
	c.released.Do(func() {
		c.gate.unauth.Add(-1)
		c.gate.sources.release(c.host)
	})
}

func (c *trackedConn) loggedIn() {
	c.in.Store(true)
	c.release()
}

func (c *trackedConn) Close() error {
	c.release()
	c.closed.Do(func() {
		// A connection that never even tried a key (a scanner, or one
		// holding a login slot until the handshake deadline) counts too,
		// as OpenSSH's "noauth" penalty does; one from an exempt
		// network never does.
		if !c.in.Load() && !c.exempt {
			if c.gate.penalties.failure(c.host, time.Now()) {
				c.gate.logger.Warn("address penalised for failed logins: its connections are dropped for a while", "from", c.host)
			}
		}
	})
	return c.Conn.Close()
}

func hostOf(a net.Addr) string {
	if ta, ok := a.(*net.TCPAddr); ok {
		if ta.IP.To4() == nil && !ta.IP.IsLoopback() {
			// One IPv6 host usually holds a whole /64: penalties go
			// to the block, or a new address would escape them.
			return ta.IP.Mask(net.CIDRMask(64, 128)).String() + "/64"
		}
		return ta.IP.String()
	}
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}
