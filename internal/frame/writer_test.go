package frame

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// terminal is a Writer writing to a terminal emulator; out keeps the
// bytes of the last frame, to see what was sent.
type terminal struct {
	t   *testing.T
	em  *vt.Emulator
	w   *Writer
	out bytes.Buffer
}

func newTerminal(t *testing.T, width, height int, profile colorprofile.Profile) *terminal {
	term := &terminal{t: t, em: vt.NewEmulator(width, height)}
	term.w = New(writerFunc(func(p []byte) (int, error) {
		term.out.Write(p)
		return term.em.Write(p)
	}), width, height, profile, NewRows(), nil)
	return term
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// show draws lines as one frame and returns what was sent for it.
func (term *terminal) show(lines ...string) string {
	term.t.Helper()
	term.out.Reset()
	term.w.DrawText(strings.Join(lines, "\n"), nil)
	return term.out.String()
}

// expect checks that the emulator's screen shows lines (as text).
func (term *terminal) expect(lines ...string) {
	term.t.Helper()
	want := make([]string, len(lines))
	for i, l := range lines {
		want[i] = strings.TrimRight(ansi.Strip(l), " ")
	}
	got := strings.TrimRight(term.em.String(), "\n")
	if w := strings.TrimRight(strings.Join(want, "\n"), "\n"); got != w {
		term.t.Fatalf("the screen shows\n%s\nwant\n%s", got, w)
	}
}

func numbered(n int, format string) []string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf(format, i+1)
	}
	return lines
}

func TestFrameWriterFirstFrameSetsModesAndDrawsAll(t *testing.T) {
	term := newTerminal(t, 40, 6, colorprofile.TrueColor)
	view := []string{"Cellule", "\x1b[1mbold\x1b[m title", "", "row four", "row five", "footer"}
	sent := term.show(view...)
	term.expect(view...)
	for _, seq := range []string{ansi.SetModeAltScreenSaveCursor, ansi.ResetModeTextCursorEnable, ansi.SetModeBracketedPaste} {
		if !strings.Contains(sent, seq) {
			t.Errorf("the first frame does not set %q", seq)
		}
	}
	if !strings.HasPrefix(sent, ansi.SetModeSynchronizedOutput) || !strings.HasSuffix(sent, ansi.ResetModeSynchronizedOutput) {
		t.Errorf("the frame is not wrapped in synchronized output: %q", sent)
	}
	if !term.em.CursorHidden() {
		t.Error("the text cursor is shown over the console")
	}
	if term.em.CellAt(0, 1).Style.Attrs&uv.AttrBold == 0 {
		t.Error("the style of a row was lost")
	}
}

func TestFrameWriterSendsOnlyChangedRows(t *testing.T) {
	term := newTerminal(t, 40, 6, colorprofile.TrueColor)
	view := []string{"header", "alpha", "bravo", "charlie", "status", "footer"}
	term.show(view...)
	view[2] = "BRAVO changed"
	sent := term.show(view...)
	term.expect(view...)
	for _, same := range []string{"header", "alpha", "charlie", "status", "footer"} {
		if strings.Contains(sent, same) {
			t.Errorf("the unchanged row %q was sent again: %q", same, sent)
		}
	}
	if sent := term.show(view...); sent != "" {
		t.Errorf("an unchanged frame sent %q", sent)
	}
	// A shorter view: the rows it no longer covers are cleared.
	term.show(view[:3]...)
	term.expect(view[:3]...)
}

func TestFrameWriterErasesTheRestOfANarrowerRow(t *testing.T) {
	term := newTerminal(t, 20, 3, colorprofile.TrueColor)
	term.show("a long line of text", "second", "\x1b[44mblue background\x1b[m")
	view := []string{"short", "second", "blue"}
	term.show(view...)
	term.expect(view...)
	// The erased cells have no background left from the old row.
	if c := term.em.CellAt(10, 2); c != nil && c.Style.Bg != nil {
		t.Errorf("an erased cell kept a background: %v", c.Style.Bg)
	}
	// A row exactly as wide as the terminal keeps its last column.
	full := []string{"short", strings.Repeat("x", 20), "blue"}
	term.show(full...)
	term.expect(full...)
}

func TestFrameWriterCutsRowsToTheWidth(t *testing.T) {
	term := newTerminal(t, 10, 2, colorprofile.TrueColor)
	term.show("0123456789abcdef", "next")
	term.expect("0123456789", "next")
}

