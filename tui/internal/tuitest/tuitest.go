// Package tuitest is what the console's tests share: a real service over
// a bbolt file in a temp dir, the test people, a program driven at 80x24
// and a terminal emulator that shows the screen a user would see.
package tuitest

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
	"cellule/internal/frame/frametest"
	"cellule/store"
)

// Test people, registered by newFixture: the service checks every write
// against the record.
var (
	Lead      = crisistest.Actor("alice", crisis.RoleLead)
	Responder = crisistest.Actor("bob", crisis.RoleResponder)
	Viewer    = crisistest.Actor("carol", crisis.RoleViewer)
)

// Clock is a settable clock; the service reads it from the program's
// command goroutines, hence the lock.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// CrisisOpened is when the test crisis opens (the Cahors attack's first
// day); TestNow is "now" in every test: 3 days, 4 hours, 12 minutes later.
var (
	CrisisOpened = time.Date(2022, 9, 9, 0, 0, 0, 0, time.UTC)
	TestNow      = time.Date(2022, 9, 12, 4, 12, 0, 0, time.UTC)
)

// Fixture is a service over a real bbolt file in a temp dir, with a crisis
// opened at CrisisOpened and the clock at TestNow.
type Fixture struct {
	Svc   *crisis.Service
	Clock *Clock
}

// NewFixture opens the test crisis and registers the test people.
func NewFixture(t *testing.T) *Fixture {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "cellule.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	clock := &Clock{t: CrisisOpened}
	svc := crisis.NewService(db, crisis.WithClock(clock.Now), crisis.WithLocation(time.UTC))
	if _, err := svc.Open(crisis.LocalActor("test"), "Cyberattack CH Cahors"); err != nil {
		t.Fatalf("open crisis: %v", err)
	}
	for _, a := range []crisis.Actor{Lead, Responder, Viewer} {
		crisistest.Register(t, svc, a.Name, a.Role)
	}
	clock.Set(TestNow)
	return &Fixture{Svc: svc, Clock: clock}
}

// Log writes an entry as a.
func (f *Fixture) Log(t *testing.T, a crisis.Actor, kind crisis.Kind, text, when string) crisis.Entry {
	t.Helper()
	e, err := f.Svc.Log(a, crisis.Draft{Kind: kind, Text: text, When: when})
	if err != nil {
		t.Fatalf("log %q: %v", text, err)
	}
	return e
}

// Seed writes a few entries: a backdated one, one that gets corrected, and
// its correction.
func (f *Fixture) Seed(t *testing.T) {
	t.Helper()
	f.Log(t, Lead, crisis.KindFact, "Ransom note found on the file server FS-02. Encrypted shares: compta, rh, pharmacie.", "2022-09-12 03:40")
	f.Log(t, Responder, crisis.KindAction, "Core firewall: all outbound traffic from the server VLANs blocked.", "")
	wrong := f.Log(t, Responder, crisis.KindInfo, "CERT Santé called back: ticket 4521.", "")
	if _, err := f.Svc.Correct(Responder, wrong.ID, crisis.Draft{Kind: crisis.KindInfo, Text: "CERT Santé ticket is 4512, not 4521."}); err != nil {
		t.Fatalf("correct: %v", err)
	}
	f.Log(t, Lead, crisis.KindDecision, "Mail (Zimbra) stays cut off until the domain controllers are rebuilt.\nVPN closed for every provider.", "")
}

// Start runs a console model in a test program at 80x24, with the ASCII
// colour profile.
func Start(t *testing.T, m tea.Model) *teatest.TestModel {
	t.Helper()
	return StartSized(t, m, 80, 24)
}

// StartSized is Start on a terminal of another size.
func StartSized(t *testing.T, m tea.Model, width, height int) *teatest.TestModel {
	t.Helper()
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(width, height),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	t.Cleanup(func() { _ = tm.Quit() })
	return tm
}

// Screen reads the program's output into a terminal emulator, so tests see
// the screen a user would see, not the renderer's diffs.
type Screen struct {
	emu *vt.Emulator
	fed int
}

