package timeline_test

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Golden screens of the Timeline tab at 80x24, UTC, fixed clock, without
// styles. Regenerate with `go test ./tui/timeline -update` and read the
// files in testdata/ before committing them.

func TestGoldenEmptyLogbook(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, lead, nil)
	newScreen(t).WaitFor(t, tm, "Press n to write the first entry")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}

func TestGoldenEmptyLogbookViewer(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, viewer, nil)
	newScreen(t).WaitFor(t, tm, "Nothing has been logged yet")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}

func TestGoldenEntries(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	newScreen(t).WaitFor(t, tm, "VPN closed for every provider")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}

func TestGoldenNewEntryForm(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "n")
	scr.WaitFor(t, tm, "New entry")
	tm.Type("Pharmacy back on paper prescriptions.")
	scr.WaitFor(t, tm, "paper prescriptions")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}

func TestGoldenCorrectionForm(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "up")
	press(tm, "up")
	press(tm, "c")
	scr.WaitFor(t, tm, "Correct #3")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}
