package kit

import "testing"

// The window moves the least that shows the selection, a selection
// taller than the window shows its end, and the window stays full.
func TestScrollShowsTheSelection(t *testing.T) {
	for _, c := range []struct{ top, first, last, h, n, want int }{
		{0, 2, 3, 5, 20, 0},     // already shown
		{0, 6, 7, 5, 20, 3},     // below: its last line at the bottom
		{10, 4, 5, 5, 20, 4},    // above: its first line at the top
		{0, 2, 12, 5, 20, 8},    // taller than the window: its end
		{18, 18, 18, 5, 20, 15}, // near the end: the window stays full
		{3, 0, 0, 5, 2, 0},      // fewer lines than the window
	} {
		if got := Scroll(c.top, c.first, c.last, c.h, c.n); got != c.want {
			t.Errorf("Scroll(%d, %d, %d, %d, %d) = %d, want %d", c.top, c.first, c.last, c.h, c.n, got, c.want)
		}
	}
	if MoveCursor(0, -1, 3) != 0 || MoveCursor(2, 1, 3) != 2 || MoveCursor(1, 1, 3) != 2 || MoveCursor(0, 1, 0) != 0 {
		t.Error("the cursor left its rows")
	}
}
