package sshserver

import "testing"

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
