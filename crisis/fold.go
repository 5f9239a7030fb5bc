package crisis

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// FoldForSearch is s as searches compare it: lower case, accents dropped
// (decomposed, marks removed), so that "sante" finds "SANTÉ" and "creteil"
// finds "Créteil". Every search a person types goes through it.
func FoldForSearch(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}
