package e2e

import (
	"strings"
	"testing"
	"unicode/utf8"

	"cellule/internal/hostile"
)

// tmuxWidths is a filter for openConsoleThrough: the emulator then measures
// characters as tmux does where it disagrees with the server. The prepended
// concatenation marks (U+0600-0605, U+06DD, U+070F, U+0890-0891, U+08E2,
// U+110BD, U+110CD) are zero columns for the server and one for tmux; an
// emoji with a skin-tone modifier is 2 columns for the server and, for
// tmux, the emoji and the modifier side by side (4); a heart with VS16 is
// 2 columns for the server and 1 for tmux (VS16 widens nothing).
func tmuxWidths() func([]byte) []byte {
	var held []byte
	return func(p []byte) []byte {
		data := append(held, p...)
		// A character cut between two reads waits for its end.
		cut := len(data)
		for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
			if utf8.RuneStart(data[i]) {
				if !utf8.FullRune(data[i:]) {
					cut = i
				}
				break
			}
		}
		held = append([]byte(nil), data[cut:]...)
		data = data[:cut]
		out := make([]byte, 0, len(data))
		for len(data) > 0 {
			r, n := utf8.DecodeRune(data)
			switch {
			case concatenationMark(r):
				out = append(out, "¤"...) // one column
			case r >= 0x1F3FB && r <= 0x1F3FF:
				out = append(out, "\u3000"...) // two columns of their own
			case r == 0xFE0F:
			default:
				out = append(out, data[:n]...)
			}
			data = data[n:]
		}
		return out
	}
}

func concatenationMark(r rune) bool {
	switch {
	case r >= 0x0600 && r <= 0x0605, r == 0x06DD, r == 0x070F, r == 0x0890, r == 0x0891, r == 0x08E2, r == 0x110BD, r == 0x110CD:
		return true
	}
	return false
}

// at finds text (ASCII) on the emulated screen, cell by cell: the column
// and row of its first character, as the terminal placed it.
func (c *console) at(text string) (x, y int, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for y := range c.em.Height() {
	cells:
		for x := range c.em.Width() - len(text) + 1 {
			for i := range len(text) {
				cell := c.em.CellAt(x+i, y)
				if cell == nil || cell.Content != text[i:i+1] {
					continue cells
				}
			}
			return x, y, true
		}
	}
	return 0, 0, false
}

// columnsOf returns the column of every place text (ASCII) starts on the
// emulated screen, cell by cell.
func (c *console) columnsOf(text string) []int {
	c.mu.Lock()
	defer c.mu.Unlock()
	var xs []int
	for y := range c.em.Height() {
	cells:
		for x := range c.em.Width() - len(text) + 1 {
			for i := range len(text) {
				cell := c.em.CellAt(x+i, y)
				if cell == nil || cell.Content != text[i:i+1] {
					continue cells
				}
			}
			xs = append(xs, x)
		}
	}
	return xs
}

// checkAligned checks that a column of a table starts at the same cell on
// every row that shows it, whatever the columns before it hold: text is
// what starts the column's cells (as "05 65 00 00 ", the phone numbers of
// the directory).
func checkAligned(t *testing.T, c *console, text string) {
	t.Helper()
	xs := c.columnsOf(text)
	for _, x := range xs {
		if x != xs[0] {
			t.Errorf("the column of %q moved: it starts at cells %v\n%s", text, xs, c.screen())
			return
		}
	}
}

// checkLayout checks an 80x24 console's frame: header on rows 1-3, the
// tabs line on row 4, the footer on the last row, and no line that starts
// as a logbook row of the forged text.
func checkLayout(t *testing.T, screen string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if len(lines) < 5 || !strings.HasPrefix(lines[0], "Cellule") || !strings.Contains(lines[3], "1 Timeline") {
		t.Errorf("the header or the tabs line moved:\n%s", screen)
		return
	}
	if !isFooter(lines[len(lines)-1]) {
		t.Errorf("the footer is not on the last row:\n%s", screen)
	}
	for _, line := range lines {
		if strings.HasPrefix(strings.TrimLeft(line, " ▌"), "#999") {
			t.Errorf("a forged row shows:\n%s", screen)
		}
	}
}

// isFooter reports whether a line is the console's footer: its keys, as
// "↑/↓ move • f kind • / search • ? help • q quit".
func isFooter(line string) bool { return strings.Contains(line, " • ") }

// What a responder types reaches a viewer whose terminal measures some
// characters differently from the server (as tmux does): a run of 3,000
// U+0600 does not push the header and tabs off the screen, one followed by
// a forged row does not place a row of its own, and emoji with modifiers
// do not shift the columns after them.
func TestUnevenWidthsKeepTheConsoleInPlace(t *testing.T) {
	l := newLab(t)
	tmux := openConsoleThrough(t, l.viewer, 80, 24, tmuxWidths())
	plain := openConsole(t, l.viewer, 80, 24)
	tmux.waitText("Timeline")
	run := strings.Repeat("\u0600", 3000)
	mustRun(t, l.responder, "first "+run+" end1", "log", "--kind", "fact")
	mustRun(t, l.responder, "second "+run+hostile.ForgedRow, "log", "--kind", "fact")
	mustRun(t, l.responder, "third 👍🏽👍🏽👍🏽❤️❤️❤️ end3 "+run+" end4", "log", "--kind", "fact")
	screen := tmux.waitText("end3")
	plain.waitText("end3")
	checkLayout(t, screen)
	// Each text is where the server put it: in the same cells as on a
	// terminal that measures as the server does.
	for _, text := range []string{"end1", "end3", "end4", "#1", "#2", "#3", "bob"} {
		x, y, ok := tmux.at(text)
		px, py, pok := plain.at(text)
		if !ok || !pok || x != px || y != py {
			t.Errorf("%q is at %d,%d (found %v); the server put it at %d,%d (found %v):\n%s", text, x, y, ok, px, py, pok, screen)
		}
	}
}

// A client asking for a 0x0 terminal (ssh -tt from a script) gets an
// 80x24 console, not one a column wide.
func TestZeroSizedTerminalGetsAClassicConsole(t *testing.T) {
	l := newLab(t)
	con := openConsoleSized(t, l.viewer, 0, 0, 80, 24)
	screen := con.waitText("Timeline")
	checkLayout(t, screen)
	if lines := strings.Split(screen, "\n"); !strings.Contains(lines[0], "T+00h00") {
		t.Errorf("the header is not 80 columns wide:\n%s", screen)
	}
}
