package crisis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// tabWidth is how many spaces a tab becomes: terminals disagree on tab
// stops, and a logbook must line up the same on every screen.
const tabWidth = 4

// Sanitize makes text typed by one person safe to show on another's
// terminal: escape sequences (CSI, OSC, DCS, APC...), C0 controls other than
// newline, DEL, C1 controls, bidirectional overrides, format characters and
// the emoji modifiers terminals measure differently are removed (see
// unevenWidth); tabs become spaces; CRLF and lone CR become newline;
// invalid UTF-8 becomes U+FFFD. It is applied on input and again at render.
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
		case isBidiControl(r), unevenWidth(r):
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

// unevenWidth reports the characters that terminals draw with widths of
// their own, so that a text holding them shifts or overflows the columns
// the server laid out, and that carry nothing a reader of the logbook
// needs:
//
//   - Format characters (Unicode category Cf): U+0600-0605, U+06DD,
//     U+070F, U+0890-0891, U+08E2, U+110BD, the soft hyphen, zero-width
//     spaces and joiners, word joiner and invisible operators, the BOM,
//     interlinear annotations, tag characters... The server measures them
//     as zero columns; tmux and others draw several of them as one, so
//     3,000 of them filled a viewer's screen and placed a forged row. The
//     zero-width joiner goes too: an emoji sequence joined by it (a family)
//     is one 2-column glyph for some terminals and its 2-column parts for
//     others; without it, every terminal draws the parts.
//   - Variation selectors 15 and 16 (U+FE0E, U+FE0F): VS16 makes a heart
//     2 columns here and stays 1 in tmux. Without them, a character takes
//     its default presentation, which terminals agree on.
//   - Skin-tone modifiers (U+1F3FB-1F3FF): a thumbs-up with one is 2
//     columns here and 4 in tmux (base and modifier side by side). The
//     gesture stays; its skin tone, which says nothing to the crisis cell,
//     goes.
//
// Whatever is left that terminals may still measure differently (wide,
// combining, flag pairs), the frame writer keeps in its own cells.
func unevenWidth(r rune) bool {
	switch {
	case r < 0xad:
		return false
	case r == 0xFE0E, r == 0xFE0F:
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// cleanText is a one-line text, sanitised and checked against its bound.
func cleanText(s string, maxLen int, code string) (string, error) {
	s = strings.TrimSpace(SanitizeLine(s))
	if len([]rune(s)) > maxLen {
		return "", invalidf(code, maxLen)
	}
	return s, nil
}
