package frame

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// asTmux rewrites what a terminal gets so that the emulator measures
// characters as tmux does where it disagrees with the server: U+0600 is
// one column (zero here), a skin-tone modifier two more (the thumbs-up
// with one is 4 columns, 2 here), VS16 nothing (a heart with it is 1
// column, 2 here).
func asTmux(p []byte) []byte {
	s := string(p)
	s = strings.ReplaceAll(s, "\u0600", "¤")
	s = strings.ReplaceAll(s, "\U0001F3FD", "\u3000")
	s = strings.ReplaceAll(s, "\uFE0F", "")
	return []byte(s)
}

// markerAt finds an ASCII marker on an emulated screen, cell by cell.
func markerAt(em *vt.Emulator, marker string) (x, y int, ok bool) {
	for y := range em.Height() {
	cells:
		for x := range em.Width() - len(marker) + 1 {
			for i := range len(marker) {
				if c := em.CellAt(x+i, y); c == nil || c.Content != marker[i:i+1] {
					continue cells
				}
			}
			return x, y, true
		}
	}
	return 0, 0, false
}

// Whatever a terminal thinks the characters' widths are, no row draws
// outside its row and the text after a character of disputed width is
// where the server put it: autowrap is off, each row starts at its first
// column, and the column after such a character is set again. (The text
// here is not sanitised: the writer holds on its own.)
func TestRowsStayInPlaceWhateverTheTerminalMeasures(t *testing.T) {
	rows := []string{
		"header",
		strings.Repeat("\u0600", 300) + "  #999 FAKE",
		"👍🏽👍🏽 | col2",
		"❤️❤️ | col3",
		"\x1b[1m" + strings.Repeat("\u0600", 50) + "\x1b[m日本 | col4",
		"footer",
	}
	const w, h = 40, 6
	tmux, plain := vt.NewEmulator(w, h), vt.NewEmulator(w, h)
	wt := New(writerFunc(func(p []byte) (int, error) { return tmux.Write(asTmux(p)) }), w, h, colorprofile.TrueColor, NewRows(), nil)
	wp := New(plain, w, h, colorprofile.TrueColor, NewRows(), nil)
	for range 2 { // the second frame changes nothing: no row is sent again
		wt.Draw(append([]string(nil), rows...), nil)
		wp.Draw(append([]string(nil), rows...), nil)
	}
	for _, m := range []string{"header", "#999 FAKE", "| col2", "| col3", "| col4", "footer"} {
		x, y, ok := markerAt(tmux, m)
		px, py, pok := markerAt(plain, m)
		if !ok || !pok || x != px || y != py {
			t.Errorf("%q is at %d,%d (found %v); the server put it at %d,%d (found %v); the screen:\n%s", m, x, y, ok, px, py, pok, tmux.String())
		}
	}
	// A row the terminal measures wider than the server did is cut at
	// the last column: every row holds what its row holds, nothing more.
	lines := strings.Split(tmux.String(), "\n")
	if len(lines) < h || !strings.HasPrefix(lines[0], "header") || !strings.HasPrefix(lines[h-1], "footer") {
		t.Errorf("the rows moved:\n%s", tmux.String())
	}
	for i, l := range lines {
		if utf8.RuneCountInString(strings.TrimRight(l, " ")) > w {
			t.Errorf("row %d holds more than the width: %q", i, l)
		}
	}
}

// Only characters of disputed width are pinned: Latin, accented letters
// and box drawing cost nothing.
func TestOnlyDisputedWidthsArePinned(t *testing.T) {
	for _, line := range []string{"Pare-feu rechargé à 03:40 ─┼─ «ok»", "\x1b[1mÉtat\x1b[m: ça va", "▌ ↑/↓ move • f kind … ░░░"} {
		if got := pinColumns(line); got != line {
			t.Errorf("pinColumns(%q) = %q", line, got)
		}
	}
	for line, want := range map[string]string{
		"日本 x":         "日" + ansi.CHA(3) + "本" + ansi.CHA(5) + " x",
		"e\u0301 x":    "e\u0301" + ansi.CHA(2) + " x",
		"a\u00ADb":     "a\u00AD" + ansi.CHA(2) + "b",
		"❤\uFE0F x":    "❤\uFE0F" + ansi.CHA(3) + " x",
		"\u0600\u0600": "\u0600\u0600",
	} {
		if got := pinColumns(line); got != want {
			t.Errorf("pinColumns(%q) = %q; want %q", line, got, want)
		}
	}
}
