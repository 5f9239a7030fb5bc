package frame

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"cellule/internal/sharedcache"
)

// Rows shares, between every console of a server, rows as they go to a
// terminal: cut to a width, columns pinned and colours converted to a
// profile. A new logbook entry brings the same rows to hundreds of
// consoles; measuring and converting them (parsing every escape sequence)
// once instead of once per console is most of what drawing them costs.
// Rows differ from console to console only in a few places (who I am, the
// selected entry), so the cache holds recent rows only: it starts over
// once it is full.
type Rows struct {
	cache sharedcache.Cache[rowKey, string]
}

// NewRows makes the cache a server shares between its consoles' writers.
func NewRows() *Rows { return &Rows{cache: sharedcache.Cache[rowKey, string]{Size: rowCacheSize}} }

// rowKey is everything that changes how a row is drawn.
type rowKey struct {
	line    string
	width   int
	profile colorprofile.Profile
}

// rowCacheSize bounds the rows kept: a few screens of a few hundred
// consoles (a few megabytes at most).
const rowCacheSize = 4096

// fit is fitLine through the cache (nil: no cache).
func (r *Rows) fit(line string, width int, profile colorprofile.Profile) string {
	if r == nil {
		return fitLine(line, width, profile)
	}
	return r.cache.Get(rowKey{line: line, width: width, profile: profile}, func() string { return fitLine(line, width, profile) })
}

// fitLine cuts line to width, pins its columns and converts its colours to
// profile.
func fitLine(line string, width int, profile colorprofile.Profile) string {
	if ansi.StringWidth(line) > width {
		line = ansi.Truncate(line, width, "")
	}
	line = pinColumns(line)
	var b bytes.Buffer
	conv := colorprofile.Writer{Forward: &b, Profile: profile}
	_, _ = conv.WriteString(line)
	return b.String()
}

// pinColumns places, after each character whose width terminals may
// disagree on, the next character at the column the server measured
// (CHA). Terminals draw such characters with their own Unicode tables:
// U+0600 is 0 columns here and 1 in tmux, a thumbs-up with a skin tone 2
// here and 4 there, a heart with VS16 2 here and 1 there. Without a pin,
// every character after one of them would be drawn shifted, and a table's
// columns with it. The characters pinned are those drawn wider or
// narrower than one column, or made of several code points (combining
// marks, emoji sequences); a single code point one column wide (Latin,
// Greek, Cyrillic, precomposed accents, the console's box drawing) is
// drawn the same everywhere and gets no pin. (East Asian "ambiguous"
// characters are one column here, as in every terminal not set to a CJK
// legacy mode; in such a terminal, they are still kept in their row by
// autowrap being off.)
func pinColumns(line string) string {
	if !disputed(line) {
		return line
	}
	var b strings.Builder
	b.Grow(len(line) + 16)
	var state byte
	col, pin := 0, false
	for s := line; len(s) > 0; {
		seq, w, n, next := ansi.DecodeSequence(s, state, nil)
		state = next
		s = s[n:]
		if n == 0 {
			break
		}
		if !printable(seq) {
			b.WriteString(seq)
			continue
		}
		if pin {
			b.WriteString(ansi.CHA(col + 1))
			pin = false
		}
		b.WriteString(seq)
		col += w
		if w != 1 || utf8.RuneCountInString(seq) > 1 {
			pin = true
		}
	}
	return b.String()
}

// printable reports whether a decoded sequence is text (a grapheme
// cluster) rather than an escape sequence or a control.
func printable(seq string) bool {
	return seq != "" && seq[0] >= 0x20 && seq[0] != 0x7f && !(seq[0] == 0xc2 && len(seq) > 1 && seq[1] >= 0x80 && seq[1] <= 0x9f)
}

// disputed reports whether line may hold a character whose width
// terminals disagree on. It is the fast path: most rows hold only ASCII,
// Latin letters with their accents, and the punctuation, arrows, box
// drawing and blocks the console draws with, each one column everywhere.
func disputed(line string) bool {
	for _, r := range line {
		switch {
		case r < 0x300 && r != 0xAD: // ASCII, Latin-1 and Latin Extended; not the soft hyphen
		case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E: // dashes, quotes, bullet, ellipsis
		case r >= 0x2190 && r <= 0x21FF: // arrows
		case r >= 0x2500 && r <= 0x259F: // box drawing, blocks
		default:
			return true
		}
	}
	return false
}
