// Package hostile holds what an attacker, or a careless paste, could put in
// any text field to act on another person's terminal, and the check that a
// text shown to someone holds none of it. Tests of every field, export and
// screen share it: a new field or format is one more row in their tables.
package hostile

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Case is one hostile text. It starts with Before and ends with After,
// visible words that must survive sanitising: only the sequence between
// them may go.
type Case struct {
	Name string
	Text string
}

// Before and After frame every case's payload.
const (
	Before = "AAA"
	After  = "ZZZ"
)

// payloads are the sequences between Before and After.
var payloads = []struct{ name, seq string }{
	{"osc52 clipboard write", "\x1b]52;c;cm0gLXJmIH4K\x07"},
	{"osc52 clipboard st", "\x1b]52;p;?\x1b\\"},
	{"osc0 title", "\x1b]0;PWNED\x07"},
	{"osc2 title st", "\x1b]2;PWNED\x1b\\"},
	{"osc8 hyperlink", "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\"},
	{"csi clear screen", "\x1b[2J\x1b[3J"},
	{"csi cursor home", "\x1b[H"},
	{"csi cursor move", "\x1b[10;10H\x1b[5A\x1b[3C"},
	{"csi erase line", "\x1b[2K\x1b[1G"},
	{"csi sgr hide", "\x1b[8m\x1b[30;40m"},
	{"csi alt screen off", "\x1b[?1049l"},
	{"dcs", "\x1bP1$r\x1b\\"},
	{"dcs unterminated", "\x1bPq#0;2;0;0;0"},
	{"tmux passthrough", "\x1bPtmux;\x1b\x1b]52;c;eA==\x07\x1b\\"},
	{"apc kitty graphics", "\x1b_Gf=100;AAAA\x1b\\"},
	{"pm and sos", "\x1b^x\x1b\\\x1bXy\x1b\\"},
	{"carriage return", "\r"},
	{"backspaces", "\b\b\b"},
	{"c1 csi utf8", "\u009b2J"},
	{"c1 osc utf8", "\u009d0;PWNED\u009c"},
	{"raw c1 byte", "\x9b2J"},
	{"bidi override", "\u202e"},
	{"bidi isolates", "\u2066\u2067\u2068\u2069"},
	{"bell nul del", "\x07\x00\x7f"},
	{"esc save restore cursor", "\x1b7\x1b8"},
	{"esc c reset", "\x1bc"},
	{"vertical tab form feed", "\x0b\x0c"},
	// Characters terminals draw with widths of their own (format
	// characters: zero columns for the server, one for tmux; emoji
	// modifiers): a run of them pushed a console's rows off the screen or
	// shifted its columns.
	{"arabic format characters", "\u0600\u0601\u0602\u0603\u0604\u0605\u06DD\u070F\u0890\u0891\u08E2\U000110BD\U000110CD"},
	{"zero width characters", "\u200B\u200C\u200D\u2060\u2061\u2062\u2063\u2064\uFEFF\u00AD\u180E"},
	{"interlinear annotation", "\uFFF9\uFFFA\uFFFB"},
	{"tag characters", "\U000E0001\U000E0066\U000E0072\U000E007F"},
	{"bidi embeddings and marks", "\u202A\u202B\u202C\u202D\u200E\u200F\u061C"},
	{"run of number signs", strings.Repeat("\u0600", 300)},
	{"forged row after number signs", strings.Repeat("\u0600", 200) + ForgedRow},
	{"emoji skin tones", "👍🏽👍🏿"},
	{"emoji presentation selectors", "❤️✔️☺️😀\uFE0E"},
	{"emoji zwj family", "👨\u200D👩\u200D👧\u200D👦"},
	{"flags", "🇫🇷🇩🇪"},
	{"wide and combining", "日本語e\u0301\u0302\u0303한국어"},
}

// ForgedRow is a logbook row an attacker types after characters that move
// it, hoping a terminal shows it as a row of its own.
const ForgedRow = "  #999  lead  DECISION"

// Corpus is every case, framed by Before and After.
func Corpus() []Case {
	cases := make([]Case, len(payloads))
	for i, p := range payloads {
		cases[i] = Case{Name: p.name, Text: Before + p.seq + After}
	}
	return cases
}

// Seqs are the bare payloads, e.g. to seed a fuzzer.
func Seqs() []string {
	seqs := make([]string, len(payloads))
	for i, p := range payloads {
		seqs[i] = p.seq
	}
	return seqs
}

// Unsafe returns the first character of s that must not reach a terminal:
// a C0 control but newline, DEL, a C1 control, a bidirectional control, a
// format character (Unicode Cf), an emoji presentation selector (VS15,
// VS16) or a skin-tone modifier.
// ESC is a C0 control, so no escape sequence of any kind passes.
func Unsafe(s string) (rune, bool) {
	for _, r := range s {
		if Forbidden(r) {
			return r, true
		}
	}
	return 0, false
}

// Forbidden reports whether r must never reach another person's terminal.
func Forbidden(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	case r == 0xFE0E, r == 0xFE0F, r >= 0x1F3FB && r <= 0x1F3FF:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// Check reports what is wrong with s as text to show: not UTF-8, or a
// forbidden character.
func Check(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("not valid UTF-8: %q", s)
	}
	if r, bad := Unsafe(s); bad {
		return fmt.Errorf("holds %U: %q", r, s)
	}
	return nil
}

// Survived reports whether the visible frame of a case made it through:
// a sanitiser must drop the sequence, not the text around it.
func Survived(s string) bool {
	i := strings.Index(s, Before)
	return i >= 0 && strings.Contains(s[i:], After)
}

// Traces are strings that appear on a screen only if a sequence acted or
// leaked: a title or clipboard payload printed as text is harmless, but
// these tell a test the sequence was not removed whole.
var Traces = []string{"PWNED", "cm0gLXJmIH4K", "evil.example"}
