package app

import (
	"cellule/cli"
	"cellule/sshserver"
)

// limitsFrom turns serve's flags into the SSH server's limits.
func limitsFrom(o cli.ServeLimits) *sshserver.Limits {
	l := sshserver.DefaultLimits()
	l.IdleTimeout = o.IdleTimeout
	l.MaxSessions = o.MaxSessions
	l.LeadReserve = o.LeadReserve
	l.MaxSessionsPerConnection = o.MaxSessionsPerConnection
	l.MaxSessionsPerUser = o.MaxSessionsPerUser
	l.MaxUnauthenticated = o.MaxUnauthenticated
	l.Penalty.PerFailure = o.AuthPenalty
	l.Penalty.Max = o.AuthPenaltyMax
	// Checked when the flag was read: it cannot fail here.
	l.Penalty.Exempt, _ = sshserver.ParseExempt(o.PenaltyExempt)
	return &l
}
