package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"cellule/crisis"
)

// profileFlags are a person's display name and organisation, given to
// user add and user set; a flag not given leaves its field. The person's
// language is --lang: on these two commands it is theirs (and the
// answer's).
type profileFlags struct{ name, org string }

func (p *profileFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&p.name, "name", "", `the person's display name, as screens and exports show it ("Héloïse Durand")`)
	cmd.Flags().StringVar(&p.org, "org", "", `the person's organisation ("CH Cahors — DSI")`)
}

func (p *profileFlags) profile(cmd *cobra.Command, env *Env) crisis.Profile {
	var pr crisis.Profile
	if cmd.Flags().Changed("name") {
		pr.DisplayName = &p.name
	}
	if cmd.Flags().Changed("org") {
		pr.Org = &p.org
	}
	if cmd.Flags().Changed("lang") {
		l := env.langFlag
		pr.Lang = &l
	}
	return pr
}

// userSetCmd changes a person's settings; each is a flag, all optional,
// so that later settings join it.
func userSetCmd(env *Env, dataDir *string) *cobra.Command {
	var pf profileFlags
	var theme string
	cmd := &cobra.Command{
		Use:   "set NAME [--lang fr|en] [--name \"Display Name\"] [--org ORG] [--theme light|dark|auto]",
		Short: "Change a person's language, display name, organisation or console theme (yours, or anyone's as a lead)",
		Long: "Change what a person reads and how they are shown: --lang sets the language the\n" +
			"person reads in (fr or en), --name and --org how screens and exports name them,\n" +
			"--theme the console's palette: light, dark, or auto (the default: the terminal's\n" +
			"background decides when it tells it, dark otherwise).",
		Example: "  ssh -p 2222 host user set heloise --lang fr\n" +
			"  ssh -p 2222 host user set heloise --name \"Héloïse Durand\" --org \"CH Cahors — DSI\"\n" +
			"  ssh -p 2222 host user set alice --theme light",
		Args: cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			changed := func(f string) bool { return cmd.Flags().Changed(f) }
			if !changed("theme") && !changed("lang") && !changed("name") && !changed("org") {
				return fmt.Errorf("%s", env.tr("nothing-to-set"))
			}
			if changed("theme") {
				u, err := svc.SetTheme(env.Actor, args[0], theme)
				if err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), env.tr("theme-set", u.Name, crisis.ThemeName(u.Theme)))
				if !changed("lang") && !changed("name") && !changed("org") {
					return nil
				}
			}
			p := pf.profile(cmd, env)
			u, err := svc.SetProfile(env.Actor, args[0], p)
			if err != nil {
				return err
			}
			lang := u.Lang
			if lang == "" {
				lang = env.tr("lang-none")
			}
			fmt.Fprintln(cmd.OutOrStdout(), env.tr("profile-set", u.Name, lang, shownAs(u)))
			return nil
		}),
	}
	pf.add(cmd)
	cmd.Flags().StringVar(&theme, "theme", "", "light, dark or auto")
	return cmd
}

// shownAs is how command output names u: display name and organisation
// beside the login.
func shownAs(u crisis.User) string {
	s := crisis.SanitizeLine(u.Shown())
	if u.Org != "" {
		s += " (" + crisis.SanitizeLine(u.Org) + ")"
	}
	return s
}
