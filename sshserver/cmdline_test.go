package sshserver

import (
	"reflect"
	"testing"
)

func TestSplitCommand(t *testing.T) {
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
		got, err := splitCommand(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("splitCommand(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"log Firewall isn't responding", `log "open`, `log 'a" b`} {
		if _, err := splitCommand(in); err == nil {
			t.Errorf("splitCommand(%q) accepted an open quote", in)
		}
	}
}

func FuzzSplitCommand(f *testing.F) {
	for _, s := range []string{"log a b", `log 'x y' "z"`, "log isn't", `C:\a\b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		words, err := splitCommand(line)
		if err != nil {
			return
		}
		// Quoting each word back must give the same words: nothing is
		// dropped or invented (words with both quote kinds excepted).
		var rebuilt string
		for _, w := range words {
			q := "'"
			if containsRune(w, '\'') {
				if containsRune(w, '"') {
					return
				}
				q = `"`
			}
			rebuilt += " " + q + w + q
		}
		again, err := splitCommand(rebuilt)
		if err != nil || !reflect.DeepEqual(again, words) {
			t.Fatalf("%q -> %q -> %q -> %q (%v)", line, words, rebuilt, again, err)
		}
	})
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}
