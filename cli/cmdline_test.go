package cli

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplitLine(t *testing.T) {
	cases := map[string][]string{
		"whoami":                            {"whoami"},
		"  log   Firewall rules reloaded  ": {"log", "Firewall", "rules", "reloaded"},
		`log 'Firewall reloaded' --at '2022-09-12 03:40'`: {"log", "Firewall reloaded", "--at", "2022-09-12 03:40"},
		`log "it's down"`:                      {"log", "it's down"},
		`log Dropper at C:\Windows\Temp\x.exe`: {"log", "Dropper", "at", `C:\Windows\Temp\x.exe`},
		`log ''`:                               {"log", ""},
		`log a'b c'd`:                          {"log", "ab cd"},
		"":                                     nil,
	}
	for in, want := range cases {
		got, err := SplitLine(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("SplitLine(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"log Firewall isn't responding", `log "open`, `log 'a" b`} {
		if _, err := SplitLine(in); err == nil {
			t.Errorf("SplitLine(%q) accepted an open quote", in)
		}
	}
}

func FuzzSplitLine(f *testing.F) {
	for _, s := range []string{"log a b", `log 'x y' "z"`, "log isn't", `C:\a\b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		words, err := SplitLine(line)
		if err != nil {
			return
		}
		// serverWord is the quoting the hints use for SplitLine: each word
		// quoted back gives the same words (a word with both quote kinds
		// cannot be written).
		quoted := make([]string, len(words))
		for i, w := range words {
			if strings.ContainsRune(w, '\'') && strings.ContainsRune(w, '"') {
				return
			}
			quoted[i] = serverWord(w)
		}
		again, err := SplitLine(strings.Join(quoted, " "))
		if err != nil || !reflect.DeepEqual(again, words) {
			t.Fatalf("%q -> %q -> %q -> %q (%v)", line, words, quoted, again, err)
		}
	})
}
