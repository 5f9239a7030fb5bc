package crisis_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"cellule/crisis"
	"cellule/internal/hostile"
)

var assetSeeds = []string{
	"identifier,kind,state,owner,note\nadm-jdupont,domain-admin,compromised,IT,\"disabled\nat 03:00\"\nPC-URG-04,workstation,,,\n",
	"\uFEFFIdentifier,Type,Status\r\n203.0.113.7,ip,confirmed\r\nCVE-2023-4966,cve,\r\n",
	"identifier,kind\nx,toaster\nx,user\nX,user\n,user\n",
	"kind,identifier,item\nserver,srv-dc1,dc\n",
	"identifier,kind\n\"unterminated,user\n",
	"identifier,identifier\na,b\n",
	"",
	"identifier,kind\n" + hostile.Before + "\x1b]52;c;eA==\x07\u202e,user\n",
}

// FuzzParseAssetsCSV feeds the register's import: every row is taken or
// rejected with its line and a sentence; what is taken is sanitised,
// bounded and in a state of its class.
func FuzzParseAssetsCSV(f *testing.F) {
	for _, s := range assetSeeds {
		f.Add([]byte(s))
	}
	for _, c := range hostile.Corpus() {
		f.Add([]byte("identifier,kind,owner,note\n\"" + strings.ReplaceAll(c.Text, "\"", "\"\"") + "\",server,x,\"" + strings.ReplaceAll(c.Text, "\"", "\"\"") + "\"\n"))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got := crisis.ParseAssetsCSV(data)
		for _, r := range got.Rejected {
			if r.Line < 1 || crisis.Message(r.Err) == "" {
				t.Fatalf("rejected line %d: %v", r.Line, r.Err)
			}
		}
		seen := map[string]bool{}
		for _, p := range got.Assets {
			a := p.Asset
			for _, s := range []string{a.Identifier, a.Owner, a.Notes} {
				if err := hostile.Check(s); err != nil || strings.ContainsAny(s, "\n\r") {
					t.Fatalf("line %d: %q: %v", p.Line, s, err)
				}
			}
			if a.Identifier == "" || utf8.RuneCountInString(a.Identifier) > crisis.MaxAssetIdentifier ||
				utf8.RuneCountInString(a.Notes) > crisis.MaxAssetNote || utf8.RuneCountInString(a.Owner) > crisis.MaxAssetOwner {
				t.Fatalf("line %d: unbounded %+v", p.Line, a)
			}
			ok := false
			for _, st := range crisis.AssetStatesOf(a.Class()) {
				ok = ok || st == a.State
			}
			if !ok {
				t.Fatalf("line %d: state %q for a %s", p.Line, a.State, a.Class())
			}
			key := crisis.AssetKey(a.Kind, a.Identifier)
			if seen[key] {
				t.Fatalf("line %d: %s twice", p.Line, key)
			}
			seen[key] = true
		}
	})
}
