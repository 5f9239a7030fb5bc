package oncall_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"cellule/crisis"
	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"
)

const testContacts = tuitest.TestContacts

// openOnCall starts me's console on the On-call tab; wait waits for a
// text on its screen.
func openOnCall(t *testing.T, f *tuitest.Fixture, me crisis.Actor, changes <-chan struct{}) (*teatest.TestModel, *tuitest.Screen, func(string)) {
	t.Helper()
	tm := tabtest.Start(t, f, me, changes)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "4")
	scr.WaitFor(t, tm, "c Checklists")
	return tm, scr, func(want string) { t.Helper(); scr.WaitFor(t, tm, want) }
}

func TestGoldenOnCallChecklists(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedOnCall(t)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "4")
	// The newest open run is shown, its next step opened with the numbers
	// of whom to call.
	scr.WaitFor(t, tm, "☎ 05 65 00 00 01 · backup 06 00 00 00 01 — Camille Martin")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestGoldenOnCallDirectorySearch(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedOnCall(t)
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "4")
	scr.WaitFor(t, tm, "c Checklists")
	tuitest.Press(tm, "d")
	scr.WaitFor(t, tm, "4 of 4 contacts")
	tm.Type("admin")
	scr.WaitFor(t, tm, "2 of 4 contacts")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestGoldenOnCallHandoverPending(t *testing.T) {
	f := tuitest.NewFixture(t)
	if _, _, err := f.Svc.WriteHandover(tuitest.Responder, crisis.HandoverNote{
		Situation: "Mail and VPN cut since 00:40. Backup server disconnected.",
		OpenItems: "Passwords exposed on the Internet not changed yet.",
		NextSteps: "Call the mail provider at 08:00 to block inbound attachments.",
	}); err != nil {
		t.Fatal(err)
	}
	tm := tabtest.Start(t, f, tuitest.Lead, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Handover #1 (bob) to acknowledge")
	tuitest.Press(tm, "4")
	tuitest.Press(tm, "h")
	scr.WaitFor(t, tm, "NOT ACKNOWLEDGED")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestGoldenOnCallNothingRunningViewer(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm := tabtest.Start(t, f, tuitest.Viewer, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	tuitest.Press(tm, "4")
	scr.WaitFor(t, tm, "No checklist is running.")
	golden.RequireEqual(t, []byte(tuitest.GoldenScreen(t, tm)))
}

func TestTickAndUntickFromTheConsole(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedOnCall(t)
	tm, _, wait := openOnCall(t, f, tuitest.Responder, nil)
	wait("1/13 · next: 2")
	tuitest.Press(tm, "x") // ticks step 2, the next one
	wait("Step 2 ticked (#")
	wait("[x]  2. Call the on-call administrator — 09-12 04:12 bob")
	// The cursor moved to the new next step: un-ticking there does nothing,
	// so go back up to step 2.
	tuitest.Press(tm, "up")
	tuitest.Press(tm, "u")
	wait("Why un-tick step 2?")
	tuitest.Press(tm, "enter") // no reason: nothing happens
	wait("Why un-tick step 2?")
	tm.Type("wrong number dialled")
	tuitest.Press(tm, "enter")
	wait("Step 2 un-ticked (#")
	wait("un-ticked by bob: wrong number dialled")
	r, _ := f.Svc.ChecklistRun(2)
	if r.Steps[1].Done() || r.Steps[1].UndoReason != "wrong number dialled" {
		t.Errorf("step 2 = %+v", r.Steps[1])
	}
}

func TestStartARunFromTheConsole(t *testing.T) {
	f := tuitest.NewFixture(t)
	tm, _, wait := openOnCall(t, f, tuitest.Lead, nil)
	wait("Press n to start one")
	tuitest.Press(tm, "n")
	wait("Start a checklist:")
	tuitest.Press(tm, "down")
	tuitest.Press(tm, "enter") // end-of-crisis
	wait("Label (optional)")
	tm.Type("day 28")
	tuitest.Press(tm, "enter")
	wait("Run #1 started: End of crisis (day 28)")
	wait("0/10 · next: 1")
}

func TestViewerCannotTick(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedOnCall(t)
	tm, _, wait := openOnCall(t, f, tuitest.Viewer, nil)
	wait("1/13")
	tuitest.Press(tm, "x")
	wait("a viewer may not start or tick checklists")
	if r, _ := f.Svc.ChecklistRun(2); r.Steps[1].Done() {
		t.Error("a viewer ticked a step")
	}
}

func TestHandoverWrittenAndAcknowledgedInTheConsole(t *testing.T) {
	f := tuitest.NewFixture(t)
	changes, unsubscribe := f.Svc.Subscribe()
	defer unsubscribe()
	tm, scr, wait := openOnCall(t, f, tuitest.Responder, changes)
	tuitest.Press(tm, "h")
	wait("Press w to write one")
	tuitest.Press(tm, "w")
	wait("Shift handover")
	tm.Type("Mail and VPN cut.")
	tuitest.Press(tm, "tab")
	tm.Type("Passwords not changed.")
	tuitest.Press(tm, "ctrl+s")
	wait("Handover #1 written (#")
	wait("Handover #1 (bob) to acknowledge")
	tuitest.Press(tm, "a")
	wait("the next shift acknowledges it")

	// The next shift acknowledges it: the flag leaves bob's header.
	if _, _, err := f.Svc.AckHandover(tuitest.Lead, 1); err != nil {
		t.Fatal(err)
	}
	wait("acknowledged by alice")
	scr.WaitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "to acknowledge") }, "the flag to go")
}

func TestAcknowledgeAsksFirst(t *testing.T) {
	f := tuitest.NewFixture(t)
	if _, _, err := f.Svc.WriteHandover(tuitest.Responder, crisis.HandoverNote{Situation: "Quiet night."}); err != nil {
		t.Fatal(err)
	}
	tm, _, wait := openOnCall(t, f, tuitest.Lead, nil)
	tuitest.Press(tm, "h")
	tuitest.Press(tm, "a")
	wait("Acknowledge handover #1 from bob? y/n")
	tuitest.Press(tm, "y")
	wait("Handover #1 acknowledged (#")
	if hs, _ := f.Svc.Handovers(); !hs[0].Acked() {
		t.Error("not acknowledged")
	}
}

func TestTickThroughTheServiceShowsLive(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.SeedOnCall(t)
	changes, unsubscribe := f.Svc.Subscribe()
	defer unsubscribe()
	_, _, wait := openOnCall(t, f, tuitest.Viewer, changes)
	wait("1/13 · next: 2")
	if _, _, err := f.Svc.Tick(tuitest.Responder, 2, 2, ""); err != nil {
		t.Fatal(err)
	}
	wait("2/13 · next: 3")
}
