package frame

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// A frame given as lines draws like the same frame given as one string,
// and the same frame again sends nothing.
func TestFrameWriterTakesLines(t *testing.T) {
	var asText, asLines bytes.Buffer
	wt := New(&asText, 20, 3, colorprofile.TrueColor, nil, nil)
	wl := New(&asLines, 20, 3, colorprofile.TrueColor, nil, nil)
	first := []string{"header", "entry #1", "footer"}
	wt.DrawText(strings.Join(first, "\n"), nil)
	wl.Draw(first, nil)
	if asText.String() != asLines.String() {
		t.Fatalf("first frame differs:\nas text  %q\nas lines %q", asText.String(), asLines.String())
	}

	asLines.Reset()
	wl.Draw(first, nil)
	wl.Draw([]string{"header", "entry #1", "footer"}, nil)
	if asLines.Len() != 0 {
		t.Errorf("an unchanged frame was written again: %q", asLines.String())
	}

	next := []string{"header", "entry #2", "footer"}
	wt.DrawText(strings.Join(next, "\n"), nil)
	asText.Reset()
	wt.DrawText(strings.Join(first, "\n"), nil)
	wl.Draw(next, nil)
	asLines.Reset()
	wl.Draw(first, nil)
	if asText.String() != asLines.String() || !strings.Contains(asLines.String(), "entry #1") {
		t.Errorf("a changed row differs:\nas text  %q\nas lines %q", asText.String(), asLines.String())
	}
}
