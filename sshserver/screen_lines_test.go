package sshserver

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
	wt := newFrameWriter(&asText, 20, 3, colorprofile.TrueColor, nil)
	wl := newFrameWriter(&asLines, 20, 3, colorprofile.TrueColor, nil)
	first := []string{"header", "entry #1", "footer"}
	wt.frame(strings.Join(first, "\n"))
	wl.lines(first)
	if asText.String() != asLines.String() {
		t.Fatalf("first frame differs:\nas text  %q\nas lines %q", asText.String(), asLines.String())
	}

	asLines.Reset()
	wl.lines(first)
	wl.lines([]string{"header", "entry #1", "footer"})
	if asLines.Len() != 0 {
		t.Errorf("an unchanged frame was written again: %q", asLines.String())
	}

	next := []string{"header", "entry #2", "footer"}
	wt.frame(strings.Join(next, "\n"))
	asText.Reset()
	wt.frame(strings.Join(first, "\n"))
	wl.lines(next)
	asLines.Reset()
	wl.lines(first)
	if asText.String() != asLines.String() || !strings.Contains(asLines.String(), "entry #1") {
		t.Errorf("a changed row differs:\nas text  %q\nas lines %q", asText.String(), asLines.String())
	}
}
