package e2e

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/vt"
)

// clockFg is the colour the header's clock ("T+...", top right) is drawn
// in on the emulated screen, nil before it is drawn.
func (c *console) clockFg() color.Color {
	c.mu.Lock()
	defer c.mu.Unlock()
	row := strings.SplitN(c.em.String(), "\n", 2)[0]
	i := strings.Index(row, "T+")
	if i < 0 {
		return nil
	}
	cell := c.em.CellAt(len([]rune(row[:i])), 0)
	if cell == nil {
		return nil
	}
	return cell.Style.Fg
}

// luma is a colour's relative luminance (WCAG), 0 for black, 1 for white.
func luma(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// darkText and lightText tell the two palettes apart as a user sees them:
// the light palette draws the clock in a dark shade that reads on white,
// the dark palette in a bright one.
func darkText(c color.Color) bool  { return c != nil && luma(c) < 0.2 }
func lightText(c color.Color) bool { return c != nil && luma(c) > 0.4 }

// consoleOnBackground opens a console whose terminal answers the
// background-colour query with bg (nil: a terminal that does not answer).
func consoleOnBackground(t *testing.T, c *client, bg color.Color) *console {
	t.Helper()
	em := vt.NewEmulator(80, 24)
	if bg != nil {
		em.SetDefaultBackgroundColor(bg)
	}
	con := openConsoleOn(t, c, 80, 24, em, nil)
	con.waitText("T+")
	return con
}

func TestLightTerminalGetsTheLightPalette(t *testing.T) {
	l := newLab(t)
	con := consoleOnBackground(t, l.responder, color.White)
	con.waitFor("the clock drawn in the light palette", func(string) bool { return darkText(con.clockFg()) })
}

func TestSilentOrDarkTerminalGetsTheDarkPalette(t *testing.T) {
	l := newLab(t)
	// No answer: dark, from the first frame on.
	silent := consoleOnBackground(t, l.responder, nil)
	if fg := silent.clockFg(); !lightText(fg) {
		t.Fatalf("a terminal that does not answer got a clock in %v, not the dark palette's", fg)
	}
	// A dark answer keeps it dark; a key pressed after the answer redraws.
	dark := consoleOnBackground(t, l.responder, color.Black)
	dark.typeKeys("2")
	dark.waitText("[2 Tasks]")
	if fg := dark.clockFg(); !lightText(fg) {
		t.Fatalf("a dark terminal got a clock in %v, not the dark palette's", fg)
	}
}

func TestUserSetThemeOverridesTheTerminal(t *testing.T) {
	l := newLab(t)
	if out, errOut, code := run(t, l.responder, "", "user", "set", "bob", "--theme", "light"); code != 0 || !strings.Contains(out, "bob's theme is light") {
		t.Fatalf("bob could not choose his own theme: exit %d, %q %q", code, out, errOut)
	}
	// A dark terminal, or one that does not answer: light all the same.
	for _, bg := range []color.Color{color.Black, nil} {
		con := consoleOnBackground(t, l.responder, bg)
		if fg := con.clockFg(); !darkText(fg) {
			t.Fatalf("bob chose light, the terminal (%v) got a clock in %v", bg, fg)
		}
		con.typeKeys("2")
		con.waitText("[2 Tasks]")
		if fg := con.clockFg(); !darkText(fg) {
			t.Fatalf("bob chose light; after the terminal's answer (%v) the clock is in %v", bg, fg)
		}
	}

	// Someone else's theme is a lead's to choose, and nothing changes
	// when a responder tries.
	if _, errOut, code := run(t, l.responder, "", "user", "set", "vera", "--theme", "light"); code == 0 || !strings.Contains(errOut, "only their own theme") {
		t.Fatalf("a responder set another user's theme: exit %d, %q", code, errOut)
	}
	if con := consoleOnBackground(t, l.viewer, nil); !lightText(con.clockFg()) {
		t.Fatal("vera's theme changed after a refused request")
	}
	if out, errOut, code := run(t, l.lead, "", "user", "set", "vera", "--theme", "light"); code != 0 || !strings.Contains(out, "vera's theme is light") {
		t.Fatalf("a lead could not set vera's theme: exit %d, %q %q", code, out, errOut)
	}
	if con := consoleOnBackground(t, l.viewer, nil); !darkText(con.clockFg()) {
		t.Fatal("the lead set vera's theme to light, her console is not")
	}

	// Bad values and no setting at all are refused with a clear message.
	if _, errOut, code := run(t, l.responder, "", "user", "set", "bob", "--theme", "pink"); code == 0 || !strings.Contains(errOut, "dark, light or auto") {
		t.Fatalf("--theme pink: exit %d, %q", code, errOut)
	}
	if _, errOut, code := run(t, l.responder, "", "user", "set", "bob"); code == 0 || !strings.Contains(errOut, "nothing to set") {
		t.Fatalf("user set with no flag: exit %d, %q", code, errOut)
	}
	// Back to auto: the terminal decides again.
	if out, _, code := run(t, l.responder, "", "user", "set", "bob", "--theme", "auto"); code != 0 || !strings.Contains(out, "bob's theme is auto") {
		t.Fatalf("back to auto: exit %d, %q", code, out)
	}
	if con := consoleOnBackground(t, l.responder, nil); !lightText(con.clockFg()) {
		t.Fatal("bob is back to auto on a silent terminal, and his console is not dark")
	}
}
