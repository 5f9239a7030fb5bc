package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func serveCmd(env *Env, dataDir *string) *cobra.Command {
	o := ServeOptions{ServeLimits: DefaultServeLimits()}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the console over SSH",
		Long: "Serve the console over SSH, with the record in the data directory (created if needed).\n" +
			"On a first start with no users, the public keys in ~/.ssh/*.pub of the account running it\n" +
			"are enrolled as a lead named after the account.",
		Args: cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, _ []string) error {
			o.DataDir = *dataDir
			// serve --lang is the server's language, for everyone without one.
			o.Lang = env.langFlag
			return env.Serve(cmd.Context(), o)
		}),
	}
	cmd.Flags().StringVar(&o.Listen, "listen", ":2222", "address to listen on, HOST:PORT")
	cmd.Flags().StringVar(&o.Name, "name", "", "the crisis's name, e.g. \"Cyberattack CH Cahors\" (renames it if it had another)")
	cmd.Flags().StringVar(&o.TZ, "tz", "", "time zone for typed and shown times, e.g. Europe/Paris (default: the host's, $TZ)")
	cmd.Flags().BoolVar(&o.Demo, "demo", false, "load the Cahors 2022 scenario into an empty database")
	cmd.Flags().BoolVar(&o.ReadOnly, "read-only", false, "serve the record as it is and refuse every write: for a damaged file, what can still be read")
	limitFlags(cmd, &o.ServeLimits)
	clusterFlags(cmd, &o.ClusterFlags)
	hubFlags(cmd, &o.HubFlags)
	return cmd
}

func fingerprintCmd(env *Env, dataDir *string) *cobra.Command {
	var knownHosts bool
	cmd := &cobra.Command{
		Use:   "fingerprint [--known-hosts]",
		Short: "Print the SSH host key's fingerprint, for users to check on first connection",
		Args:  cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, _ []string) error {
			if knownHosts {
				return printKnownHosts(cmd, env, *dataDir)
			}
			fp, err := env.Fingerprint(*dataDir)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), fp)
			return nil
		}),
	}
	cmd.Flags().BoolVar(&knownHosts, "known-hosts", false, "print a ready ~/.ssh/known_hosts line instead")
	return cmd
}

// printKnownHosts prints the known_hosts line, and on standard error what
// to replace in it, so the line itself can be appended to a file as it is.
func printKnownHosts(cmd *cobra.Command, env *Env, dataDir string) error {
	hk, err := env.HostKey(dataDir)
	if err != nil {
		return err
	}
	fmt.Fprintln(cmd.OutOrStdout(), hk.KnownHosts)
	if hk.Placeholder {
		fmt.Fprintln(cmd.ErrOrStderr(), "replace HOST with this machine's name or address on the cell's network")
	}
	return nil
}
