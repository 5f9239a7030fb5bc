package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"cellule/crisis"
)

// HostKeyInfo is the server's host key as people check it on a first
// connection.
type HostKeyInfo struct {
	// Fingerprint "SHA256:..." and Type "ED25519", as ssh shows them.
	Fingerprint, Type string
	// KnownHosts is a ready ~/.ssh/known_hosts line; Placeholder is set
	// when its host is HOST, to be replaced (a server on every address).
	KnownHosts  string
	Placeholder bool
	// Host and Port are where the server listens ("HOST" when on every
	// address).
	Host, Port string
}

func userInviteCmd(env *Env, dataDir *string) *cobra.Command {
	var role string
	var ttl time.Duration
	cmd := &cobra.Command{
		Use:   "invite NAME --role lead|responder|viewer [--for 15m]",
		Short: "Make a one-time code that enrols the key of whoever types it (lead)",
		Long: "Make a one-time code to read over the phone. The invitee runs\n" +
			"  ssh -p PORT invite@HOST\n" +
			"with any key of theirs and types the code: that key is enrolled as NAME with the role.\n" +
			"The code works once, until it expires (--for, 15m by default, at most 24h), and dies after\n" +
			"5 wrong tries.",
		Example: "  cellule user invite alice --role responder\n" +
			"  ssh -p 2222 host user invite bob --role viewer --for 1h",
		Args: cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			if role == "" {
				return fmt.Errorf("--role is required: lead, responder or viewer")
			}
			inv, code, err := svc.CreateInvite(env.Actor, args[0], crisis.Role(role), ttl)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			left := inv.ExpiresAt.Sub(inv.CreatedAt)
			fmt.Fprintf(out, "Invite for %s (%s), valid until %s (%s), once:\n", inv.Name, inv.Role,
				inv.ExpiresAt.In(svc.Location()).Format("2006-01-02 15:04 MST"), left)
			fmt.Fprintf(out, "  code:      %s\n", crisis.FormatInviteCode(code))
			host, port := "HOST", "2222"
			var hk HostKeyInfo
			var hkErr error
			if env.HostKey != nil {
				hk, hkErr = env.HostKey(*dataDir)
				if hkErr == nil {
					host, port = hk.Host, hk.Port
				}
			}
			fmt.Fprintf(out, "  they run:  ssh -p %s invite@%s   and type the code\n", port, host)
			switch {
			case env.HostKey == nil:
			case hkErr != nil:
				fmt.Fprintf(out, "  host key:  unknown yet (%s)\n", crisis.Message(hkErr))
			default:
				fmt.Fprintf(out, "  host key:  %s (%s): they check it when ssh asks, on that first connection\n", hk.Fingerprint, hk.Type)
			}
			if host == "HOST" {
				fmt.Fprintln(out, "  (replace HOST with this machine's name or address on the cell's network)")
			}
			return nil
		}),
	}
	cmd.Flags().StringVar(&role, "role", "", "lead, responder or viewer")
	cmd.Flags().DurationVar(&ttl, "for", crisis.DefaultInviteTTL, "how long the code works, e.g. 15m, 2h (at most 24h)")
	return cmd
}
