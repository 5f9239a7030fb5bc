package cli

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"cellule/sshserver"
)

// ServeLimits bound what clients can hold of the server; 0 turns one off.
type ServeLimits struct {
	// IdleTimeout closes a session waiting that long for a key or input.
	IdleTimeout time.Duration
	// MaxSessions caps the consoles and commands open at once.
	MaxSessions int
	// LeadReserve is how many of MaxSessions only leads may take.
	LeadReserve int
	// MaxSessionsPerConnection and MaxSessionsPerUser cap the sessions
	// open on one connection, and by one user.
	MaxSessionsPerConnection, MaxSessionsPerUser int
	// MaxUnauthenticated caps the connections not logged in yet.
	MaxUnauthenticated int
	// AuthPenalty is what each connection that ends without logging in
	// adds to its address's penalty;
	// AuthPenaltyMax caps it.
	AuthPenalty, AuthPenaltyMax time.Duration
	// PenaltyExempt lists the networks never penalised (the crisis room's
	// own), comma-separated, as checked by --penalty-exempt.
	PenaltyExempt string
}

// DefaultServeLimits are serve's defaults: the SSH server's own, so the
// flags' defaults and the server's never drift apart.
func DefaultServeLimits() ServeLimits {
	d := sshserver.DefaultLimits()
	return ServeLimits{
		IdleTimeout:              d.IdleTimeout,
		MaxSessions:              d.MaxSessions,
		LeadReserve:              d.LeadReserve,
		MaxSessionsPerConnection: d.MaxSessionsPerConnection,
		MaxSessionsPerUser:       d.MaxSessionsPerUser,
		MaxUnauthenticated:       d.MaxUnauthenticated,
		AuthPenalty:              d.Penalty.PerFailure,
		AuthPenaltyMax:           d.Penalty.Max,
	}
}

func limitFlags(cmd *cobra.Command, l *ServeLimits) {
	f := cmd.Flags()
	f.DurationVar(&l.IdleTimeout, "idle-timeout", l.IdleTimeout, "close a session after this long without a key pressed (a form with unsaved text is warned first); 0 never")
	f.IntVar(&l.MaxSessions, "max-sessions", l.MaxSessions, "most consoles and commands open at once; 0 no cap")
	f.IntVar(&l.LeadReserve, "lead-reserve", l.LeadReserve, "how many of --max-sessions only leads may take, so a lead gets in when the others filled the rest")
	f.IntVar(&l.MaxSessionsPerConnection, "max-sessions-per-connection", l.MaxSessionsPerConnection, "most sessions open on one connection (as OpenSSH's MaxSessions); 0 no cap")
	f.IntVar(&l.MaxSessionsPerUser, "max-sessions-per-user", l.MaxSessionsPerUser, "most sessions one user has open over all their connections; 0 no cap")
	f.IntVar(&l.MaxUnauthenticated, "max-unauthenticated", l.MaxUnauthenticated, "most connections still logging in at once; 0 no cap")
	f.DurationVar(&l.AuthPenalty, "auth-penalty", l.AuthPenalty, "penalty a connection that ends without logging in adds to its address; past 15s its connections are dropped for 20s, twice as long at each new block; 0 off")
	f.DurationVar(&l.AuthPenaltyMax, "auth-penalty-max", l.AuthPenaltyMax, "longest block an address can earn")
	f.Var(exemptList{&l.PenaltyExempt}, "penalty-exempt", "networks never penalised for failed logins, e.g. the crisis room's own: CIDR,... (10.20.0.0/24,2001:db8::/64)")
}

// exemptList is --penalty-exempt: checked when the flag is read, kept as
// the canonical comma-separated text.
type exemptList struct{ s *string }

func (e exemptList) String() string {
	if e.s == nil {
		return ""
	}
	return *e.s
}

func (e exemptList) Set(v string) error {
	nets, err := sshserver.ParseExempt(v)
	if err != nil {
		return err
	}
	parts := make([]string, 0, len(nets))
	if *e.s != "" {
		parts = append(parts, *e.s)
	}
	for _, n := range nets {
		parts = append(parts, n.String())
	}
	*e.s = strings.Join(parts, ",")
	return nil
}

func (exemptList) Type() string { return "CIDR,..." }
