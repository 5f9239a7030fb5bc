package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"cellule/crisis"
)

func takeawayCmd(env *Env, dataDir *string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "takeaway",
		Short: "Write and list the key takeaways of the lessons-learned report",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(takeawayAddCmd(env, dataDir), takeawayListCmd(env, dataDir))
	return cmd
}

func takeawayAddCmd(env *Env, dataDir *string) *cobra.Command {
	return &cobra.Command{
		Use:     "add [TEXT...]",
		Short:   "Add a key takeaway (lead); prints its number",
		Long:    "Add a key takeaway to the report (lead only). The text comes from the arguments, or from standard input.",
		Example: `  ssh -p 2222 host takeaway add "Mail and VPN must not authenticate against the hospital's AD"`,
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			text, err := readText(env, args, cmd.InOrStdin(), crisis.MaxTakeawayBytes)
			if err != nil {
				return err
			}
			t, err := svc.AddTakeaway(env.Actor, text)
			return printID(cmd, t.ID, err)
		}),
	}
}

// takeawayJSON is the public JSON form of a takeaway.
type takeawayJSON struct {
	ID     uint64 `json:"id"`
	At     string `json:"at"`
	Author string `json:"author"`
	Text   string `json:"text"`
}

func takeawayListCmd(env *Env, dataDir *string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the key takeaways (--json for a JSON array)",
		Args:  cobra.NoArgs,
		RunE: withService(env, dataDir, func(cmd *cobra.Command, _ []string, svc *crisis.Service) error {
			ts, err := svc.Takeaways()
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				list := make([]takeawayJSON, len(ts))
				for i, t := range ts {
					list[i] = takeawayJSON{ID: t.ID, At: utcTime(t.At), Author: t.Author, Text: t.Text}
				}
				return writeJSON(out, list)
			}
			for _, t := range ts {
				text := strings.ReplaceAll(crisis.Sanitize(t.Text), "\n", "\n    ")
				fmt.Fprintf(out, "#%d  %s  %s\n    %s\n", t.ID, t.At.In(svc.Location()).Format(textTime), crisis.SanitizeLine(t.Author), text)
			}
			return nil
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {id, at, author, text}")
	return cmd
}
