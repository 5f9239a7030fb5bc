package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// buildTime is when the binary was built, when the build says so:
// go build -ldflags "-X cellule/cli.buildTime=$(date -u +%Y-%m-%dT%H:%M:%SZ)".
// The Go toolchain records the commit and its time, not the build's.
var buildTime string

// Version is what `cellule version` prints, from the build information the
// Go toolchain puts in the binary.
type Version struct {
	Module, Commit, CommitTime, BuildTime, GoVersion string
	// Modified is set when the tree had changes not committed.
	Modified bool
}

// ReadVersion reads the binary's build information.
func ReadVersion() Version {
	v := Version{Module: "(unknown)", BuildTime: buildTime}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	v.Module, v.GoVersion = bi.Main.Version, bi.GoVersion
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Commit = s.Value
		case "vcs.time":
			v.CommitTime = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

func versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, commit and build of this cellule",
		Args:  cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, _ []string) error {
			v := ReadVersion()
			out := cmd.OutOrStdout()
			orUnknown := func(s, why string) string {
				if s == "" {
					return why
				}
				return s
			}
			fmt.Fprintf(out, "cellule %s\n", v.Module)
			commit := orUnknown(v.Commit, "not recorded (built outside a git checkout, or with -buildvcs=false)")
			if v.Modified {
				commit += " (modified: uncommitted changes)"
			}
			fmt.Fprintf(out, "  commit:       %s\n", commit)
			fmt.Fprintf(out, "  commit time:  %s\n", orUnknown(v.CommitTime, "not recorded"))
			fmt.Fprintf(out, "  built:        %s\n", orUnknown(v.BuildTime, "not recorded"))
			fmt.Fprintf(out, "  go:           %s\n", orUnknown(v.GoVersion, "not recorded"))
			return nil
		}),
	}
}
