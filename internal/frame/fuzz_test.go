package frame_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"cellule/internal/frame"
	"cellule/internal/frame/frametest"
)

// pieces are what the fuzzer builds rows from: plain, styled, wide,
// combining, emoji, and a run wider than any screen it tries.
var pieces = []string{
	"entry", " ", "#12", "日本語", "e\u0301", "a\u0308\u0323", "😀", "👍", "한국", "─┼─",
	"\x1b[1mbold\x1b[m", "\x1b[38;2;255;0;0mred\x1b[m", "\x1b[44m  blue  \x1b[m", "\x1b[7m▌\x1b[m",
	"\x1b[1;4munder", "x", strings.Repeat("long ", 12), "🇫🇷", "ǅ",
	// Of disputed width (see asTmux).
	strings.Repeat("\u0600", 30), "👍🏽", "❤️",
}

// asTmux makes a terminal measure as tmux does where it disagrees with
// the server: U+0600 one column (zero here), a skin-tone modifier two
// more, VS16 nothing. (The writer gets whole frames: no character is cut
// between two writes.)
func asTmux(p []byte) []byte {
	s := string(p)
	s = strings.ReplaceAll(s, "\u0600", "¤")
	s = strings.ReplaceAll(s, "\U0001F3FD", "\u3000")
	s = strings.ReplaceAll(s, "\uFE0F", "")
	return []byte(s)
}

// plainASCII reports whether a row's text is ASCII only: such a row shows
// the same on any terminal.
func plainASCII(row string) bool {
	for i := 0; i < len(row); i++ {
		if row[i] >= 0x80 {
			return false
		}
	}
	return true
}

// FuzzFrameWriter draws random sequences of frames (rows changed,
// inserted, deleted, scrolled up and down, the terminal resized, the
// cursor moved, shown and hidden) through the writer into a terminal
// emulator: after each, the screen shows exactly that frame, cell for
// cell as a fresh terminal that got only this frame shows it.
func FuzzFrameWriter(f *testing.F) {
	f.Add([]byte{7, 0, 3, 1, 7, 3, 2, 7, 4, 1, 7})
	f.Add([]byte{0, 1, 2, 0, 5, 9, 7, 3, 1, 3, 2, 7, 2, 4, 7, 4, 3, 7, 1, 0, 8, 7})
	f.Add([]byte{5, 30, 2, 7, 0, 10, 16, 7, 5, 3, 40, 7, 6, 7})
	f.Add([]byte{1, 5, 1, 6, 1, 7, 7, 2, 0, 2, 0, 7, 8, 3, 4, 7, 8, 255, 255, 7, 3, 6, 7})
	f.Add([]byte("scroll me up and down, then resize it and draw again"))
	f.Add([]byte{0, 2, 3, 0, 3, 11, 7, 4, 2, 7, 4, 2, 7, 3, 4, 7, 5, 17, 5, 7, 0, 1, 12, 7})
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 400 {
			return
		}
		r := reader{b: ops}
		w, h := 20, 8
		s := frametest.New(w, h, colorprofile.TrueColor)
		tmux := frametest.NewThrough(w, h, colorprofile.TrueColor, asTmux)
		rows := make([]string, h)
		for i := range rows {
			rows[i] = fmt.Sprintf("row %d %s", i, pieces[i%len(pieces)])
		}
		var cur *frame.Cursor
		draws := 0
		check := func() {
			t.Helper()
			draws++
			// A new slice each time: the writer takes the same slice as
			// the same frame.
			frameRows := append([]string(nil), rows...)
			s.DrawCursor(cur, frameRows...)
			want := frametest.New(w, h, colorprofile.TrueColor)
			want.DrawCursor(cur, frameRows...)
			sameScreen(t, s, want, w, h, frameRows, draws)
			// On a terminal that measures some characters differently,
			// those rows may differ, but no other row: nothing draws
			// outside its row.
			tmux.DrawCursor(cur, frameRows...)
			lines := strings.Split(tmux.Text(), "\n")
			for y := range h {
				if y >= len(frameRows) || !plainASCII(frameRows[y]) {
					continue
				}
				want := strings.TrimRight(ansi.Strip(ansi.Truncate(frameRows[y], w, "")), " ")
				if line := at(lines, y); line != want {
					t.Fatalf("draw %d: on a terminal measuring as tmux, row %d shows %q; want %q\nscreen:\n%s", draws, y, line, want, tmux.Text())
				}
			}
		}
		for !r.done() {
			switch r.next() % 9 {
			case 0: // change a row
				i := int(r.next()) % h
				if i < len(rows) {
					rows[i] = r.text()
				}
			case 1: // insert a row, the last one drops
				i := int(r.next()) % (len(rows) + 1)
				rows = append(rows[:i], append([]string{r.text()}, rows[i:]...)...)
				if len(rows) > h {
					rows = rows[:h]
				}
			case 2: // delete a row, a new one at the bottom
				if len(rows) > 0 {
					i := int(r.next()) % len(rows)
					rows = append(append(rows[:i:i], rows[i+1:]...), r.text())
				}
			case 3: // scroll up by k
				k := int(r.next())%3 + 1
				if k <= len(rows) {
					rows = append(rows[k:k:k], rows[k:]...)
					for range k {
						rows = append(rows, r.text())
					}
				}
			case 4: // scroll down by k
				k := min(int(r.next())%3+1, len(rows))
				head := make([]string, k)
				for i := range head {
					head[i] = r.text()
				}
				rows = append(head, rows[:len(rows)-k]...)
			case 5: // resize
				w, h = int(r.next())%40+1, int(r.next())%14+1
				s.Resize(w, h)
				tmux.Resize(w, h)
				for len(rows) < h {
					rows = append(rows, r.text())
				}
				rows = rows[:h]
			case 6: // a shorter frame: the rows past it are blank
				rows = rows[:int(r.next())%(len(rows)+1)]
				for len(rows) < h {
					rows = append(rows, "")
				}
			case 7:
				check()
			case 8: // the cursor
				if b := r.next(); b%3 == 0 {
					cur = nil
				} else {
					cur = &frame.Cursor{X: int(b) % (w + 2), Y: int(r.next()) % (h + 2)}
				}
			}
		}
		check()
	})
}

