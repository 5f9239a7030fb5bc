package kit

// A selectable list is a cursor over n rows and the first line shown of
// its lines in a window of h: the lists and pickers of every tab move and
// scroll through these, so they all keep the selection in view the same
// way.

// MoveCursor moves a cursor by delta over n rows, never off them.
func MoveCursor(cursor, delta, n int) int {
	return min(max(cursor+delta, 0), max(n-1, 0))
}

// Scroll is top, the first of n lines shown in a window of h, moved the
// least that shows the selected lines first..last whole; a selection
// taller than the window shows its end.
func Scroll(top, first, last, h, n int) int {
	if first < top {
		top = first
	}
	if last >= top+h {
		top = last - h + 1
	}
	return ClampTop(top, h, n)
}

// ClampTop keeps the window full: no blank lines below the last one when
// there are lines above the top.
func ClampTop(top, h, n int) int {
	return max(min(top, n-h), 0)
}
