package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"cellule/crisis"
)

// HostLang is the server's language when serve --lang does not say:
// $CELLULE_LANG, else French when the host's locale is French (LC_ALL,
// then LC_MESSAGES, then LANG, as C programs read them), else English.
func HostLang() string {
	if l := crisis.NormLang(os.Getenv("CELLULE_LANG")); l != "" {
		return l
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			if crisis.NormLang(s) == crisis.LangFrench {
				return crisis.LangFrench
			}
			return crisis.LangEnglish
		}
	}
	return crisis.LangEnglish
}

// lang is the language a command answers in: --lang, then the caller's
// own, then the server's (or host's), then English.
func (env *Env) lang() string {
	for _, l := range []string{env.langFlag, env.Actor.Lang, env.Lang} {
		if l = crisis.NormLang(l); l != "" {
			return l
		}
	}
	return crisis.LangEnglish
}

// catalogue is the domain's refusals in the caller's language.
func (env *Env) catalogue() map[string]string {
	if env.lang() == crisis.LangFrench {
		return crisis.French
	}
	return crisis.English
}

// tr is the command tree's sentence code in the caller's language, filled
// in like fmt.Sprintf (English for a code French lacks; a test holds the
// tables complete).
func (env *Env) tr(code string, args ...any) string {
	format, ok := cliText[env.lang()][code]
	if !ok {
		if format, ok = cliText[crisis.LangEnglish][code]; !ok {
			format = code
		}
	}
	return fmt.Sprintf(format, args...)
}

// langFlag adds the persistent --lang and checks it before any command.
func langFlag(root *cobra.Command, env *Env) {
	root.PersistentFlags().StringVar(&env.langFlag, "lang", "", "language of this command's output and errors: fr or en (default: yours, else the server's)")
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if env.langFlag == "" {
			return nil
		}
		l, err := crisis.ParseLang(env.langFlag)
		if err != nil {
			env.langFlag = ""
			return usagef("%s", crisis.MessageIn(err, env.catalogue()))
		}
		env.langFlag = l
		return nil
	}
}

// cliText holds the command tree's own sentences, by language then code.
var cliText = map[string]map[string]string{crisis.LangEnglish: cliEnglish, crisis.LangFrench: cliFrench}
