package tui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Golden screens at 80x24, UTC, fixed clock, without styles. Regenerate
// with `go test ./tui -update` and read the files in testdata/ before
// committing them.

func TestGoldenEmptyLogbook(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, lead, nil)
	newScreen(t).waitFor(t, tm, "Press n to write the first entry")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

func TestGoldenEmptyLogbookViewer(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, viewer, nil)
	newScreen(t).waitFor(t, tm, "Nothing has been logged yet")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

func TestGoldenEntries(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	newScreen(t).waitFor(t, tm, "VPN closed for every provider")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

func TestGoldenNewEntryForm(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.waitFor(t, tm, "VPN closed")
	press(tm, "n")
	scr.waitFor(t, tm, "New entry")
	tm.Type("Pharmacy back on paper prescriptions.")
	scr.waitFor(t, tm, "paper prescriptions")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

func TestGoldenCorrectionForm(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.waitFor(t, tm, "VPN closed")
	press(tm, "up")
	press(tm, "up")
	press(tm, "c")
	scr.waitFor(t, tm, "Correct #3")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

func TestGoldenFullHelp(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.waitFor(t, tm, "VPN closed")
	press(tm, "?")
	scr.waitFor(t, tm, "page down")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

func TestGoldenStagePicker(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.waitFor(t, tm, "Press n")
	press(tm, "s")
	scr.waitFor(t, tm, "Move the crisis")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}
