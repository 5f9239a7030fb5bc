package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"cellule/crisis"
)

func userCmd(env *Env, dataDir *string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "user",
		Short: "Add, list and revoke the people who may connect, and change their roles",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(userAddCmd(env, dataDir), userListCmd(env, dataDir), userRevokeCmd(env, dataDir), userRoleCmd(env, dataDir), userInviteCmd(env, dataDir), userSetCmd(env, dataDir))
	return cmd
}

func userAddCmd(env *Env, dataDir *string) *cobra.Command {
	var role, keyFile string
	var pf profileFlags
	cmd := &cobra.Command{
		Use:   "add NAME --role lead|responder|viewer (--key-file FILE.pub | KEY... | < FILE.pub) [--name \"Display Name\"] [--org ORG] [--lang fr|en]",
		Short: "Register a person and their SSH public key (lead)",
		Long: "Register a person with a role and one or more SSH public keys (authorized_keys lines).\n" +
			"On the host: --key-file FILE.pub. Over SSH: the key as arguments, or on standard input.",
		Example: "  cellule user add alice --role responder --key-file alice.pub\n" +
			"  ssh -p 2222 host user add alice --role responder < alice.pub",
		Args: cobra.MinimumNArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			name, keyArgs := args[0], args[1:]
			if role == "" {
				return fmt.Errorf("--role is required: lead, responder or viewer")
			}
			var keyText string
			switch {
			case keyFile != "" && env.Remote:
				return fmt.Errorf("--key-file reads a file on the server; over SSH give the key as an argument or on standard input")
			case keyFile != "":
				var err error
				if keyText, err = readKeyFile(keyFile); err != nil {
					return err
				}
			default:
				var err error
				if keyText, err = readText(env, keyArgs, cmd.InOrStdin(), maxKeyFile); err != nil {
					return err
				}
			}
			u, err := svc.AddUserWith(env.Actor, name, crisis.Role(role), keyText, pf.profile(cmd, env))
			if err != nil {
				return err
			}
			for _, k := range u.Keys {
				fmt.Fprintln(cmd.OutOrStdout(), env.tr("user-added", shownAs(u), u.Role, k.Fingerprint))
			}
			return nil
		}),
	}
	cmd.Flags().StringVar(&role, "role", "", "lead, responder or viewer")
	cmd.Flags().StringVar(&keyFile, "key-file", "", "public key file (host only)")
	pf.add(cmd)
	return cmd
}

func userListCmd(env *Env, dataDir *string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List registered people, their roles and keys",
		Args:  cobra.NoArgs,
		RunE: withService(env, dataDir, func(cmd *cobra.Command, _ []string, svc *crisis.Service) error {
			users, err := svc.Users(env.Actor)
			if err != nil {
				return err
			}
			if asJSON {
				if users == nil {
					users = []crisis.User{}
				}
				return writeJSON(cmd.OutOrStdout(), users)
			}
			if len(users) == 0 {
				fmt.Fprintln(cmd.OutOrStdout(), env.tr("no-users"))
				return nil
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, env.tr("users-head"))
			for _, u := range users {
				status := env.tr("active")
				if !u.Active() {
					status = env.tr("revoked-status") + " " + u.RevokedAt.Format(time.DateOnly)
				}
				fps := make([]string, len(u.Keys))
				for i, k := range u.Keys {
					fps[i] = k.Fingerprint
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", u.Name, u.Role, status, strings.Join(fps, " "), shownAs(u))
			}
			return w.Flush()
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func userRevokeCmd(env *Env, dataDir *string) *cobra.Command {
	return &cobra.Command{
		Use:   "revoke NAME",
		Short: "Stop a person's keys from connecting (lead)",
		Args:  cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			u, err := svc.RevokeUser(env.Actor, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), env.tr("revoked", u.Name))
			return nil
		}),
	}
}

func userRoleCmd(env *Env, dataDir *string) *cobra.Command {
	return &cobra.Command{
		Use:   "role NAME lead|responder|viewer",
		Short: "Give a person another role (lead; lowering stays possible once closed)",
		Long: "Give a registered person another role. The change applies at once, to their open sessions too.\n" +
			"Once the crisis is closed, a role may still be lowered (as a user may still be revoked), not raised.",
		Example: "  ssh -p 2222 host user role alice viewer",
		Args:    cobra.ExactArgs(2),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			u, err := svc.SetRole(env.Actor, args[0], crisis.Role(args[1]))
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), env.tr("now-role", u.Name, u.Role))
			return nil
		}),
	}
}

// maxKeyFile bounds a key file: public keys take a few hundred bytes, and
// a wrong path (/dev/zero, a disk image) must not fill the memory.
const maxKeyFile = 64 * 1024

func readKeyFile(path string) (string, error) {
	b, err := readFileLimited(path, "the key file", maxKeyFile, ": that is not a public key file")
	return string(b), err
}
