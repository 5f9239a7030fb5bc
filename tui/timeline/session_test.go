package timeline

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
	"cellule/tui/internal/tuitest"
	"cellule/tui/kit"
)

// The tab alone, for the tests that look inside it: the body of the
// console at 80x24 (header, tabs line, status line and footer take 6).
var (
	lead      = tuitest.Lead
	responder = tuitest.Responder
	viewer    = tuitest.Viewer
)

type fixture struct {
	*tuitest.Fixture
	svc *crisis.Service
}

func newFixture(t *testing.T) *fixture {
	tf := tuitest.NewFixture(t)
	return &fixture{Fixture: tf, svc: tf.Svc}
}

func (f *fixture) log(t *testing.T, a crisis.Actor, kind crisis.Kind, text, when string) crisis.Entry {
	t.Helper()
	return f.Log(t, a, kind, text, when)
}

// newTab is the Timeline tab of me, sized as in an 80x24 console, with
// its first page read.
func newTab(f *fixture, me crisis.Actor) *timeline {
	tl := newTimeline(kit.NewSession(f.svc, me, "en", nil))
	tl.SetSize(80, 18)
	tl.Update(tl.Reload()())
	return tl
}

func keyMsg(k string) tea.KeyPressMsg { return tuitest.KeyMsg(k) }

func lastLines(s string) string { return tuitest.LastLines(s) }

func foreignEscapes(content string) []byte { return tuitest.ForeignEscapes(content) }
