package sshserver

import (
	"bytes"
	"hash/maphash"
	"io"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// The console is drawn by a frameWriter instead of bubbletea's renderer.
// With hundreds of consoles open, that renderer was most of the server's
// work: on every change it parsed each console's whole view into a cell
// buffer and compared it with the last one, cell by cell, and its ticker
// woke every console many times a second even when nothing changed. The
// console's program runs without a renderer (tea.WithoutRenderer: it still
// calls View after every message, in its event loop), and screen.View
// writes to the session, at once, only the rows that changed.

// screen wraps a console's model: it hands every message to it and, when
// bubbletea asks for the view, draws what the model shows.
type screen struct {
	inner tea.Model
	out   *frameWriter
}

func (s *screen) Init() tea.Cmd { return s.inner.Init() }

func (s *screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		msg.Width, msg.Height = clampSize(msg.Width, msg.Height)
		s.out.resize(msg.Width, msg.Height)
		var cmd tea.Cmd
		s.inner, cmd = s.inner.Update(msg)
		return s, cmd
	case tea.ColorProfileMsg:
		s.out.setProfile(msg.Profile)
	}
	var cmd tea.Cmd
	s.inner, cmd = s.inner.Update(msg)
	return s, cmd
}

// The largest terminal a console draws for. The size comes from the
// client, which may claim billions of rows: the frame writer and the
// views allocate per row and column, so one such session could exhaust
// the server's memory. Wider or taller terminals get a console this big.
const maxWidth, maxHeight = 1000, 500

func clampSize(w, h int) (int, int) {
	return min(max(w, 1), maxWidth), min(max(h, 1), maxHeight)
}

// View draws the model's view on the session. What it returns goes to
// bubbletea's renderer, which is disabled: nothing.
func (s *screen) View() tea.View {
	if f, ok := s.inner.(framer); ok {
		s.out.lines(f.Frame())
	} else {
		s.out.frame(s.inner.View().Content)
	}
	return tea.View{}
}

// framer is a model that gives its view as lines (the console's does):
// no whole screen joined into one string to be split again here.
type framer interface {
	Frame() []string
}

// Terminal modes of a console: the alternate screen (the user's shell
// comes back as it was), no text cursor (the forms draw their own), and
// bracketed paste (a pasted text arrives as one paste, not as keys).
const (
	enterConsole = ansi.SetModeAltScreenSaveCursor + ansi.ResetModeTextCursorEnable + ansi.SetModeBracketedPaste
	leaveConsole = ansi.ResetStyle + ansi.ResetModeBracketedPaste + ansi.SetModeTextCursorEnable + ansi.ResetModeAltScreenSaveCursor
)

// frameWriter writes a console's frames to its session: each frame in one
// write, wrapped in synchronized output, with only the rows that differ from
// what the terminal shows. When the rows moved up or down (a new entry at
// the bottom of the logbook scrolls it), it scrolls them on the terminal
// first, so that only the new rows are sent.
type frameWriter struct {
	out           io.Writer
	width, height int
	profile       colorprofile.Profile // the colours the client shows

	// rows is what each row of the terminal shows (as the view drew it,
	// before colour conversion); sums are their hashes.
	rows      []string
	sums      []uint64
	last      string   // the content last drawn (frame)
	lastLines []string // the lines last drawn (lines)
	next      []uint64 // draw's hashes of the new rows, kept to be reused
	seed      maphash.Seed

	started bool // the console's terminal modes are set
	redraw  bool // the next frame clears the screen and draws every row
	failed  bool // a write failed: the session is gone
	onFail  func()
	buf     bytes.Buffer
}

func newFrameWriter(out io.Writer, width, height int, profile colorprofile.Profile, onFail func()) *frameWriter {
	w := &frameWriter{out: out, seed: maphash.MakeSeed(), profile: profile, onFail: onFail}
	w.resize(width, height)
	return w
}

// resize takes a new terminal size; the next frame redraws everything
// (the terminal may have reflowed or scrolled what it showed).
func (w *frameWriter) resize(width, height int) {
	if width == w.width && height == w.height && w.rows != nil {
		return
	}
	w.width, w.height = max(width, 1), max(height, 1)
	w.rows = make([]string, w.height)
	w.sums = make([]uint64, w.height)
	w.redraw = true
}

// setProfile takes the client's colour profile; rows drawn with another
// one are drawn again.
func (w *frameWriter) setProfile(p colorprofile.Profile) {
	if p != w.profile {
		w.profile = p
		w.redraw = true
	}
}

// frame shows content, the view's lines separated by newlines.
func (w *frameWriter) frame(content string) {
	if w.failed || (content == w.last && !w.redraw && w.started) {
		return
	}
	w.last = content
	w.draw(strings.SplitN(content, "\n", w.height+1))
}

// lines shows the view's lines. The same slice as last time (the model
// keeps its frame while nothing changed) is the same screen.
func (w *frameWriter) lines(lines []string) {
	same := len(lines) > 0 && len(lines) == len(w.lastLines) && &lines[0] == &w.lastLines[0]
	if w.failed || (same && !w.redraw && w.started) {
		return
	}
	w.lastLines = lines
	w.draw(lines)
}

