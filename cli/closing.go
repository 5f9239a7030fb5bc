package cli

import (
	"github.com/spf13/cobra"

	"cellule/crisis"
)

func closeCmd(env *Env, dataDir *string) *cobra.Command {
	var note string
	cmd := &cobra.Command{
		Use:   "close --note TEXT",
		Short: "Close the crisis for good: the record becomes read-only (lead)",
		Long: "Close the crisis with a closing note (lead only). The crisis moves to end-of-crisis, a\n" +
			"closure entry records the note and the audit chain's head hash, and from then on every\n" +
			"change is refused. Exports and verify still work. Prints the closure entry's number.",
		Example: `  ssh -p 2222 host "close --note 'Sortie de crise; remediation plan handed over'"`,
		Args:    cobra.NoArgs,
		RunE: withService(env, dataDir, func(cmd *cobra.Command, _ []string, svc *crisis.Service) error {
			e, err := svc.Close(env.Actor, note)
			return printID(cmd, e.ID, err)
		}),
	}
	cmd.Flags().StringVar(&note, "note", "", "the closing note (required)")
	_ = cmd.MarkFlagRequired("note")
	return cmd
}