func TestFrameWriterScrollsMovedRows(t *testing.T) {
	// A logbook list between a fixed header and footer: a new entry at the
	// bottom moves the others up by two rows.
	term := newTerminal(t, 60, 12, colorprofile.TrueColor)
	list := numbered(20, "entry %02d with some text to make the row worth sparing")
	frame := func(first int) []string {
		return append(append([]string{"header: 8 entries"}, list[first:first+10]...), "footer")
	}
	term.show(frame(0)...)
	next := frame(2)
	next[0] = "header: 10 entries"
	sent := term.show(next...)
	term.expect(next...)
	for _, moved := range list[2:10] {
		if strings.Contains(sent, moved) {
			t.Errorf("a row that only moved was sent again: %q", moved)
		}
	}
	for _, fresh := range list[10:12] {
		if !strings.Contains(sent, fresh) {
			t.Errorf("the new row %q was not sent", fresh)
		}
	}
	// And back down (scrolling up through the list).
	sent = term.show(frame(1)...)
	term.expect(frame(1)...)
	if strings.Contains(sent, list[5]) {
		t.Errorf("a row that only moved down was sent again: %q", sent)
	}
}

func TestFrameWriterRedrawsEverythingAfterAResize(t *testing.T) {
	term := newTerminal(t, 30, 4, colorprofile.TrueColor)
	view := []string{"one", "two", "three", "four"}
	term.show(view...)
	term.em.Resize(20, 3)
	term.w.Resize(20, 3)
	view = []string{"one", "two", "three"}
	sent := term.show(view...)
	term.expect(view...)
	for _, l := range view {
		if !strings.Contains(sent, l) {
			t.Errorf("the row %q was not drawn again after the resize", l)
		}
	}
	if !strings.Contains(sent, ansi.EraseEntireScreen) {
		t.Error("the screen was not cleared after the resize")
	}
}

func TestFrameWriterRestoresTheTerminal(t *testing.T) {
	term := newTerminal(t, 30, 4, colorprofile.TrueColor)
	term.em.WriteString("the user's shell\r\n$ ")
	term.show("console", "", "", "footer")
	term.out.Reset()
	term.w.Restore()
	sent := term.out.String()
	for _, seq := range []string{ansi.ResetModeBracketedPaste, ansi.SetModeTextCursorEnable, ansi.ResetModeAltScreenSaveCursor} {
		if !strings.Contains(sent, seq) {
			t.Errorf("the end does not send %q: %q", seq, sent)
		}
	}
	if term.em.CursorHidden() {
		t.Error("the text cursor is still hidden")
	}
	if got := term.em.String(); !strings.HasPrefix(got, "the user's shell") || strings.Contains(got, "console") {
		t.Errorf("the user's screen is not back: %q", got)
	}
	term.out.Reset()
	term.w.Restore()
	if term.out.Len() != 0 {
		t.Error("the terminal was restored twice")
	}
}

func TestFrameWriterDownsamplesColours(t *testing.T) {
	term := newTerminal(t, 30, 2, colorprofile.ANSI256)
	sent := term.show("\x1b[38;2;255;0;0mred\x1b[m", "plain")
	term.expect("red", "plain")
	if strings.Contains(sent, "38;2;") {
		t.Errorf("a true colour reached a 256-colour terminal: %q", sent)
	}
	if !strings.Contains(sent, "38;5;") {
		t.Errorf("the colour was dropped instead of converted: %q", sent)
	}
	// A profile learned later redraws with it.
	term.w.SetProfile(colorprofile.TrueColor)
	sent = term.show("\x1b[38;2;255;0;0mred\x1b[m", "plain")
	if !strings.Contains(sent, "38;2;255;0;0") {
		t.Errorf("the new profile was not applied: %q", sent)
	}
}

func TestFrameWriterStopsAfterAFailedWrite(t *testing.T) {
	writes, failed := 0, 0
	w := New(writerFunc(func(p []byte) (int, error) {
		writes++
		return 0, errors.New("session closed")
	}), 20, 2, colorprofile.TrueColor, nil, func() { failed++ })
	w.DrawText("one\ntwo", nil)
	w.DrawText("three\nfour", nil)
	w.Restore()
	if writes != 1 || failed != 1 {
		t.Errorf("after a failed write: %d writes, %d failure calls; want 1 and 1", writes, failed)
	}
}
