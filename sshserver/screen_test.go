package sshserver

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"cellule/internal/frame"
)

// A client may claim any terminal size; the console draws for one no
// bigger than maxWidth x maxHeight, so a claimed billion rows allocates
// nothing of that size; a zero size is no size.
func TestClaimedTerminalSizeIsBounded(t *testing.T) {
	for _, c := range []struct{ w, h, wantW, wantH int }{
		{80, 24, 80, 24},
		{0, 0, 80, 24}, // no size: the classic terminal's
		{0, 40, 80, 40},
		{4_000_000_000, 4_000_000_000, maxWidth, maxHeight},
		{120, 90_000, 120, maxHeight},
	} {
		if w, h := clampSize(c.w, c.h); w != c.wantW || h != c.wantH {
			t.Errorf("clampSize(%d, %d) = %d, %d; want %d, %d", c.w, c.h, w, h, c.wantW, c.wantH)
		}
	}
}

// fullScreen is a console that fills every cell: a redraw costs a whole
// screen of output.
type fullScreen struct {
	w, h int
	rows []string
}

func (m *fullScreen) Init() tea.Cmd { return nil }

func (m *fullScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if size, ok := msg.(tea.WindowSizeMsg); ok {
		m.w, m.h = size.Width, size.Height
		m.rows = make([]string, m.h)
		for i := range m.rows {
			m.rows[i] = strings.Repeat("x", m.w)
		}
	}
	return m, nil
}

func (m *fullScreen) View() tea.View  { return tea.NewView("") }
func (m *fullScreen) Frame() []string { return m.rows }

type byteCounter struct{ n int }

func (c *byteCounter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// A storm of window changes at the largest size is drawn at most once per
// interval, and the console ends at the last size asked: 300 changes
// within one interval cost two screens of output, not 300.
func TestWindowChangesAreCoalesced(t *testing.T) {
	out := &byteCounter{}
	inner := &fullScreen{}
	now := time.Unix(1_800_000_000, 0)
	s := &screen{inner: inner, out: frame.New(out, maxWidth, maxHeight, colorprofile.TrueColor, frame.NewRows(), nil), now: func() time.Time { return now }}
	// bubbletea calls View after every message.
	step := func(msg tea.Msg) {
		s.Update(msg)
		s.View()
	}
	step(tea.WindowSizeMsg{Width: 4000, Height: 9000})
	screenful := out.n
	if screenful < maxWidth*maxHeight {
		t.Fatalf("the first frame wrote %d bytes; want a whole screen", screenful)
	}
	for i := range 300 {
		step(tea.WindowSizeMsg{Width: 4000 - i%2*3001, Height: 9000})
	}
	step(resizeDue{}) // the interval is over
	if out.n > 2*screenful+screenful/10 {
		t.Errorf("300 window changes wrote %d bytes, %.1f screens; want at most 2", out.n, float64(out.n)/float64(screenful))
	}
	if w, h := s.out.Size(); inner.w != 999 || w != 999 || h != maxHeight {
		t.Errorf("the console is %dx%d (model %d wide); want the last size asked, 999x%d", w, h, inner.w, maxHeight)
	}
	// A later change, an interval after the last one, is drawn at once.
	now = now.Add(resizeInterval)
	before := out.n
	step(tea.WindowSizeMsg{Width: 80, Height: 24})
	if w, _ := s.out.Size(); w != 80 || out.n == before {
		t.Errorf("a window change an interval later was not drawn at once")
	}
}
