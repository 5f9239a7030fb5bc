package sshserver

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"cellule/internal/frame"
)

// The console is drawn by a frame.Writer instead of bubbletea's renderer.
// With hundreds of consoles open, that renderer was most of the server's
// work: on every change it parsed each console's whole view into a cell
// buffer and compared it with the last one, cell by cell, and its ticker
// woke every console many times a second even when nothing changed. The
// console's program runs without a renderer (tea.WithoutRenderer: it still
// calls View after every message, in its event loop), and screen.View
// hands the frame to the writer, which sends only the rows that changed.

// screen wraps a console's model: it hands every message to it and, when
// bubbletea asks for the view, draws what the model shows.
type screen struct {
	inner tea.Model
	out   *frame.Writer
	now   func() time.Time // the clock; nil: time.Now

	// Window changes are coalesced: a client may send thousands a second,
	// and each would redraw the whole screen (at 1000x500, half a megabyte).
	resized time.Time // when the console last took a new size
	wantW   int       // the size asked for and not yet taken, if pending
	wantH   int
	pending bool
	ticking bool // a resizeDue is on its way
}

// resizeInterval is the least time between two sizes the console takes:
// at most one redraw per interval for window changes, and the last size
// asked is always taken.
const resizeInterval = 100 * time.Millisecond

// resizeDue tells the screen to take the size last asked for.
type resizeDue struct{}

func (s *screen) Init() tea.Cmd { return s.inner.Init() }

func (s *screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.wantW, s.wantH = clampSize(msg.Width, msg.Height)
		s.pending = true
		since := s.clock().Sub(s.resized)
		if since >= resizeInterval {
			return s, s.takeSize()
		}
		if s.ticking {
			return s, nil
		}
		s.ticking = true
		return s, tea.Tick(resizeInterval-since, func(time.Time) tea.Msg { return resizeDue{} })
	case resizeDue:
		s.ticking = false
		if s.pending {
			return s, s.takeSize()
		}
		return s, nil
	case tea.ColorProfileMsg:
		s.out.SetProfile(msg.Profile)
	}
	var cmd tea.Cmd
	s.inner, cmd = s.inner.Update(msg)
	return s, cmd
}

func (s *screen) clock() time.Time {
	if s.now != nil {
		return s.now()
	}
	return time.Now()
}

// takeSize gives the size asked for to the writer and the model.
func (s *screen) takeSize() tea.Cmd {
	s.pending = false
	s.resized = s.clock()
	s.out.Resize(s.wantW, s.wantH)
	var cmd tea.Cmd
	s.inner, cmd = s.inner.Update(tea.WindowSizeMsg{Width: s.wantW, Height: s.wantH})
	return cmd
}

// The largest terminal a console draws for. The size comes from the
// client, which may claim billions of rows: the frame writer and the
// views allocate per row and column, so one such session could exhaust
// the server's memory. Wider or taller terminals get a console this big.
const maxWidth, maxHeight = 1000, 500

// A size of zero is no size: `ssh -tt` from a script asks for a 0x0
// terminal. It gets the classic terminal's size rather than a console one
// column wide.
const unknownWidth, unknownHeight = 80, 24

func clampSize(w, h int) (int, int) {
	if w <= 0 {
		w = unknownWidth
	}
	if h <= 0 {
		h = unknownHeight
	}
	return min(w, maxWidth), min(h, maxHeight)
}

// View draws the model's view on the session. What it returns goes to
// bubbletea's renderer, which is disabled: nothing. While a new size is
// waiting to be taken, nothing is drawn: the next frame redraws all.
func (s *screen) View() tea.View {
	if s.pending {
		return tea.View{}
	}
	if f, ok := s.inner.(framer); ok {
		s.out.Draw(f.Frame(), nil)
		return tea.View{}
	}
	v := s.inner.View()
	var cur *frame.Cursor
	if v.Cursor != nil {
		cur = &frame.Cursor{X: v.Cursor.X, Y: v.Cursor.Y}
	}
	s.out.DrawText(v.Content, cur)
	return tea.View{}
}

// framer is a model that gives its view as lines (the console's does):
// no whole screen joined into one string to be split again here.
type framer interface {
	Frame() []string
}
