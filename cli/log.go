package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"cellule/crisis"
)

func logCmd(env *Env, dataDir *string) *cobra.Command {
	var kind, at, source, verify string
	var amends, of uint64
	cmd := &cobra.Command{
		Use:   "log [TEXT...]",
		Short: "Append an entry to the logbook and print its number",
		Long: "Append an entry to the logbook (main courante) and print its number once it is saved.\n" +
			"The text comes from the arguments, or from standard input when there are none.\n" +
			"Kinds: fact, info, decision, action, communication, escalation (a closure is written by close only).\n" +
			"--at takes 14:05, 2022-09-12T03:40 (or \"2022-09-12 03:40\", quoted), or -20m (20 minutes ago),\n" +
			"in the server's time zone; add the zone or offset (\"02:30 CEST\", 02:30+02:00, 14:05 UTC) when the\n" +
			"clocks went back and the hour came twice. At most a year before the crisis opened, not in the future.\n" +
			"--source says who told us and how; --verify gives information received its status (to-verify,\n" +
			"verified, refuted; à-vérifier, vérifiée, réfutée). --verify STATUS --of ID changes the status of\n" +
			"entry ID by a new entry that points at it (the text, optional, says how it was checked).",
		Example: `  ssh -p 2222 host log "Firewall rules reloaded" --kind action --at 03:40` + "\n" +
			`  ssh -p 2222 host log "Mail server encrypted too" --source "CERT Santé, by phone" --verify to-verify` + "\n" +
			`  ssh -p 2222 host log --verify verified --of 12 "seen on the console"`,
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			if of != 0 {
				if verify == "" {
					return usagef("--of needs --verify STATUS")
				}
				note := ""
				if len(args) > 0 {
					note = strings.Join(args, " ")
				}
				e, err := svc.SetVerification(env.Actor, of, crisis.Check(verify), note, source)
				return printID(cmd, e.ID, err)
			}
			text, err := readText(env, args, cmd.InOrStdin(), crisis.MaxEntryBytes)
			if err != nil {
				return err
			}
			d := crisis.Draft{Kind: crisis.Kind(kind), Text: text, When: at, Source: source, Verify: verify}
			var e crisis.Entry
			if amends != 0 {
				e, err = svc.Correct(env.Actor, amends, d)
			} else {
				e, err = svc.Log(env.Actor, d)
			}
			return printID(cmd, e.ID, err)
		}),
	}
	cmd.Flags().StringVar(&kind, "kind", "", "kind of entry (default fact; a correction keeps the original's)")
	cmd.Flags().StringVar(&at, "at", "", "when it happened, if not now")
	cmd.Flags().Uint64Var(&amends, "amends", 0, "number of the entry this one corrects")
	cmd.Flags().StringVar(&source, "source", "", "who told us, and how (\"CERT Santé, by phone\", \"on site\", \"the provider\")")
	cmd.Flags().StringVar(&verify, "verify", "", "verification status of information received: to-verify, verified or refuted")
	cmd.Flags().Uint64Var(&of, "of", 0, "with --verify: the entry whose status this changes")
	return cmd
}