// draw shows lines, one per row.
func (w *frameWriter) draw(lines []string) {
	if len(lines) > w.height {
		lines = lines[:w.height]
	}
	next := w.next[:0]
	next = slices.Grow(next, w.height)[:w.height]
	w.next = next
	empty := maphash.String(w.seed, "")
	for i := range next {
		if i < len(lines) {
			next[i] = maphash.String(w.seed, lines[i])
		} else {
			next[i] = empty
		}
	}
	w.buf.Reset()
	w.buf.WriteString(ansi.SetModeSynchronizedOutput)
	if !w.started {
		w.buf.WriteString(enterConsole)
		w.started = true
	}
	// Scrolling and erasing fill with the current background: the default.
	w.buf.WriteString(ansi.ResetStyle)
	header := w.buf.Len()
	if w.redraw {
		w.buf.WriteString(ansi.CursorHomePosition + ansi.EraseEntireScreen)
		clear(w.rows)
		for i := range w.sums {
			w.sums[i] = empty
		}
		w.redraw = false
	} else {
		w.scroll(next, empty)
	}
	for i := range w.height {
		if next[i] == w.sums[i] {
			continue
		}
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		w.row(i, line)
		w.rows[i], w.sums[i] = line, next[i]
	}
	if w.buf.Len() == header {
		return // nothing on screen changes
	}
	w.buf.WriteString(ansi.ResetModeSynchronizedOutput)
	w.write()
}

// row draws one row: the line cut to the width, then, if it is narrower,
// the rest of the row erased. A full row is not followed by an erase: the
// cursor sits on its last column, which the erase would clear.
func (w *frameWriter) row(i int, line string) {
	w.buf.WriteString(ansi.CursorPosition(1, i+1))
	r := fitRow{}
	if line != "" {
		r = sharedFitLine(line, w.width, w.profile)
		w.buf.WriteString(r.text)
		w.buf.WriteString(ansi.ResetStyle)
	}
	if !r.full {
		w.buf.WriteString(ansi.EraseLineRight)
	}
}

// minScrollGain is how many rows a scroll must spare from being written
// again to be worth its few bytes.
const minScrollGain = 2

// scroll moves rows on the terminal when next shows, shifted up or down,
// rows it already shows: a new entry at the bottom of the logbook moves
// the rows above it up. It scrolls the region they occupy with margins
// and deletes or inserts lines, then records what each row shows. At most
// a few moves per frame, each the one that spares the most rows.
func (w *frameWriter) scroll(next []uint64, empty uint64) {
	h := w.height
	for range 4 {
		// The shifts worth trying: those that bring some changed row's new
		// content from where the terminal shows it now.
		var shifts []int
		changed := 0
		for i := range h {
			if next[i] == w.sums[i] {
				continue
			}
			changed++
			if next[i] == empty {
				continue // a row to clear is no reason to scroll
			}
			for j := range h {
				if w.sums[j] == next[i] && !slices.Contains(shifts, j-i) {
					shifts = append(shifts, j-i)
				}
			}
		}
		if changed < minScrollGain {
			return
		}
		bestGain, bestK, bestStart, bestEnd := 0, 0, 0, 0
		for _, k := range shifts {
			// A run is rows i with next[i] == sums[i+k]: what row i+k shows
			// now belongs on row i.
			start, gain := -1, 0
			for i := max(0, -k); i <= min(h, h-k); i++ {
				if i < min(h, h-k) && next[i] == w.sums[i+k] {
					if start < 0 {
						start, gain = i, 0
					}
					if next[i] != w.sums[i] {
						gain++
					}
					continue
				}
				if start >= 0 && gain > bestGain {
					bestGain, bestK, bestStart, bestEnd = gain, k, start, i-1
				}
				start = -1
			}
		}
		if bestGain < minScrollGain {
			return
		}
		k := bestK
		if k > 0 {
			// Rows start+k..end+k move up by k into start..end; the k rows
			// below them are left blank.
			top, bot := bestStart, bestEnd+k
			w.buf.WriteString(ansi.SetTopBottomMargins(top+1, bot+1) + ansi.CursorPosition(1, top+1) + ansi.DeleteLine(k))
			copy(w.rows[top:], w.rows[top+k:bot+1])
			copy(w.sums[top:], w.sums[top+k:bot+1])
			for i := bot - k + 1; i <= bot; i++ {
				w.rows[i], w.sums[i] = "", empty
			}
		} else {
			// Rows start-m..end-m move down by m into start..end; the m
			// rows above them are left blank.
			m := -k
			top, bot := bestStart-m, bestEnd
			w.buf.WriteString(ansi.SetTopBottomMargins(top+1, bot+1) + ansi.CursorPosition(1, top+1) + ansi.InsertLine(m))
			copy(w.rows[top+m:bot+1], w.rows[top:])
			copy(w.sums[top+m:bot+1], w.sums[top:])
			for i := top; i < top+m; i++ {
				w.rows[i], w.sums[i] = "", empty
			}
		}
		w.buf.WriteString(ansi.SetTopBottomMargins(1, h))
	}
}

// write sends the frame in one write. A session that has gone makes it
// fail (its channel is closed); from then on nothing more is written and
// the console is told to end.
func (w *frameWriter) write() {
	if _, err := w.out.Write(w.buf.Bytes()); err != nil {
		w.failed = true
		if w.onFail != nil {
			w.onFail()
		}
	}
}

// restore gives the terminal back as it was before the console: text
// cursor shown, bracketed paste off, the user's own screen back. It is
// written once the program has ended, before any closing message.
func (w *frameWriter) restore() {
	if !w.started || w.failed {
		return
	}
	w.started = false
	w.buf.Reset()
	w.buf.WriteString(ansi.CursorPosition(1, w.height) + leaveConsole)
	w.write()
}
