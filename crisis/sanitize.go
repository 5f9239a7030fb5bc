package crisis

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// tabWidth is how many spaces a tab becomes: terminals disagree on tab
// stops, and a logbook must line up the same on every screen.
const tabWidth = 4

// Sanitize makes text typed by one person safe to show on another's
// terminal: escape sequences (CSI, OSC, DCS, APC...), C0 controls other than
// newline, DEL, C1 controls and bidirectional overrides are removed; tabs
// become spaces; CRLF and lone CR become newline; invalid UTF-8 becomes
// U+FFFD. It is applied on input and again at render.
func Sanitize(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteString(strings.Repeat(" ", tabWidth))
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			// C0, DEL and C1 controls: dropped, including a lone \r and \b
			// that could overwrite what was shown before them.
		case isBidiControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SanitizeLine is Sanitize for one-line fields (names, titles): newlines
// become spaces.
func SanitizeLine(s string) string {
	return strings.ReplaceAll(Sanitize(s), "\n", " ")
}

// isPlain is the fast path: printable ASCII and newlines need no work, and
// that is almost every entry.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c < 0x20 && c != '\n') || c == 0x7f {
			return false
		}
	}
	return true
}

// isBidiControl reports the explicit direction controls that can make text
// read differently from how it is stored (Trojan Source, CVE-2021-42574).
func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	case r == 0x200E, r == 0x200F, r == 0x061C: // LRM, RLM, ALM
		return true
	}
	return false
}
