package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Fitting text into the cells a part of the screen has: every view cuts,
// pads and fits through these.

// fitHeight pads or cuts s to exactly h lines.
func fitHeight(s string, h int) string {
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

// fitLines pads or cuts lines to exactly h.
func fitLines(lines []string, h int) []string {
	h = max(h, 0) // a tiny terminal leaves a part no room at all
	if len(lines) > h {
		return lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines
}

// cut truncates a line to the width, with an ellipsis.
func cut(s string, width int) string {
	if lipgloss.Width(s) <= width {
		return s
	}
	return ansi.Truncate(s, max(width, 1), "…")
}

// pad cuts or pads s to exactly width cells.
func pad(s string, width int) string {
	s = cut(s, width)
	return s + strings.Repeat(" ", max(width-lipgloss.Width(s), 0))
}

func padRight(s string, w int) string {
	if n := lipgloss.Width(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

func padLeft(s string, w int) string {
	if n := lipgloss.Width(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}