// sameScreen compares every cell of two screens, and checks that the text
// of each row is the frame's row cut to the width.
func sameScreen(t *testing.T, got, want *frametest.Screen, w, h int, rows []string, draw int) {
	t.Helper()
	for y := range h {
		for x := range w {
			g, e := got.Cell(x, y), want.Cell(x, y)
			if (g == nil) != (e == nil) || g != nil && (g.Content != e.Content || g.Width != e.Width || !g.Style.Equal(&e.Style)) {
				t.Fatalf("draw %d: cell %d,%d is %+v; a fresh terminal shows %+v\nscreen:\n%s\nwant:\n%s", draw, x, y, g, e, got.Text(), want.Text())
			}
		}
	}
	lines := strings.Split(got.Text(), "\n")
	for y := range h {
		want := ""
		if y < len(rows) {
			if strings.Contains(rows[y], "\u0600") {
				// The emulator itself disagrees with the server on U+0600
				// (before an ASCII letter it makes it a cell of its own):
				// such a row is only compared cell by cell, above.
				continue
			}
			want = strings.TrimRight(ansi.Strip(ansi.Truncate(rows[y], w, "")), " ")
		}
		if line := at(lines, y); line != want {
			t.Fatalf("draw %d: row %d shows %q; want %q\nscreen:\n%s", draw, y, line, want, got.Text())
		}
	}
	gx, gy, gs := got.Cursor()
	ex, ey, es := want.Cursor()
	if gs != es || gs && (gx != ex || gy != ey) {
		t.Fatalf("draw %d: cursor at %d,%d shown %v; want %d,%d shown %v", draw, gx, gy, gs, ex, ey, es)
	}
}

// at is line y, or "" past the end.
func at(lines []string, y int) string {
	if y < len(lines) {
		return lines[y]
	}
	return ""
}

// reader hands out the fuzzer's bytes.
type reader struct {
	b []byte
	i int
}

func (r *reader) done() bool { return r.i >= len(r.b) }

func (r *reader) next() byte {
	if r.done() {
		return 0
	}
	r.i++
	return r.b[r.i-1]
}

// text is a row of one to three pieces.
func (r *reader) text() string {
	n := int(r.next())%3 + 1
	var b strings.Builder
	for range n {
		b.WriteString(pieces[int(r.next())%len(pieces)])
	}
	return b.String()
}
