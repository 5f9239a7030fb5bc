package tui

import (
	"strings"
	"testing"

	"cellule/crisis"
)

// A console redraws only what changed: a new entry leaves the header as it
// was, yet a header change that comes with the next entry still shows, and
// so does the next one that changes nothing but the header.
func TestHeaderChangesShowBetweenEntries(t *testing.T) {
	f := newFixture(t)
	changes, unsubscribe := f.svc.Subscribe()
	defer unsubscribe()
	tm := start(t, f, viewer, changes)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Nothing has been logged yet")

	f.log(t, responder, crisis.KindFact, "Backup server srv-bak-1 isolated.", "")
	scr.WaitFor(t, tm, "Backup server srv-bak-1 isolated.")
	if !strings.Contains(scr.Text(), "Stage: Alert") {
		t.Fatalf("the header lost its stage:\n%s", scr.Text())
	}

	if _, err := f.svc.SetStage(lead, crisis.StageContainment, ""); err != nil {
		t.Fatal(err)
	}
	scr.WaitFor(t, tm, "Stage: Containment")

	leave := f.svc.Join(responder)
	defer leave()
	scr.WaitFor(t, tm, "1 online: bob")
}
