package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"cellule/crisis"
)

func contactsCmd(env *Env, dataDir *string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "contacts [WORDS...] [--json]",
		Short: "Print the contacts directory (only the contacts matching WORDS, if given)",
		Long: "Print the directory Cellule keeps for when the usual one is out of reach: name, role,\n" +
			"organisation, phone, backup phone, notes, and who is on duty (*).\n" +
			"Words narrow the list: every word must appear in one of the fields.",
		Example: "  ssh -p 2222 host contacts\n  ssh -p 2222 host contacts astreinte",
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			cs, err := svc.Contacts(strings.Join(args, " "))
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				if cs == nil {
					cs = []crisis.Contact{}
				}
				type contactJSON struct {
					Name         string `json:"name"`
					Role         string `json:"role"`
					Organisation string `json:"organisation"`
					Phone        string `json:"phone"`
					BackupPhone  string `json:"backup_phone"`
					Notes        string `json:"notes"`
					OnDuty       bool   `json:"on_duty"`
				}
				list := make([]contactJSON, len(cs))
				for i, c := range cs {
					list[i] = contactJSON(c)
				}
				return writeJSON(out, list)
			}
			if len(cs) == 0 {
				all, err := svc.Contacts("")
				if err != nil {
					return err
				}
				if len(args) > 0 && len(all) > 0 {
					// Words that find nothing say so: the directory is not empty.
					fmt.Fprintln(out, env.tr("no-contact-match", crisis.SanitizeLine(strings.Join(args, " ")), crisis.Count(env.lang(), len(all), "contact")))
					return nil
				}
				fmt.Fprintln(out, env.tr("no-contact"))
				return nil
			}
			w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, env.tr("contacts-head"))
			for _, c := range cs {
				duty := ""
				if c.OnDuty {
					duty = "*"
				}
				clean := crisis.SanitizeLine
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", duty, clean(c.Name), clean(c.Role), clean(c.Organisation), clean(c.Phone), clean(c.BackupPhone), clean(c.Notes))
			}
			return w.Flush()
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {name, role, organisation, phone, backup_phone, notes, on_duty}")
	cmd.AddCommand(contactsImportCmd(env, dataDir), contactsDutyCmd(env, dataDir))
	return cmd
}

func contactsImportCmd(env *Env, dataDir *string) *cobra.Command {
	var skipBad bool
	cmd := &cobra.Command{
		Use:   "import [FILE.csv] [--skip-bad]",
		Short: "Import contacts from a CSV file (lead)",
		Long: "Import contacts from CSV with the header name,role,organisation,phone,backup_phone,notes\n" +
			"(and optionally on_duty: yes/no). A contact of the same name is replaced.\n" +
			"On the host: the file's path. Over SSH: the file on standard input.\n" +
			"A file with any bad row imports nothing, unless --skip-bad imports the good rows.",
		Example:     "  cellule contacts import annuaire.csv\n  ssh -p 2222 host contacts import < annuaire.csv",
		Args:        cobra.MaximumNArgs(1),
		Annotations: map[string]string{annotFileOnStdin: "yes"},
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			var res crisis.ContactImport
			err := importFile(env, cmd, args, func(data []byte) (rejected []crisis.LineError, err error) {
				res, err = svc.ImportContacts(env.Actor, data, skipBad)
				return res.Rejected, err
			})
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), env.tr("contacts-import", res.Added, res.Replaced, len(res.Rejected)))
			return nil
		}),
	}
	cmd.Flags().BoolVar(&skipBad, "skip-bad", false, "import the good rows and report the rest")
	return cmd
}

func contactsDutyCmd(env *Env, dataDir *string) *cobra.Command {
	var off bool
	cmd := &cobra.Command{
		Use:   "duty NAME [--off]",
		Short: "Mark a contact as on duty (or, with --off, not) (lead)",
		Args:  cobra.MinimumNArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			c, err := svc.SetOnDuty(env.Actor, strings.Join(args, " "), !off)
			if err != nil {
				return err
			}
			state := "on duty"
			if !c.OnDuty {
				state = "off duty"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", crisis.SanitizeLine(c.Name), state)
			return nil
		}),
	}
	cmd.Flags().BoolVar(&off, "off", false, "no longer on duty")
	return cmd
}
