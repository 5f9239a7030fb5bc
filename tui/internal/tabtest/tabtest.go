// Package tabtest starts the console as the tabs' tests run it: tui.New,
// as shipped, on tuitest's fixture. It stands apart from tuitest because
// tui's own tests use tuitest, so tuitest cannot import tui.
package tabtest

import (
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"cellule/crisis"
	"cellule/report"
	"cellule/tui"
	"cellule/tui/internal/tuitest"
)

// Start runs the console of me in a test program at 80x24. changes may be
// nil.
func Start(t *testing.T, f *tuitest.Fixture, me crisis.Actor, changes <-chan struct{}) *teatest.TestModel {
	t.Helper()
	return tuitest.Start(t, tui.New(f.Svc, me, tui.Options{Width: 80, Height: 24, Changes: changes, Preview: report.Preview}))
}
