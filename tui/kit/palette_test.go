package kit

import (
	"image/color"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// luminance is WCAG 2.x relative luminance.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v>>8) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is WCAG 2.x contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func hex(s string) color.Color {
	var r, g, b uint8
	for i, p := range []*uint8{&r, &g, &b} {
		for _, ch := range s[1+2*i : 3+2*i] {
			v := uint8(ch - '0')
			if ch >= 'a' {
				v = uint8(ch-'a') + 10
			}
			*p = *p*16 + v
		}
	}
	return color.RGBA{r, g, b, 255}
}

func TestContrastHelperMatchesWCAG(t *testing.T) {
	// Black on white is 21:1, and #777777 on white is the classic 4.48.
	if got := contrast(hex("#000000"), hex("#ffffff")); math.Abs(got-21) > 0.01 {
		t.Fatalf("black on white: %.2f", got)
	}
	if got := contrast(hex("#777777"), hex("#ffffff")); math.Abs(got-4.48) > 0.01 {
		t.Fatalf("#777 on white: %.2f", got)
	}
}

// TestPalettesReadOnTheirBackgrounds checks every pair of colours the
// console draws together: each foreground on the terminal background the
// palette is for (both usual dark backgrounds for Dark), each foreground on
// the selected row's background (a selected row keeps its coloured
// names and kinds), and a search match's text on its background.
func TestPalettesReadOnTheirBackgrounds(t *testing.T) {
	type pair struct {
		name   string
		fg, bg color.Color
	}
	for _, tc := range []struct {
		theme string
		p     Palette
		bgs   []color.Color
	}{
		{"dark", Dark(), []color.Color{hex("#000000"), hex("#1e1e1e")}},
		{"light", Light(), []color.Color{hex("#ffffff")}},
	} {
		p := tc.p
		fgs := map[string]color.Color{
			"OK": p.OK, "Error": p.Error, "Warning": p.Warning, "Late": p.Late,
			"Accent": p.Accent, "Selected": p.Selected, "Muted": p.Muted,
			"Info": p.Info, "Strong": p.Strong, "SelectedText": p.SelectedText,
		}
		var pairs []pair
		for name, fg := range fgs {
			for _, bg := range append([]color.Color{p.Background}, tc.bgs...) {
				pairs = append(pairs, pair{name + " on the background", fg, bg})
			}
			pairs = append(pairs, pair{name + " on the selected row", fg, p.SelectedBg})
		}
		pairs = append(pairs, pair{"a search match", p.MatchText, p.MatchBg})
		for _, pr := range pairs {
			if c := contrast(pr.fg, pr.bg); c < 4.5 {
				t.Errorf("%s palette: %s reads at %.2f:1, under 4.5:1", tc.theme, pr.name, c)
			}
		}
	}
}

// TestEveryColourComesFromThePalette: no file of the console names a
// colour of its own (a hex value, an ANSI number, a named ANSI colour):
// each is a palette's, by meaning, so each theme's contrast is the
// palette test's.
func TestEveryColourComesFromThePalette(t *testing.T) {
	own := regexp.MustCompile(`lipgloss\.(Color\(|Red\b|Green\b|Yellow\b|Blue\b|Cyan\b|Magenta\b|White\b|Black\b|Bright)|ansi\.(IndexedColor|BasicColor|RGBColor)\(|color\.RGBA\{|"#[0-9a-fA-F]{6}"`)
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		if filepath.Base(path) == "palette.go" && filepath.Base(filepath.Dir(path)) == "kit" {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			if own.MatchString(line) {
				t.Errorf("%s:%d names a colour outside the palette: %s", path, i+1, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
