package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"cellule/crisis"
)

func stageCmd(env *Env, dataDir *string) *cobra.Command {
	var note string
	cmd := &cobra.Command{
		Use:   "stage [STAGE]",
		Short: "Print the crisis stage, or move the crisis to STAGE (lead)",
		Long: "Without an argument, print the crisis name and stage.\n" +
			"With one, move the crisis to that stage (lead only); the change is logged.\n" +
			"Stages: alert, qualification, containment, investigation, remediation, end-of-crisis.",
		Args: cobra.MaximumNArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			if len(args) == 0 {
				st, err := svc.Status()
				if err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), env.tr("stage", crisis.SanitizeLine(st.Crisis.Name), crisis.Term(env.lang(), "stage", string(st.Crisis.Stage))))
				return nil
			}
			e, err := svc.SetStage(env.Actor, crisis.Stage(args[0]), note)
			return printID(cmd, e.ID, err)
		}),
	}
	cmd.Flags().StringVar(&note, "note", "", "why, added to the logbook entry")
	return cmd
}

func whoamiCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "whoami",
		Short: "Print your name and role",
		Args:  cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "%s %s\n", env.Actor.Name, env.Actor.Role)
			return nil
		}),
	}
}
