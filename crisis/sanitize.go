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
	s = ansi.Strip(disarmOpenStrings(sevenBitC1(s)))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n', r == 0x2028, r == 0x2029: // line and paragraph separators
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

// sevenBitC1 writes C1 controls sent as UTF-8 (U+0080-U+009F) in their
// 7-bit form, ESC and a letter, as a terminal that honours them reads them:
// then a C1 OSC or CSI goes whole, payload included, like its ESC form.
func sevenBitC1(s string) string {
	if !strings.ContainsFunc(s, isC1) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isC1(r) {
			b.WriteByte(0x1b)
			b.WriteByte(byte(r - 0x40))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

// disarmOpenStrings drops the ESC of a string sequence (OSC, DCS, SOS, PM,
// APC) that is not terminated on its own line. A terminal would swallow
// everything after it, and so would ansi.Strip: a stray ESC P in a paste
// must cost two characters, not the rest of the entry.
func disarmOpenStrings(s string) string {
	if !strings.Contains(s, "\x1b") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && strings.IndexByte("]PX^_", s[i+1]) >= 0 && !terminatedOnLine(s[i+2:]) {
			continue // the ESC goes; what follows stays as plain text
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// terminatedOnLine reports whether a string sequence's body ends (BEL,
// ESC \ or ST) before the next newline.
func terminatedOnLine(rest string) bool {
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '\n':
			return false
		case 0x07:
			return true
		case 0x1b:
			return i+1 < len(rest) && rest[i+1] == '\\'
		case 0xc2: // ST as UTF-8 (U+009C)
			if i+1 < len(rest) && rest[i+1] == 0x9c {
				return true
			}
		}
	}
	return false
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

// cleanText is a one-line text, sanitised and checked against its bound.
func cleanText(s string, maxLen int, code string) (string, error) {
	s = strings.TrimSpace(SanitizeLine(s))
	if len([]rune(s)) > maxLen {
		return "", invalidf(code, maxLen)
	}
	return s, nil
}
