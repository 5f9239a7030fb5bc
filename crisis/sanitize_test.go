package crisis_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"cellule/crisis"
	"cellule/internal/hostile"
)

// escapeCorpus holds what an attacker or a careless paste could put in a
// logbook entry to act on another person's terminal.
var escapeCorpus = map[string]string{
	"osc52 clipboard":  "a\x1b]52;c;SGVsbG8=\x07b",
	"osc title":        "a\x1b]0;pwned\x07b",
	"osc2 title st":    "a\x1b]2;pwned\x1b\\b",
	"osc8 link":        "a\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\b",
	"csi clear":        "a\x1b[2J\x1b[Hb",
	"csi cursor":       "a\x1b[10;10Hb",
	"dcs":              "a\x1bP1$r\x1b\\b",
	"tmux passthrough": "a\x1bPtmux;\x1b\x1b]52;c;eA==\x07\x1b\\b",
	"apc":              "a\x1b_Gf=100;AAAA\x1b\\b",
	"carriage return":  "a\rb",
	"backspace":        "a\bb",
	"c1 csi utf8":      "a\u009b2Jb",
	"c1 osc utf8":      "a\u009d0;x\u009cb",
	"raw c1 byte":      "a\x9b2Jb",
	"bidi override":    "a\u202eb",
	"bidi isolate":     "a\u2066b\u2069",
	"bell and nul":     "a\x07\x00b",
	"del":              "a\x7fb",
	"bare esc":         "a\x1bb",
}

func TestSanitizeRemovesControlSequences(t *testing.T) {
	for name, in := range escapeCorpus {
		t.Run(name, func(t *testing.T) {
			out := crisis.Sanitize(in)
			for _, r := range out {
				if r < 0x20 && r != '\n' || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x202e || r == 0x2066 || r == 0x2069 {
					t.Fatalf("Sanitize(%q) = %q still holds %U", in, out, r)
				}
			}
			if !utf8.ValidString(out) {
				t.Fatalf("Sanitize(%q) = %q is not valid UTF-8", in, out)
			}
			if !strings.HasPrefix(out, "a") {
				t.Errorf("Sanitize(%q) = %q lost the visible text", in, out)
			}
		})
	}
}

func TestSanitizeKeepsText(t *testing.T) {
	cases := map[string]string{
		"Pare-feu rechargé à 03:40": "Pare-feu rechargé à 03:40",
		"line one\r\nline two":      "line one\nline two",
		"col\tcol":                  "col    col",
		"日本語 ok":                    "日本語 ok",
		"keep\nnewlines\n":          "keep\nnewlines\n",
		"\x1b[31mred\x1b[0m text":   "red text",
	}
	for in, want := range cases {
		if got := crisis.Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q; want %q", in, got, want)
		}
	}
	if got := crisis.SanitizeLine("two\nlines"); got != "two lines" {
		t.Errorf("SanitizeLine = %q", got)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range escapeCorpus {
		f.Add(s)
	}
	for _, c := range hostile.Corpus() {
		f.Add(c.Text)
	}
	f.Add("plain text")
	f.Add("Pare-feu rechargé à 03:40\r\n\tligne\u2028deux")
	f.Fuzz(func(t *testing.T, in string) {
		out := crisis.Sanitize(in)
		// No C0 control but newline, no ESC, no DEL, no C1, no bidi
		// control, valid UTF-8.
		if err := hostile.Check(out); err != nil {
			t.Fatalf("Sanitize(%q): %v", in, err)
		}
		if crisis.Sanitize(out) != out {
			t.Fatalf("Sanitize is not idempotent on %q", in)
		}
		line := crisis.SanitizeLine(in)
		if err := hostile.Check(line); err != nil || strings.Contains(line, "\n") {
			t.Fatalf("SanitizeLine(%q) = %q: %v", in, line, err)
		}
		if crisis.SanitizeLine(line) != line {
			t.Fatalf("SanitizeLine is not idempotent on %q", in)
		}
	})
}

// TestSanitizeHostileCorpus runs the shared corpus: the sequence goes, the
// words around it stay.
func TestSanitizeHostileCorpus(t *testing.T) {
	for _, c := range hostile.Corpus() {
		t.Run(c.Name, func(t *testing.T) {
			for _, out := range []string{crisis.Sanitize(c.Text), crisis.SanitizeLine(c.Text)} {
				if err := hostile.Check(out); err != nil {
					t.Fatal(err)
				}
				if !hostile.Survived(out) {
					t.Errorf("%q -> %q lost the text around the sequence", c.Text, out)
				}
			}
		})
	}
}

// Characters terminals measure differently from the server go, the text
// around them stays, and what is left is as wide for the server as for a
// terminal without them.
func TestSanitizeDropsCharactersOfUnevenWidth(t *testing.T) {
	cases := map[string]string{
		"arabic number signs": "a\u0600\u0601\u0602\u0603\u0604\u0605b",
		"end of ayah":         "a\u06DD\u070F\u0890\u0891\u08E2b",
		"kaithi number sign":  "a\U000110BD\U000110CDb",
		"zero widths":         "a\u200B\u200C\u200D\u2060\u2061\u2062\u2063\u2064\uFEFFb",
		"soft hyphen":         "a\u00ADb",
		"annotations":         "a\uFFF9\uFFFA\uFFFBb",
		"tags":                "a\U000E0001\U000E0041\U000E007Fb",
		"bidi marks":          "a\u200E\u200F\u061Cb",
	}
	for name, in := range cases {
		if got := crisis.Sanitize(in); got != "ab" {
			t.Errorf("%s: Sanitize(%q) = %q; want %q", name, in, got, "ab")
		}
	}
	emoji := map[string]string{
		"👍🏽 ok":      "👍 ok",
		"❤️ ok":      "❤ ok",
		"😀\uFE0E ok": "😀 ok",
		"👨‍👩‍👧 ok":   "👨👩👧 ok",
	}
	for in, want := range emoji {
		if got := crisis.Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q; want %q", in, got, want)
		}
	}
	// 3,000 of them, as pasted by an attacker, are nothing at all.
	if got := crisis.SanitizeLine(strings.Repeat("\u0600", 3000) + "x"); got != "x" {
		t.Errorf("a run of U+0600 left %d bytes", len(got))
	}
}
