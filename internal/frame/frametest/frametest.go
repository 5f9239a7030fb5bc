// Package frametest draws rows through the real frame writer into a
// terminal emulator (github.com/charmbracelet/x/vt) and gives back the
// screen a user's terminal would show: its text, and each cell (content,
// width, style). A golden screen taken through it goes through the path
// users get: cutting to the width, colour conversion, scrolling,
// incremental redraws, terminal modes, and not a string the view returned.
//
//	s := frametest.New(80, 24, colorprofile.TrueColor)
//	s.Draw(view.Frame()...)
//	golden.RequireEqual(t, s.Text())
//
// A Screen keeps its state between draws, like a real session: draw two
// frames and the screen shows the second as the writer updated it, only
// the rows that changed being sent.
package frametest

import (
	"bytes"
	"strings"

	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/vt"

	"cellule/internal/frame"
)

// Screen is a terminal emulator fed by a frame.Writer.
type Screen struct {
	em   *vt.Emulator
	w    *frame.Writer
	sent bytes.Buffer // the bytes of the last draw
}

// New makes a width x height terminal showing colours of profile, and the
// frame writer that draws on it (with a row cache of its own).
func New(width, height int, profile colorprofile.Profile) *Screen {
	return NewThrough(width, height, profile, nil)
}

// NewThrough is New with a terminal that reads what the writer sends
// through filter (nil: as it is): e.g. one that replaces a character by
// another of a different width, to stand for a terminal that measures it
// differently from the server.
func NewThrough(width, height int, profile colorprofile.Profile, filter func([]byte) []byte) *Screen {
	s := &Screen{em: vt.NewEmulator(width, height)}
	s.w = frame.New(writerFunc(func(p []byte) (int, error) {
		s.sent.Write(p)
		if filter != nil {
			if _, err := s.em.Write(filter(p)); err != nil {
				return 0, err
			}
			return len(p), nil
		}
		return s.em.Write(p)
	}), width, height, profile, frame.NewRows(), nil)
	return s
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// Draw shows rows (one string per row, with SGR styles) with the cursor
// hidden, and returns the screen's text.
func (s *Screen) Draw(rows ...string) string {
	return s.DrawCursor(nil, rows...)
}

// DrawCursor shows rows with the cursor at c (nil: hidden), and returns
// the screen's text.
func (s *Screen) DrawCursor(c *frame.Cursor, rows ...string) string {
	s.sent.Reset()
	s.w.Draw(rows, c)
	return s.Text()
}

// DrawText shows a view given as one string, rows separated by newlines.
func (s *Screen) DrawText(content string) string {
	s.sent.Reset()
	s.w.DrawText(content, nil)
	return s.Text()
}

// Resize changes the terminal's size, as a window change does: the
// emulator's first, then the writer's (the next draw redraws all).
func (s *Screen) Resize(width, height int) {
	s.em.Resize(width, height)
	s.w.Resize(width, height)
}

// Text is the screen as text: one line per row, trailing spaces and
// trailing empty rows removed.
func (s *Screen) Text() string {
	lines := strings.Split(s.em.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// Cell is the cell at column x, row y (0-based); nil out of the screen.
func (s *Screen) Cell(x, y int) *uv.Cell { return s.em.CellAt(x, y) }

// Cursor is where the terminal's cursor is and whether it is shown.
func (s *Screen) Cursor() (x, y int, shown bool) {
	p := s.em.CursorPosition()
	return p.X, p.Y, !s.em.CursorHidden()
}

// Sent is what the last draw wrote to the terminal.
func (s *Screen) Sent() string { return s.sent.String() }

// Emulator is the terminal emulator, for what the methods above do not
// show.
func (s *Screen) Emulator() *vt.Emulator { return s.em }

// Writer is the frame writer drawing on the screen.
func (s *Screen) Writer() *frame.Writer { return s.w }
