package kit

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Fitting text into the cells a part of the screen has: every view cuts,
// pads and fits through these.

// FitHeight pads or cuts s to exactly h lines.
func FitHeight(s string, h int) string {
	h = max(h, 0) // a tiny terminal leaves a part no room at all
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// FitLines pads or cuts lines to exactly h.
func FitLines(lines []string, h int) []string {
	h = max(h, 0) // a tiny terminal leaves a part no room at all
	if len(lines) > h {
		return lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines
}

// Cut truncates a line to the width, with an ellipsis.
func Cut(s string, width int) string {
	if lipgloss.Width(s) <= width {
		return s
	}
	return ansi.Truncate(s, max(width, 1), "…")
}

// Pad cuts or pads s to exactly width cells.
func Pad(s string, width int) string {
	s = Cut(s, width)
	return s + strings.Repeat(" ", max(width-lipgloss.Width(s), 0))
}

// PadRight pads s with blanks to w cells; a longer s stays as it is.
func PadRight(s string, w int) string {
	if n := lipgloss.Width(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// PadLeft is PadRight with the blanks before s.
func PadLeft(s string, w int) string {
	if n := lipgloss.Width(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

// FitScreen cuts every line to the width and the whole to the height, so
// no part can ever push the layout off the screen.
func FitScreen(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		// A line has at least as many bytes as cells: a short one fits
		// without measuring it.
		if len(l) > width && lipgloss.Width(l) > width {
			lines[i] = ansi.Truncate(l, width, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// AppendLines appends the lines of s, as strings.Split(s, "\n") gives
// them.
func AppendLines(lines []string, s string) []string {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return append(lines, s)
		}
		lines = append(lines, s[:i])
		s = s[i+1:]
	}
}

// Spread puts left and right at the two ends of a line of the given width.
func Spread(left, right string, width int) string {
	gap := width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left+" "+right, width, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}
