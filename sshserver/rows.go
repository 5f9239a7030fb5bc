package sshserver

import (
	"bytes"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"cellule/internal/sharedcache"
)

// sharedRows shares, between every console of the server, rows as they go to
// a terminal: cut to a width and converted to a colour profile. A new
// logbook entry brings the same rows to hundreds of consoles; measuring and
// converting them (parsing every escape sequence) once instead of once per
// console is most of what drawing them costs. Rows differ from console to
// console only in a few places (who I am, the selected entry), so the
// cache holds recent rows only: it starts over once it is full.
var sharedRows = sharedcache.Cache[rowKey, fitRow]{Size: rowCacheSize}

type rowKey struct {
	line    string
	width   int
	profile colorprofile.Profile
}

// fitRow is a row ready to be written, and whether it fills the width.
type fitRow struct {
	text string
	full bool
}

// rowCacheSize bounds the rows kept: a few screens of a few hundred
// consoles (a few megabytes at most).
const rowCacheSize = 4096

// sharedFitLine is fitLine, shared between consoles.
func sharedFitLine(line string, width int, profile colorprofile.Profile) fitRow {
	return sharedRows.Get(rowKey{line: line, width: width, profile: profile}, func() fitRow { return fitLine(line, width, profile) })
}

// fitLine cuts line to width and converts its colours to profile.
func fitLine(line string, width int, profile colorprofile.Profile) fitRow {
	w := ansi.StringWidth(line)
	if w > width {
		line = ansi.Truncate(line, width, "")
		w = ansi.StringWidth(line)
	}
	var b bytes.Buffer
	conv := colorprofile.Writer{Forward: &b, Profile: profile}
	_, _ = conv.WriteString(line)
	return fitRow{text: b.String(), full: w >= width}
}
