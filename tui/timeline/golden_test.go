package timeline_test

import (
	"testing"

	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"

	"github.com/charmbracelet/x/exp/golden"
)

// Golden screens of the Timeline tab at 80x24, UTC, fixed clock, without
// styles. Regenerate with `go test ./tui/timeline -update` and read the
// files in testdata/ before committing them.

func TestGoldenEmptyLogbook(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	tuitest.NewScreen(t).WaitFor(t, tm, "Press n to write the first entry")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestGoldenEmptyLogbookViewer(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Viewer, nil)
	tuitest.NewScreen(t).WaitFor(t, tm, "Nothing has been logged yet")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestGoldenEntries(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Seed(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	tuitest.NewScreen(t).WaitFor(t, tm, "VPN closed for every provider")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestGoldenNewEntryForm(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Seed(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	tuitest.Press(tm, "n")
	scr.WaitFor(t, tm, "New entry")
	tm.Type("Pharmacy back on paper prescriptions.")
	scr.WaitFor(t, tm, "paper prescriptions")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestGoldenCorrectionForm(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Seed(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	tuitest.Press(tm, "up")
	tuitest.Press(tm, "up")
	tuitest.Press(tm, "c")
	scr.WaitFor(t, tm, "Correct #3")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}
