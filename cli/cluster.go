package cli

import (
	"errors"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// ClusterFlags are serve's cluster flags; none given, nothing of the
// cluster starts.
type ClusterFlags struct {
	// ClusterListen is the address of this node's routes to the others.
	ClusterListen string
	// Peers are the other nodes' route addresses.
	Peers []string
}

// Clustered reports whether serve was asked to start a cluster node.
func (f ClusterFlags) Clustered() bool { return f.ClusterListen != "" || len(f.Peers) > 0 }

func clusterFlags(cmd *cobra.Command, f *ClusterFlags) {
	cmd.Flags().StringVar(&f.ClusterListen, "cluster-listen", "", "run as a cluster node (a directory made by `cluster init`): address of its routes, HOST:PORT")
	cmd.Flags().StringSliceVar(&f.Peers, "peers", nil, "the other cluster nodes' route addresses, HOST:PORT,HOST:PORT")
}

// ClusterInitOptions are `cluster init`'s.
type ClusterInitOptions struct {
	Name  string
	Nodes []string
	Out   string
	// From is a single-node data directory whose record, users and host
	// key every node starts with ("" for an empty record).
	From string
}

// ClusterEnv is what the cluster commands need from their caller.
type ClusterEnv struct {
	// Init writes the nodes' directories (host only).
	Init func(o ClusterInitOptions, out io.Writer) error
	// Status prints the cluster as the node of dataDir sees it (over SSH:
	// the serving node, dataDir unused).
	Status func(dataDir string, out io.Writer) error
}

func clusterCmd(env *Env, dataDir *string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cluster",
		Short: "Nodes that share one record: init (host), status",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	if !env.Remote {
		cmd.AddCommand(clusterInitCmd(env))
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "status",
		Short: "Show the nodes, the stream's leader, each node's lag and last contact",
		Args:  cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, _ []string) error {
			if env.Cluster.Status == nil {
				return errors.New("this server is not a cluster node")
			}
			return env.Cluster.Status(*dataDir, cmd.OutOrStdout())
		}),
	})
	return cmd
}

func clusterInitCmd(env *Env) *cobra.Command {
	var o ClusterInitOptions
	cmd := &cobra.Command{
		Use:   "init NAME --nodes a,b,c --out DIR [--from DATA]",
		Short: "Make one data directory per node (DIR/a, DIR/b...), with the cluster's credentials",
		Long: "Make one data directory per node, DIR/NODE, each holding the cluster's TLS credentials (a CA\n" +
			"made here and the node's own certificate), the same SSH host key and, with --from, a copy of\n" +
			"an existing single-node record (its users included). Copy each directory to its machine, then\n" +
			"start each node with serve --data DIR/NODE --cluster-listen HOST:PORT --peers HOST:PORT,...",
		Args: cobra.ExactArgs(1),
		RunE: run(func(cmd *cobra.Command, args []string) error {
			o.Name = args[0]
			if o.Out == "" {
				return usagef("--out DIR is required")
			}
			if len(o.Nodes) == 0 {
				return usagef("--nodes a,b,c is required")
			}
			for i := range o.Nodes {
				o.Nodes[i] = strings.TrimSpace(o.Nodes[i])
			}
			return env.Cluster.Init(o, cmd.OutOrStdout())
		}),
	}
	cmd.Flags().StringSliceVar(&o.Nodes, "nodes", nil, "the nodes' names, e.g. a,b,c (an odd number, at least 3)")
	cmd.Flags().StringVar(&o.Out, "out", "", "directory to write the nodes' directories in")
	cmd.Flags().StringVar(&o.From, "from", "", "a single-node data directory to start from (its record, users and host key)")
	return cmd
}
