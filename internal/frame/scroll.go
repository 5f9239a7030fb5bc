package frame

import (
	"slices"

	"github.com/charmbracelet/x/ansi"
)

// minScrollGain is how many rows a scroll must spare from being written
// again to be worth its few bytes.
const minScrollGain = 2

// scroll moves rows on the terminal when next shows, shifted up or down,
// rows it already shows: a new entry at the bottom of the logbook moves
// the rows above it up. It scrolls the region they occupy with margins
// and deletes or inserts lines, then records what each row shows. At most
// a few moves per frame, each the one that spares the most rows.
func (w *Writer) scroll(next []uint64, empty uint64) {
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
