package kit

import (
	"image/color"
	"strings"
	"unicode"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// Highlights are drawn on the cells of a line, never on its bytes: the
// line is decoded into cells (each a whole grapheme with its style) by
// ultraviolet, as a terminal would, the cells are restyled, and the line
// is written again. No escape sequence or grapheme is ever split, and
// the styles a line already has stay.

// cells decodes one line into its cells.
func cells(line string) uv.Line {
	lines := uv.NewStyledString(line).Lines(ansi.GraphemeWidth)
	if len(lines) == 0 {
		return nil
	}
	return lines[0]
}

// SelectRow draws line as the selected row of a list: the selected
// background across the whole width (padded with blanks to it), its
// plain text in the selected row's text colour, its coloured parts kept.
func (st *Styles) SelectRow(line string, width int) string {
	l := cells(line)
	w := 0
	for i := range l {
		w += max(l[i].Width, 0)
	}
	for ; w < width; w++ {
		l = append(l, uv.Cell{Content: " ", Width: 1})
	}
	for i := range l {
		if l[i].IsZero() {
			continue // the second half of a wide character
		}
		if l[i].Style.Bg == nil {
			l[i].Style.Bg = st.SelBg
		}
		if l[i].Style.Fg == nil {
			l[i].Style.Fg = st.SelText
		}
	}
	return l.Render() + ansi.ResetStyle
}

// SelectRows is SelectRow over each of lines, in place.
func (st *Styles) SelectRows(lines []string, width int) []string {
	for i, l := range lines {
		lines[i] = st.SelectRow(l, width)
	}
	return lines
}

// Highlight marks every match of query in line, whatever its case, in the
// match colours; a line without a match comes back as it is.
func (st *Styles) Highlight(line, query string) string {
	return highlight(line, query, st.MatchText, st.MatchBg)
}

func highlight(line, query string, fg, bg color.Color) string {
	query = strings.TrimSpace(query)
	if query == "" || line == "" {
		return line
	}
	if !containsFold(ansi.Strip(line), query) {
		return line
	}
	l := cells(line)
	// The text of the cells, and where each cell starts in it.
	var text strings.Builder
	starts := make([]int, len(l))
	for i := range l {
		starts[i] = text.Len()
		text.WriteString(l[i].Content)
	}
	marked := false
	s := text.String()
	for i := 0; i < len(l); i++ {
		if l[i].IsZero() || l[i].Content == "" {
			continue
		}
		n, ok := prefixFold(s[starts[i]:], query)
		if !ok {
			continue
		}
		// Every cell the match touches, whole.
		end := starts[i] + n
		j := i
		for ; j < len(l) && (starts[j] < end || l[j].IsZero()); j++ {
			l[j].Style.Fg, l[j].Style.Bg = fg, bg
		}
		marked = true
		i = j - 1
	}
	if !marked {
		return line
	}
	return l.Render() + ansi.ResetStyle
}

// containsFold reports whether s holds q, whatever the case.
func containsFold(s, q string) bool {
	for i := range s {
		if _, ok := prefixFold(s[i:], q); ok {
			return true
		}
	}
	return false
}

// prefixFold reports whether s starts with q, whatever the case (simple
// Unicode folding, rune by rune), and how many bytes of s that takes.
func prefixFold(s, q string) (int, bool) {
	n := 0
	for q != "" {
		if s == "" {
			return 0, false
		}
		a, as := utf8.DecodeRuneInString(s)
		b, bs := utf8.DecodeRuneInString(q)
		if !sameFold(a, b) {
			return 0, false
		}
		s, q, n = s[as:], q[bs:], n+as
	}
	return n, true
}

func sameFold(a, b rune) bool {
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}
