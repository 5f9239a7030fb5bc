package frame

import (
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// Rows as the console draws them: the header, the tabs line, a selected
// entry, a French entry's text.
var benchRows = []string{
	"\x1b[1mCellule\x1b[m │ Crisis cell │ Stage: \x1b[38;2;240;180;0mAlert\x1b[m                                     T+00h00",
	" 1 Timeline   2 Tasks   3 Recovery  [4 On-call]  5 Report  ─────────────────────",
	"\x1b[38;2;80;160;255m▌\x1b[m #34  2026-12-04 18:51  bob  \x1b[1mFACT\x1b[m",
	"      Pare-feu rechargé à 03:40, règles vérifiées par l'équipe réseau « OK »",
}

// BenchmarkFitLine is what a row costs the writer the first time it is
// drawn at a width (then it is in the cache).
func BenchmarkFitLine(b *testing.B) {
	for b.Loop() {
		for _, r := range benchRows {
			fitLine(r, 80, colorprofile.TrueColor)
		}
	}
}
