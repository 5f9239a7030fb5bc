package timeline_test

import (
	"strings"
	"testing"

	"cellule/crisis"
	"cellule/tui/internal/tabtest"
	"cellule/tui/internal/tuitest"
)

// A refusal goes away once the field it is about changes: a stale error
// under fixed text reads as if the fix were refused too.
func TestErrorClearedWhenItsFieldChanges(t *testing.T) {
	f, tm, scr := openNewEntry(t)
	tuitest.Press(tm, "ctrl+s") // no text yet
	scr.WaitFor(t, tm, "the entry has no text")
	tm.Type("Switch reboot in the server room.")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "server room.") && !strings.Contains(s, "the entry has no text")
	}, "the text without the stale refusal")

	tuitest.Press(tm, "tab") // to "happened at"
	tm.Type("41:05")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, `cannot read the time "41:05"`)
	tuitest.Press(tm, "backspace")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "41:0") && !strings.Contains(s, "cannot read the time")
	}, "the time being fixed without the stale refusal")
	if page, _ := f.Svc.Timeline(crisis.TimelineQuery{}); page.Total != 0 {
		t.Fatalf("something was saved")
	}
}

// A correction opens with the text it corrects in the box, to be edited
// rather than typed again.
func TestCorrectionStartsFromTheOriginalText(t *testing.T) {
	f := tuitest.NewFixture(t)
	f.Seed(t)
	tm := tabtest.Start(t, f, tuitest.Responder, nil)
	scr := tuitest.NewScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	tuitest.Press(tm, "up")
	tuitest.Press(tm, "up")
	tuitest.Press(tm, "up")
	tuitest.Press(tm, "c")
	scr.WaitFor(t, tm, "Correct #2")
	scr.WaitFor(t, tm, "┃ Core firewall: all outbound traffic from the server VLANs blocked.")
	tm.Type(" Since 03:55.")
	tuitest.Press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Saved as #6")
	e, err := f.Svc.Entry(6)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Core firewall: all outbound traffic from the server VLANs blocked. Since 03:55."; e.Text != want || e.Amends != 2 {
		t.Fatalf("correction %q (amends #%d), want %q", e.Text, e.Amends, want)
	}
}
