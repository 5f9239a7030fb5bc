package tui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Golden screens of the shell at 80x24, UTC, fixed clock, without styles.
// Regenerate with `go test ./tui -update` and read the files in testdata/
// before committing them.

func TestGoldenFullHelp(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "?")
	scr.WaitFor(t, tm, "page down")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}

func TestGoldenStagePicker(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Press n")
	press(tm, "s")
	scr.WaitFor(t, tm, "Move the crisis")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}
