package frame

import (
	"bytes"
	"hash/maphash"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// Terminal modes of a console: the alternate screen (the user's shell
// comes back as it was), no text cursor until a frame shows one (the forms
// draw their own), bracketed paste (a pasted text arrives as one paste, not
// as keys) and no autowrap (a row the terminal measures wider than the
// server did is cut at the last column instead of spilling onto the next
// row and scrolling the screen).
const (
	enterConsole = ansi.SetModeAltScreenSaveCursor + ansi.ResetModeTextCursorEnable + ansi.SetModeBracketedPaste + ansi.ResetModeAutoWrap
	leaveConsole = ansi.ResetStyle + ansi.SetModeAutoWrap + ansi.ResetModeBracketedPaste + ansi.SetModeTextCursorEnable + ansi.ResetModeAltScreenSaveCursor
)

// Cursor is where a frame shows the text cursor (0-based cell position).
type Cursor struct{ X, Y int }

// Writer writes a console's frames to its terminal: see the package's
// contract.
type Writer struct {
	out           io.Writer
	width, height int
	profile       colorprofile.Profile // the colours the client shows
	cache         *Rows

	// rows is what each row of the terminal shows (as the view drew it,
	// before colour conversion); sums are their hashes.
	rows      []string
	sums      []uint64
	last      string   // the content last drawn (DrawText)
	lastLines []string // the lines last drawn (Draw)
	next      []uint64 // draw's hashes of the new rows, kept to be reused
	seed      maphash.Seed

	cursor     Cursor // where the text cursor is shown, if shown
	cursorShow bool

	started bool // the console's terminal modes are set
	redraw  bool // the next frame clears the screen and draws every row
	failed  bool // a write failed: the session is gone
	onFail  func()
	buf     bytes.Buffer
}

// New makes the writer of one console: out is its terminal, of the size
// and colour profile given; rows is the server's shared cache (nil: none);
// onFail is called once, when a write fails (the session is gone).
func New(out io.Writer, width, height int, profile colorprofile.Profile, rows *Rows, onFail func()) *Writer {
	w := &Writer{out: out, seed: maphash.MakeSeed(), profile: profile, cache: rows, onFail: onFail}
	w.Resize(width, height)
	return w
}

// Size is the terminal's size the writer draws for.
func (w *Writer) Size() (width, height int) { return w.width, w.height }

// Resize takes a new terminal size; the next frame redraws everything
// (the terminal may have reflowed or scrolled what it showed).
func (w *Writer) Resize(width, height int) {
	width, height = max(width, 1), max(height, 1)
	if width == w.width && height == w.height && w.rows != nil {
		return
	}
	w.width, w.height = width, height
	w.rows = make([]string, w.height)
	w.sums = make([]uint64, w.height)
	w.redraw = true
}

// SetProfile takes the client's colour profile; rows drawn with another
// one are drawn again.
func (w *Writer) SetProfile(p colorprofile.Profile) {
	if p != w.profile {
		w.profile = p
		w.redraw = true
	}
}

// DrawText shows content, the rows separated by newlines, and the cursor
// (nil: hidden).
func (w *Writer) DrawText(content string, cursor *Cursor) {
	if w.failed || (content == w.last && !w.redraw && w.started && w.sameCursor(cursor)) {
		return
	}
	w.last = content
	w.draw(strings.SplitN(content, "\n", w.height+1), cursor)
}

// Draw shows rows, one string per row, and the cursor (nil: hidden). The
// same slice as last time (the model keeps its frame while nothing
// changed) is the same screen: the rows must not be changed in place.
func (w *Writer) Draw(rows []string, cursor *Cursor) {
	same := len(rows) > 0 && len(rows) == len(w.lastLines) && &rows[0] == &w.lastLines[0]
	if w.failed || (same && !w.redraw && w.started && w.sameCursor(cursor)) {
		return
	}
	w.lastLines = rows
	w.draw(rows, cursor)
}

func (w *Writer) sameCursor(c *Cursor) bool {
	if c == nil {
		return !w.cursorShow
	}
	return w.cursorShow && *c == w.cursor
}

// draw shows lines, one per row, then the cursor.
func (w *Writer) draw(lines []string, cursor *Cursor) {
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
		w.cursorShow = false
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
	moved := w.buf.Len() != header
	w.placeCursor(cursor, moved)
	if w.buf.Len() == header {
		return // nothing on screen changes
	}
	w.buf.WriteString(ansi.ResetModeSynchronizedOutput)
	w.write()
}

// placeCursor shows the cursor where the frame wants it, or hides it;
// moved tells that rows were written (and the cursor moved with them).
func (w *Writer) placeCursor(c *Cursor, moved bool) {
	if c == nil {
		if w.cursorShow {
			w.buf.WriteString(ansi.ResetModeTextCursorEnable)
			w.cursorShow = false
		}
		return
	}
	at := Cursor{X: min(max(c.X, 0), w.width-1), Y: min(max(c.Y, 0), w.height-1)}
	if moved || !w.cursorShow || at != w.cursor {
		w.buf.WriteString(ansi.CursorPosition(at.X+1, at.Y+1))
	}
	if !w.cursorShow {
		w.buf.WriteString(ansi.SetModeTextCursorEnable)
	}
	w.cursor, w.cursorShow = at, true
}

// row draws one row: from its first column, the whole row erased, then
// the line cut to the width. Erasing first (instead of after the text)
// also blanks the cells a terminal leaves when it draws a character
// narrower than the server measured it.
func (w *Writer) row(i int, line string) {
	w.buf.WriteString(ansi.CursorPosition(1, i+1) + ansi.EraseEntireLine)
	if line != "" {
		w.buf.WriteString(w.cache.fit(line, w.width, w.profile))
		w.buf.WriteString(ansi.ResetStyle)
	}
}

// write sends the frame in one write. A session that has gone makes it
// fail (its channel is closed); from then on nothing more is written and
// onFail is called.
func (w *Writer) write() {
	if _, err := w.out.Write(w.buf.Bytes()); err != nil {
		w.failed = true
		if w.onFail != nil {
			w.onFail()
		}
	}
}

// Restore gives the terminal back as it was before the console: text
// cursor shown, autowrap and bracketed paste as before, the user's own
// screen back. It is written once the console has ended, before any
// closing message.
func (w *Writer) Restore() {
	if !w.started || w.failed {
		return
	}
	w.started = false
	w.buf.Reset()
	w.buf.WriteString(ansi.CursorPosition(1, w.height) + leaveConsole)
	w.write()
}
