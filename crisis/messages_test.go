package crisis

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every refusal the domain can give must have its English sentence, or a
// user would read a bare code.
func TestEveryErrorCodeHasEnglish(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	call := regexp.MustCompile(`(?:invalidf|forbiddenf|notFoundf|conflictf)\("([^"]+)"`)
	seen := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			seen++
			if _, ok := English[m[1]]; !ok && m[1] != "forbidden." {
				t.Errorf("%s: code %q has no English sentence", f, m[1])
			}
		}
	}
	for act := range permissions {
		if _, ok := English["forbidden."+string(act)]; !ok {
			t.Errorf("no English refusal for action %q", act)
		}
	}
	if seen < 20 {
		t.Fatalf("found only %d refusals: the pattern no longer matches the code", seen)
	}
}

// Every refusal has its French sentence, with the same verbs in the same
// order, or a French reader would read English.
func TestEveryErrorCodeHasFrench(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
	for code, en := range English {
		fr, ok := French[code]
		if !ok {
			t.Errorf("code %q has no French sentence", code)
			continue
		}
		if a, b := verbs.FindAllString(en, -1), verbs.FindAllString(fr, -1); strings.Join(a, " ") != strings.Join(b, " ") {
			t.Errorf("%q: French verbs %v, English %v", code, b, a)
		}
	}
	for code := range French {
		if _, ok := English[code]; !ok {
			t.Errorf("French code %q has no English sentence", code)
		}
	}
}
