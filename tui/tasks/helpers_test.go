package tasks_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"cellule/crisis"
	mdreport "cellule/report"
	"cellule/tui"
	"cellule/tui/internal/tuitest"
)

// The tab is tested in the console it ships in (tui.New), on tuitest's
// fixture; these names keep the tests short.
var (
	lead      = tuitest.Lead
	responder = tuitest.Responder
	viewer    = tuitest.Viewer

	testNow = tuitest.TestNow
)

type fixture struct {
	*tuitest.Fixture
	svc   *crisis.Service
	clock *tuitest.Clock
}

func newFixture(t *testing.T) *fixture {
	tf := tuitest.NewFixture(t)
	return &fixture{Fixture: tf, svc: tf.Svc, clock: tf.Clock}
}

func (f *fixture) log(t *testing.T, a crisis.Actor, kind crisis.Kind, text, when string) crisis.Entry {
	t.Helper()
	return f.Log(t, a, kind, text, when)
}

func (f *fixture) seed(t *testing.T) { t.Helper(); f.Seed(t) }

// start runs the console of me in a test program at 80x24. changes may be
// nil.
func start(t *testing.T, f *fixture, me crisis.Actor, changes <-chan struct{}) *teatest.TestModel {
	t.Helper()
	return tuitest.Start(t, tui.New(f.svc, me, tui.Options{Width: 80, Height: 24, Changes: changes, Preview: mdreport.Preview}))
}

type screen = tuitest.Screen

func newScreen(t *testing.T) *screen { return tuitest.NewScreen(t) }

func press(tm *teatest.TestModel, k string) { tuitest.Press(tm, k) }

func keyMsg(k string) tea.KeyPressMsg { return tuitest.KeyMsg(k) }

func finalView(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	return tuitest.FinalView(t, tm)
}

// goldenScreen is the last frame as the SSH console draws it into a
// terminal: what golden screens hold.
func goldenScreen(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	return tuitest.GoldenScreen(t, tm)
}

func lastLines(s string) string { return tuitest.LastLines(s) }

func foreignEscapes(content string) []byte { return tuitest.ForeignEscapes(content) }

func asksBeforeDropping(t *testing.T, tm *teatest.TestModel, scr *screen, typed, question, gone string) {
	t.Helper()
	tuitest.AsksBeforeDropping(t, tm, scr, typed, question, gone)
}
