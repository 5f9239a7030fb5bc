package kit

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
	"cellule/internal/hostile"
)

// matchedCells is the text of the cells drawn in the match background.
func matchedCells(t *testing.T, st *Styles, line string) string {
	t.Helper()
	var b strings.Builder
	for _, c := range cells(line) {
		if c.Style.Bg != nil && sameColor(c.Style.Bg, st.MatchBg) {
			b.WriteString(c.Content)
		}
	}
	return b.String()
}

func sameColor(a, b interface{ RGBA() (r, g, b, a uint32) }) bool {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	return ar == br && ag == bg && ab == bb
}

func TestHighlightMarksMatchesWhateverTheCase(t *testing.T) {
	st := NewStyles(Light())
	name := lipgloss.NewStyle().Foreground(Light().Accent).Render("Astreinte") + " messagerie ASTRE"
	got := st.Highlight(name, "astr")
	if m := matchedCells(t, st, got); m != "AstrASTR" {
		t.Fatalf("matched %q, want both matches (AstrASTR)", m)
	}
	if ansi.Strip(got) != ansi.Strip(name) {
		t.Fatalf("the text changed: %q", ansi.Strip(got))
	}
	// The rest keeps its colour: "einte" is still the accent.
	for _, c := range cells(got)[4:9] {
		if c.Style.Fg == nil || !sameColor(c.Style.Fg, Light().Accent) {
			t.Fatalf("the name lost its colour after the match: %+v", c)
		}
	}
	if st.Highlight(name, "xyz") != name {
		t.Fatal("a line without a match was redrawn")
	}
}

// TestHighlightNeverSplitsASequenceOrAGrapheme: over the hostile corpus
// (as the service keeps it) and wide and combining characters, the
// highlighted line shows the same text in the same cells, and a match is
// whole graphemes.
func TestHighlightNeverSplitsASequenceOrAGrapheme(t *testing.T) {
	st := NewStyles(Dark())
	lines := []string{"e\u0301te\u0301 Ｔｅｌ 電話 👩 nurse Café", "[m 1;31m ;  \\x1b"}
	for _, c := range hostile.Corpus() {
		lines = append(lines, crisis.SanitizeLine(c.Text))
	}
	for _, line := range lines {
		styled := lipgloss.NewStyle().Foreground(Dark().Accent).Render(line)
		for _, q := range []string{"e", "É", "te\u0301", "電", "a", "m", "[", "1", ";", "x1b", "zzz", "AAA"} {
			got := st.Highlight(styled, q)
			if ansi.Strip(got) != line {
				t.Fatalf("%q searching %q: the text became %q", line, q, ansi.Strip(got))
			}
			if ansi.StringWidth(got) != ansi.StringWidth(line) {
				t.Fatalf("%q searching %q: width %d, was %d", line, q, ansi.StringWidth(got), ansi.StringWidth(line))
			}
			if err := hostile.Check(ansi.Strip(got)); err != nil {
				t.Fatalf("%q searching %q: %v", line, q, err)
			}
		}
	}
	// A combining accent is part of its letter: searching "e" marks "é"
	// whole.
	if m := matchedCells(t, st, st.Highlight("e\u0301t", "e")); m != "e\u0301" {
		t.Fatalf("matched %q", m)
	}
}

func TestSelectRowFillsTheWidth(t *testing.T) {
	st := NewStyles(Light())
	line := lipgloss.NewStyle().Foreground(Light().Error).Render("P1") + " Call the CERT 電話"
	got := st.SelectRow(line, 40)
	cs := cells(got)
	w := 0
	for _, c := range cs {
		w += c.Width
		if c.IsZero() {
			continue
		}
		if c.Style.Bg == nil || !sameColor(c.Style.Bg, Light().SelectedBg) {
			t.Fatalf("cell %q has no selected background", c.Content)
		}
	}
	if w != 40 {
		t.Fatalf("the selected row is %d cells wide, want 40", w)
	}
	if !sameColor(cs[0].Style.Fg, Light().Error) || !sameColor(cs[3].Style.Fg, Light().SelectedText) {
		t.Fatal("the row's colours were not kept, or its plain text not given the selected text colour")
	}
}
