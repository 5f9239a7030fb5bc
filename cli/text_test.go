package cli

import (
	"regexp"
	"strings"
	"testing"
)

// Every sentence of the command tree has its French text with the same
// verbs, or a French reader would read English.
func TestEveryCommandSentenceHasFrench(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
	for code, en := range cliEnglish {
		fr, ok := cliFrench[code]
		if !ok {
			t.Errorf("%q has no French text", code)
			continue
		}
		if a, b := verbs.FindAllString(en, -1), verbs.FindAllString(fr, -1); strings.Join(a, " ") != strings.Join(b, " ") {
			t.Errorf("%q: French verbs %v, English %v", code, b, a)
		}
	}
	for code := range cliFrench {
		if _, ok := cliEnglish[code]; !ok {
			t.Errorf("French %q has no English text", code)
		}
	}
}

// The server's language: $CELLULE_LANG, else the host's locale.
func TestHostLang(t *testing.T) {
	for _, c := range []struct{ cellule, all, messages, lang, want string }{
		{"fr", "", "", "", "fr"},
		{"en", "fr_FR.UTF-8", "", "", "en"},
		{"", "", "", "fr_FR.UTF-8", "fr"},
		{"", "C", "", "fr_FR.UTF-8", "en"},
		{"", "", "fr_CA.UTF-8", "en_US.UTF-8", "fr"},
		{"", "", "", "", "en"},
	} {
		t.Setenv("CELLULE_LANG", c.cellule)
		t.Setenv("LC_ALL", c.all)
		t.Setenv("LC_MESSAGES", c.messages)
		t.Setenv("LANG", c.lang)
		if got := HostLang(); got != c.want {
			t.Errorf("%+v: HostLang() = %q", c, got)
		}
	}
}