// NewScreen is an 80x24 emulated terminal.
func NewScreen(t *testing.T) *Screen { return NewScreenSized(t, 80, 24) }

// NewScreenSized is an emulated terminal of another size.
func NewScreenSized(t *testing.T, width, height int) *Screen {
	emu := vt.NewEmulator(width, height)
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
	return &Screen{emu: emu}
}

// WaitFor feeds the output to the emulator until the screen contains want.
func (s *Screen) WaitFor(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	s.WaitUntil(t, tm, func(text string) bool { return strings.Contains(text, want) }, want)
}

// patience is how long a test waits for a screen before it fails: a
// deadline for a condition, not a speed budget. On a loaded two-core
// machine running the whole suite under the race detector, a console's
// screen has been seen to take more than 5 s.
const patience = 30 * time.Second

// WaitUntil feeds the output to the emulator until cond holds for the
// screen's text.
func (s *Screen) WaitUntil(t *testing.T, tm *teatest.TestModel, cond func(string) bool, what string) {
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
	}, teatest.WithDuration(patience), teatest.WithCheckInterval(10*time.Millisecond))
	if !ok {
		t.Fatalf("screen never showed %s; last screen:\n%s", what, last)
	}
}

// Text is the emulated screen's text.
func (s *Screen) Text() string { return s.emu.String() }

// Press sends a key such as "n", "ctrl+s", "esc", "enter", "tab", "up".
func Press(tm *teatest.TestModel, k string) {
	tm.Send(KeyMsg(k))
}

// KeyMsg is the key press named k (see Press).
func KeyMsg(k string) tea.KeyPressMsg {
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

// FinalView quits and returns the last frame's text without styles.
func FinalView(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	_ = tm.Quit()
	m := tm.FinalModel(t, teatest.WithFinalTimeout(patience))
	return ansi.Strip(m.View().Content)
}

// GoldenScreen quits and returns the screen a user's terminal shows for
// the last frame: the model's Frame() rows drawn through the real frame
// writer (the one the SSH console uses) into a terminal emulator, at 80x24
// without colours. Golden screens are taken through it, so they test the
// path users get, not bubbletea's renderer.
func GoldenScreen(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	_ = tm.Quit()
	m := tm.FinalModel(t, teatest.WithFinalTimeout(patience))
	f, ok := m.(interface{ Frame() []string })
	if !ok {
		t.Fatalf("%T has no Frame(): the SSH console could not draw it", m)
	}
	return frametest.New(80, 24, colorprofile.Ascii).Draw(f.Frame()...)
}

// sgr matches the only escape sequences the console itself writes: styles.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// ForeignEscapes returns what is left of content once the console's own
// style sequences are removed, when it still holds an ESC or a BEL.
func ForeignEscapes(content string) []byte {
	rest := sgr.ReplaceAllString(content, "")
	if strings.ContainsAny(rest, "\x1b\x07") {
		return []byte(rest)
	}
	return nil
}

// LastLines is a compact way to show a screen in failure messages.
func LastLines(s string) string {
	var b bytes.Buffer
	for _, l := range strings.Split(s, "\n") {
		b.WriteString("|" + l + "\n")
	}
	return b.String()
}

// AsksBeforeDropping types text, presses Esc, sees question and the yes/no
// footer, answers n and finds the text still there and still typed into,
// then Esc again and y; gone is a text of the screen the form closes onto.
func AsksBeforeDropping(t *testing.T, tm *teatest.TestModel, scr *Screen, typed, question, gone string) {
	t.Helper()
	tm.Type(typed)
	scr.WaitFor(t, tm, typed)
	Press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, question) && strings.Contains(s, "y yes") && strings.Contains(s, "n no")
	}, "the question and its keys")

	Press(tm, "n") // no: back to the text
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, question) && strings.Contains(s, typed)
	}, "the text again, without the question")
	tm.Type(" +more")
	scr.WaitFor(t, tm, typed+" +more")

	Press(tm, "esc")
	scr.WaitFor(t, tm, question)
	Press(tm, "x") // any other key leaves the question asked
	Press(tm, "y")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, question) && !strings.Contains(s, typed) && strings.Contains(s, gone)
	}, "the form closed, the text dropped")
}

