package cli

import (
	"errors"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// HubFlags are serve's regional flags; none given, nothing of the hub or
// its link starts.
type HubFlags struct {
	// Hub runs this server as the region's hub, its leaf listener on
	// HubListen.
	Hub       bool
	HubListen string
	// HubURL connects this establishment out to its hub; HubShare is what
	// it shares: "status" (the default) or "record".
	HubURL   string
	HubShare string
}

func hubFlags(cmd *cobra.Command, f *HubFlags) {
	cmd.Flags().BoolVar(&f.Hub, "hub", false, "run as the region's hub (a directory made by `hub init`), receiving its establishments' status and records")
	cmd.Flags().StringVar(&f.HubListen, "hub-listen", ":7433", "with --hub: the address establishments connect to, HOST:PORT")
	cmd.Flags().StringVar(&f.HubURL, "hub-url", "", "connect out to the region's hub at HOST:PORT, sharing this establishment's status (or record)")
	cmd.Flags().StringVar(&f.HubShare, "hub-share", "status", "with --hub-url: what the hub receives: status (status and counts) or record (the whole record)")
}

// HubInitOptions are `hub init`'s.
type HubInitOptions struct {
	Region         string
	Establishments []string
	Out            string
}

// HubEnv is what the hub commands need from their caller.
type HubEnv struct {
	// Init writes the hub's directory and each establishment's link (host).
	Init func(o HubInitOptions, out io.Writer) error
	// List prints the establishments as the hub of dataDir holds them (over
	// SSH: the serving hub, dataDir unused).
	List func(dataDir string, asJSON bool, out io.Writer) error
	// Show prints one establishment's report from its shared record.
	Show func(dataDir, name string, out io.Writer) error
}

func hubCmd(env *Env, dataDir *string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "hub",
		Short: "The regional view: init (host), list, show",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	if !env.Remote {
		cmd.AddCommand(hubInitCmd(env))
	}
	var asJSON bool
	list := &cobra.Command{
		Use:   "list [--json]",
		Short: "Every establishment: crisis, stage, time open, recovery phases, open P1 tasks, late declarations, last entry, last contact, chain",
		Args:  cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, _ []string) error {
			if env.Hub.List == nil {
				return errors.New("this server is not a hub")
			}
			return env.Hub.List(*dataDir, asJSON, cmd.OutOrStdout())
		}),
	}
	list.Flags().BoolVar(&asJSON, "json", false, "as JSON")
	cmd.AddCommand(list, &cobra.Command{
		Use:   "show NAME",
		Short: "One establishment's report in Markdown, from the record it shares (read only)",
		Args:  cobra.ExactArgs(1),
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if env.Hub.Show == nil {
				return errors.New("this server is not a hub")
			}
			if env.Remote {
				return spooled(cmd.OutOrStdout(), func(w io.Writer) error { return env.Hub.Show(*dataDir, args[0], w) })
			}
			return env.Hub.Show(*dataDir, args[0], cmd.OutOrStdout())
		}),
	})
	return cmd
}

func hubInitCmd(env *Env) *cobra.Command {
	var o HubInitOptions
	cmd := &cobra.Command{
		Use:   "init REGION --establishments a,b --out DIR",
		Short: "Make the hub's directory (DIR/hub) and each establishment's credentials (DIR/NAME/hublink)",
		Long: "Make the region's CA (its key is not kept), the hub's directory DIR/hub with its TLS\n" +
			"certificate, and for each establishment DIR/NAME/hublink with its own certificate: copy that\n" +
			"hublink directory into the establishment's data directory (each node's, in a cluster), then\n" +
			"start it with serve --hub-url HUB:7433. Start the hub with serve --data DIR/hub --hub.",
		Args: cobra.ExactArgs(1),
		RunE: run(func(cmd *cobra.Command, args []string) error {
			o.Region = args[0]
			if o.Out == "" {
				return usagef("--out DIR is required")
			}
			for i := range o.Establishments {
				o.Establishments[i] = strings.TrimSpace(o.Establishments[i])
			}
			return env.Hub.Init(o, cmd.OutOrStdout())
		}),
	}
	cmd.Flags().StringSliceVar(&o.Establishments, "establishments", nil, "the establishments' names, e.g. cahors,figeac")
	cmd.Flags().StringVar(&o.Out, "out", "", "directory to write the hub's and the establishments' directories in")
	return cmd
}
