package sshserver

import (
	"fmt"
	"sync"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
)

// What one user can hold of the server is bounded at two points.
//
// A session channel, started or not, holds memory from the moment it is
// opened: it is counted from its opening until it is closed, on its
// connection (10 by default, as OpenSSH's MaxSessions) and for its user
// over all their connections. Past either cap the channel is refused
// before anything is allocated for it; a refused or closed channel gives
// its place back at once.
//
// A started session (a console or a command) is counted against the
// server's cap until its handler ends. The last LeadReserve places are
// for leads only: a viewer's laptop opening consoles in a loop cannot keep
// the crisis lead out.

// sessionCount is what the session caps count.
type sessionCount struct {
	mu      sync.Mutex
	started int
	perConn map[*gossh.ServerConn]int // open session channels
	perUser map[string]int
}

func newSessionCount() sessionCount {
	return sessionCount{perConn: map[*gossh.ServerConn]int{}, perUser: map[string]int{}}
}

// openChannel takes a place for one session channel of user on conn, or
// says why there is none.
func (g *connGate) openChannel(conn *gossh.ServerConn, user string) (release func(), refused string) {
	c := &g.sessions
	c.mu.Lock()
	defer c.mu.Unlock()
	if max := g.limits.MaxSessionsPerConnection; max > 0 && c.perConn[conn] >= max {
		return nil, fmt.Sprintf("cellule: this connection already has %d sessions open, the most one connection may have; close one, or connect again", max)
	}
	if max := g.limits.MaxSessionsPerUser; max > 0 && c.perUser[user] >= max {
		return nil, fmt.Sprintf("cellule: you already have %d sessions open, the most one user may have; close one first", max)
	}
	c.perConn[conn]++
	c.perUser[user]++
	return sync.OnceFunc(func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.perConn[conn]--; c.perConn[conn] <= 0 {
			delete(c.perConn, conn)
		}
		if c.perUser[user]--; c.perUser[user] <= 0 {
			delete(c.perUser, user)
		}
	}), ""
}

// openSession takes one of the server's session places for a session of
// role, or reports that none is left for it; the places kept for leads
// go to leads only.
func (g *connGate) openSession(role crisis.Role) (release func(), ok bool) {
	c := &g.sessions
	c.mu.Lock()
	defer c.mu.Unlock()
	if max := g.limits.MaxSessions; max > 0 {
		if role != crisis.RoleLead {
			max -= g.limits.LeadReserve
		}
		if c.started >= max {
			return nil, false
		}
	}
	c.started++
	return sync.OnceFunc(func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.started--
	}), true
}

// sessionChannel is the server's handler for "session" channels: charm's,
// once the channel has a place on its connection and for its user.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	user := "key " + keyFingerprint(ctx)
	if who, ok := s.identifyKey(publicKeyOf(ctx)); ok {
		user = who.Name
	}
	release, refused := s.gate.openChannel(conn, user)
	if refused != "" {
		// One log line per connection: a client opening channels in a
		// loop does not fill the log.
		if ctx.Value(channelRefusedKey{}) == nil {
			ctx.SetValue(channelRefusedKey{}, true)
			s.cfg.Logger.Warn("session channel refused: too many open", "user", user, "from", conn.RemoteAddr().String(),
				"per_connection", s.cfg.Limits.MaxSessionsPerConnection, "per_user", s.cfg.Limits.MaxSessionsPerUser)
		}
		_ = nc.Reject(gossh.ResourceShortage, refused)
		return
	}
	// Charm's handler returns when the channel's requests end: the
	// channel is closed, or its connection is gone.
	defer release()
	ssh.DefaultSessionHandler(srv, conn, nc, ctx)
}

type channelRefusedKey struct{}

func publicKeyOf(ctx ssh.Context) ssh.PublicKey {
	pk, _ := ctx.Value(ssh.ContextKeyPublicKey).(ssh.PublicKey)
	return pk
}

func keyFingerprint(ctx ssh.Context) string {
	if pk := publicKeyOf(ctx); pk != nil {
		return gossh.FingerprintSHA256(pk)
	}
	return "none"
}