// TestContacts is a small on-call directory, as CSV.
const TestContacts = "name,role,organisation,phone,backup_phone,notes,on_duty\n" +
	"Camille Martin,On-call administrator,CH Cahors — DSI,05 65 00 00 01,06 00 00 00 01,Nights and weekends,yes\n" +
	"Hugo Bernard,On-call administrator,CH Cahors — DSI,05 65 00 00 02,,,no\n" +
	"Claire Moreau,Crisis lead,CH Cahors — direction,05 65 00 00 03,06 00 00 00 03,,yes\n" +
	"Permanence CERT,Incident response,CERT Santé,05 65 00 00 10,,Out-of-hours support on request,no\n"

// SeedOnCall imports the contacts and starts two runs of the HNO
// checklist: the night of 12 September (four steps done) and the night of
// 13 September (one done).
func (f *Fixture) SeedOnCall(t *testing.T) {
	t.Helper()
	if _, err := f.Svc.ImportContacts(Lead, []byte(TestContacts), false); err != nil {
		t.Fatal(err)
	}
	r12, _, err := f.Svc.StartRun(Responder, "hno", "night of 12 September")
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= 4; n++ {
		if _, _, err := f.Svc.Tick(Responder, r12.ID, n, ""); err != nil {
			t.Fatal(err)
		}
	}
	r13, _, err := f.Svc.StartRun(Responder, "hno", "night of 13 September")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.Svc.Tick(Lead, r13.ID, 1, "-30m"); err != nil {
		t.Fatal(err)
	}
}

// SeedTasks fills the board as the night of 12 September might have:
// created at 02:00, it is now 04:12, so the task due at 03:00 is 1h12 late.
// The host gives alice one task, which is new to her until she opens it.
func (f *Fixture) SeedTasks(t *testing.T) {
	t.Helper()
	f.Clock.Set(time.Date(2022, 9, 12, 2, 0, 0, 0, time.UTC))
	add := func(a crisis.Actor, d crisis.TaskDraft) crisis.Task {
		t.Helper()
		task, err := f.Svc.AddTask(a, d)
		if err != nil {
			t.Fatalf("add %q: %v", d.Title, err)
		}
		return task
	}
	late := add(Lead, crisis.TaskDraft{Title: "Isolate the IS and end the illegitimate session", Assignee: "bob", Priority: 1, Phase: 1, Due: "03:00"})
	blocked := add(Lead, crisis.TaskDraft{Title: "Disable external access to mail and the VPN", Assignee: "alice", Priority: 1, Phase: 2})
	add(Lead, crisis.TaskDraft{Title: "Block inbound attachments on the mail service", Priority: 2, Due: "12:00"})
	add(crisis.LocalActor("test"), crisis.TaskDraft{Title: "Change the passwords exposed on the Internet", Assignee: "alice", Priority: 2,
		Details: "Every account whose password was typed into Zimbra webmail.\nStart with the admins."})
	done := add(Responder, crisis.TaskDraft{Title: "Disconnect the physical backup server", Assignee: "bob", Priority: 1, Due: "02:30"})
	add(Responder, crisis.TaskDraft{Title: "Inventory the workstations to reimage", Priority: 3, Phase: 4})
	for _, step := range []struct {
		id     uint64
		st     crisis.TaskStatus
		reason string
	}{
		{late.ID, crisis.TaskInProgress, ""},
		{blocked.ID, crisis.TaskBlocked, "waiting for the provider's admin password"},
		{done.ID, crisis.TaskDone, ""},
	} {
		if _, err := f.Svc.SetTaskStatus(Lead, step.id, step.st, step.reason); err != nil {
			t.Fatal(err)
		}
	}
	f.Clock.Set(TestNow)
}
