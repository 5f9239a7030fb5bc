package oncall_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"cellule/crisis"
	"cellule/tui/internal/tuitest"
)

const testContacts = tuitest.TestContacts

func (f *fixture) seedOnCall(t *testing.T) { t.Helper(); f.SeedOnCall(t) }

// openOnCall starts me's console on the On-call tab; wait waits for a
// text on its screen.
func openOnCall(t *testing.T, f *fixture, me crisis.Actor, changes <-chan struct{}) (*teatest.TestModel, *screen, func(string)) {
	t.Helper()
	tm := start(t, f, me, changes)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "4")
	scr.WaitFor(t, tm, "c Checklists")
	return tm, scr, func(want string) { t.Helper(); scr.WaitFor(t, tm, want) }
}

func TestGoldenOnCallChecklists(t *testing.T) {
	f := newFixture(t)
	f.seedOnCall(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "4")
	// The newest open run is shown, its next step opened with the numbers
	// of whom to call.
	scr.WaitFor(t, tm, "☎ 05 65 00 00 01 · backup 06 00 00 00 01 — Camille Martin")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}

func TestGoldenOnCallDirectorySearch(t *testing.T) {
	f := newFixture(t)
	f.seedOnCall(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "4")
	scr.WaitFor(t, tm, "c Checklists")
	press(tm, "d")
	scr.WaitFor(t, tm, "4 of 4 contacts")
	tm.Type("admin")
	scr.WaitFor(t, tm, "2 of 4 contacts")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}

func TestGoldenOnCallHandoverPending(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.svc.WriteHandover(responder, crisis.HandoverNote{
		Situation: "Mail and VPN cut since 00:40. Backup server disconnected.",
		OpenItems: "Passwords exposed on the Internet not changed yet.",
		NextSteps: "Call the mail provider at 08:00 to block inbound attachments.",
	}); err != nil {
		t.Fatal(err)
	}
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Handover #1 (bob) to acknowledge")
	press(tm, "4")
	press(tm, "h")
	scr.WaitFor(t, tm, "NOT ACKNOWLEDGED")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}

func TestGoldenOnCallNothingRunningViewer(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, viewer, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "4")
	scr.WaitFor(t, tm, "No checklist is running.")
	golden.RequireEqual(t, []byte(goldenScreen(t, tm)))
}

func TestTickAndUntickFromTheConsole(t *testing.T) {
	f := newFixture(t)
	f.seedOnCall(t)
	tm, _, wait := openOnCall(t, f, responder, nil)
	wait("1/13 · next: 2")
	press(tm, "x") // ticks step 2, the next one
	wait("Step 2 ticked (#")
	wait("[x]  2. Call the on-call administrator — 09-12 04:12 bob")
	// The cursor moved to the new next step: un-ticking there does nothing,
	// so go back up to step 2.
	press(tm, "up")
	press(tm, "u")
	wait("Why un-tick step 2?")
	press(tm, "enter") // no reason: nothing happens
	wait("Why un-tick step 2?")
	tm.Type("wrong number dialled")
	press(tm, "enter")
	wait("Step 2 un-ticked (#")
	wait("un-ticked by bob: wrong number dialled")
	r, _ := f.svc.ChecklistRun(2)
	if r.Steps[1].Done() || r.Steps[1].UndoReason != "wrong number dialled" {
		t.Errorf("step 2 = %+v", r.Steps[1])
	}
}

func TestStartARunFromTheConsole(t *testing.T) {
	f := newFixture(t)
	tm, _, wait := openOnCall(t, f, lead, nil)
	wait("Press n to start one")
	press(tm, "n")
	wait("Start a checklist:")
	press(tm, "down")
	press(tm, "enter") // end-of-crisis
	wait("Label (optional)")
	tm.Type("day 28")
	press(tm, "enter")
	wait("Run #1 started: End of crisis (day 28)")
	wait("0/10 · next: 1")
}

func TestViewerCannotTick(t *testing.T) {
	f := newFixture(t)
	f.seedOnCall(t)
	tm, _, wait := openOnCall(t, f, viewer, nil)
	wait("1/13")
	press(tm, "x")
	wait("a viewer may not start or tick checklists")
	if r, _ := f.svc.ChecklistRun(2); r.Steps[1].Done() {
		t.Error("a viewer ticked a step")
	}
}

func TestHandoverWrittenAndAcknowledgedInTheConsole(t *testing.T) {
	f := newFixture(t)
	changes, unsubscribe := f.svc.Subscribe()
	defer unsubscribe()
	tm, scr, wait := openOnCall(t, f, responder, changes)
	press(tm, "h")
	wait("Press w to write one")
	press(tm, "w")
	wait("Shift handover")
	tm.Type("Mail and VPN cut.")
	press(tm, "tab")
	tm.Type("Passwords not changed.")
	press(tm, "ctrl+s")
	wait("Handover #1 written (#")
	wait("Handover #1 (bob) to acknowledge")
	press(tm, "a")
	wait("the next shift acknowledges it")

	// The next shift acknowledges it: the flag leaves bob's header.
	if _, _, err := f.svc.AckHandover(lead, 1); err != nil {
		t.Fatal(err)
	}
	wait("acknowledged by alice")
	scr.WaitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "to acknowledge") }, "the flag to go")
}

func TestAcknowledgeAsksFirst(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.svc.WriteHandover(responder, crisis.HandoverNote{Situation: "Quiet night."}); err != nil {
		t.Fatal(err)
	}
	tm, _, wait := openOnCall(t, f, lead, nil)
	press(tm, "h")
	press(tm, "a")
	wait("Acknowledge handover #1 from bob? y/n")
	press(tm, "y")
	wait("Handover #1 acknowledged (#")
	if hs, _ := f.svc.Handovers(); !hs[0].Acked() {
		t.Error("not acknowledged")
	}
}

func TestTickThroughTheServiceShowsLive(t *testing.T) {
	f := newFixture(t)
	f.seedOnCall(t)
	changes, unsubscribe := f.svc.Subscribe()
	defer unsubscribe()
	_, _, wait := openOnCall(t, f, viewer, changes)
	wait("1/13 · next: 2")
	if _, _, err := f.svc.Tick(responder, 2, 2, ""); err != nil {
		t.Fatal(err)
	}
	wait("2/13 · next: 3")
}
