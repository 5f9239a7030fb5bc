package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func importCmd(env *Env, dataDir *string) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE.json",
		Short: "Load a JSON snapshot into a new, empty data directory",
		Long: "Load a snapshot written by `cellule export --format json` into an empty data directory\n" +
			"(created if missing). Everything is checked first — the format and its version, the audit\n" +
			"chain, the records against their digests, the id counters (none may let a later record\n" +
			"replace one), that the directory holds no crisis — and nothing\n" +
			"is written unless all of it holds. The result exports exactly as the original did.",
		Example: "  cellule import cahors.json --data ./cahors-copy",
		Args:    cobra.ExactArgs(1),
		RunE: run(func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			got, err := env.Import(*dataDir, f)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "imported %d records into %s; audit chain head #%d sha256:%s\n", got.Records, *dataDir, got.AuditRecords, got.Head)
			return nil
		}),
	}
}
