package tui

import (
	"bytes"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/charmbracelet/x/vt"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/report"
	"cellule/store"
)

// Test people, registered by newFixture: the service checks every write
// against the record.
var (
	lead      = crisistest.Actor("alice", crisis.RoleLead)
	responder = crisistest.Actor("bob", crisis.RoleResponder)
	viewer    = crisistest.Actor("carol", crisis.RoleViewer)
)

// testClock is a settable clock; the service reads it from the program's
// command goroutines, hence the lock.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// crisisOpened is when the test crisis opens (the Cahors attack's first
// day); testNow is "now" in every test: 3 days, 4 hours, 12 minutes later.
var (
	crisisOpened = time.Date(2022, 9, 9, 0, 0, 0, 0, time.UTC)
	testNow      = time.Date(2022, 9, 12, 4, 12, 0, 0, time.UTC)
)

// fixture is a service over a real bbolt file in a temp dir, with a crisis
// opened at crisisOpened and the clock at testNow.
type fixture struct {
	svc   *crisis.Service
	clock *testClock
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "cellule.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	clock := &testClock{t: crisisOpened}
	svc := crisis.NewService(db, crisis.WithClock(clock.now), crisis.WithLocation(time.UTC))
	if _, err := svc.Open(crisis.LocalActor("test"), "Cyberattack CH Cahors"); err != nil {
		t.Fatalf("open crisis: %v", err)
	}
	for _, a := range []crisis.Actor{lead, responder, viewer} {
		crisistest.Register(t, svc, a.Name, a.Role)
	}
	clock.set(testNow)
	return &fixture{svc: svc, clock: clock}
}

func (f *fixture) log(t *testing.T, a crisis.Actor, kind crisis.Kind, text, when string) crisis.Entry {
	t.Helper()
	e, err := f.svc.Log(a, crisis.Draft{Kind: kind, Text: text, When: when})
	if err != nil {
		t.Fatalf("log %q: %v", text, err)
	}
	return e
}

// seed writes a few entries: a backdated one, one that gets corrected, and
// its correction.
func (f *fixture) seed(t *testing.T) {
	t.Helper()
	f.log(t, lead, crisis.KindFact, "Ransom note found on the file server FS-02. Encrypted shares: compta, rh, pharmacie.", "2022-09-12 03:40")
	f.log(t, responder, crisis.KindAction, "Core firewall: all outbound traffic from the server VLANs blocked.", "")
	wrong := f.log(t, responder, crisis.KindInfo, "CERT Santé called back: ticket 4521.", "")
	if _, err := f.svc.Correct(responder, wrong.ID, crisis.Draft{Kind: crisis.KindInfo, Text: "CERT Santé ticket is 4512, not 4521."}); err != nil {
		t.Fatalf("correct: %v", err)
	}
	f.log(t, lead, crisis.KindDecision, "Mail (Zimbra) stays cut off until the domain controllers are rebuilt.\nVPN closed for every provider.", "")
}

// start runs the console of me in a test program at 80x24, with the ASCII
// colour profile. changes may be nil.
func start(t *testing.T, f *fixture, me crisis.Actor, changes <-chan struct{}) *teatest.TestModel {
	t.Helper()
	m := New(f.svc, me, Options{Width: 80, Height: 24, Changes: changes, Preview: report.Preview})
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	t.Cleanup(func() { _ = tm.Quit() })
	return tm
}

// screen reads the program's output into a terminal emulator, so tests see
// the screen a user would see, not the renderer's diffs.
type screen struct {
	emu *vt.Emulator
	fed int
}

func newScreen(t *testing.T) *screen {
	emu := vt.NewEmulator(80, 24)
	// The emulator answers terminal queries on its input pipe; drain it so
	// an answer never blocks a write.
	go func() { _, _ = io.Copy(io.Discard, emu) }()
	// Closing the pipe (not the emulator, whose Close races with Read)
	// ends the drain.
	t.Cleanup(func() {
		if pw, ok := emu.InputPipe().(*io.PipeWriter); ok {
			_ = pw.Close()
		}
	})
	// A pty turns LF into CR LF (onlcr) and the renderer counts on it;
	// new-line mode (LNM) does the same in the emulator.
	_, _ = emu.WriteString(ansi.SetMode(ansi.ModeLineFeedNewLine))
	return &screen{emu: emu}
}

// waitFor feeds the output to the emulator until the screen contains want.
func (s *screen) waitFor(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	s.waitUntil(t, tm, func(text string) bool { return strings.Contains(text, want) }, want)
}

func (s *screen) waitUntil(t *testing.T, tm *teatest.TestModel, cond func(string) bool, what string) {
	t.Helper()
	s.fed = 0 // WaitFor hands over the bytes read since it started
	var last string
	ok := false
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		if len(b) > s.fed {
			_, _ = s.emu.Write(b[s.fed:])
			s.fed = len(b)
		}
		last = s.emu.String()
		ok = cond(last)
		return ok
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	if !ok {
		t.Fatalf("screen never showed %s; last screen:\n%s", what, last)
	}
}

// text is the emulated screen's text.
func (s *screen) text() string { return s.emu.String() }

// press sends a key such as "n", "ctrl+s", "esc", "enter", "tab", "up".
func press(tm *teatest.TestModel, k string) {
	tm.Send(keyMsg(k))
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	if mod, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(mod[0]), Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// finalView quits and returns the last frame's text without styles.
func finalView(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	_ = tm.Quit()
	m := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
	return ansi.Strip(m.View().Content)
}

// sgr matches the only escape sequences the console itself writes: styles.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// foreignEscapes returns what is left of content once the console's own
// style sequences are removed, when it still holds an ESC or a BEL.
func foreignEscapes(content string) []byte {
	rest := sgr.ReplaceAllString(content, "")
	if strings.ContainsAny(rest, "\x1b\x07") {
		return []byte(rest)
	}
	return nil
}

// lastLines is a compact way to show a screen in failure messages.
func lastLines(s string) string {
	var b bytes.Buffer
	for _, l := range strings.Split(s, "\n") {
		b.WriteString("|" + l + "\n")
	}
	return b.String()
}
