package timeline_test

import (
	"strings"
	"testing"

	"cellule/crisis"
)

// A refusal goes away once the field it is about changes: a stale error
// under fixed text reads as if the fix were refused too.
func TestErrorClearedWhenItsFieldChanges(t *testing.T) {
	f, tm, scr := openNewEntry(t)
	press(tm, "ctrl+s") // no text yet
	scr.WaitFor(t, tm, "the entry has no text")
	tm.Type("Switch reboot in the server room.")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "server room.") && !strings.Contains(s, "the entry has no text")
	}, "the text without the stale refusal")

	press(tm, "tab") // to "happened at"
	tm.Type("41:05")
	press(tm, "ctrl+s")
	scr.WaitFor(t, tm, `cannot read the time "41:05"`)
	press(tm, "backspace")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, "41:0") && !strings.Contains(s, "cannot read the time")
	}, "the time being fixed without the stale refusal")
	if page, _ := f.svc.Timeline(crisis.TimelineQuery{}); page.Total != 0 {
		t.Fatalf("something was saved")
	}
}

// A correction opens with the text it corrects in the box, to be edited
// rather than typed again.
func TestCorrectionStartsFromTheOriginalText(t *testing.T) {
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "up")
	press(tm, "up")
	press(tm, "up")
	press(tm, "c")
	scr.WaitFor(t, tm, "Correct #2")
	scr.WaitFor(t, tm, "┃ Core firewall: all outbound traffic from the server VLANs blocked.")
	tm.Type(" Since 03:55.")
	press(tm, "ctrl+s")
	scr.WaitFor(t, tm, "Saved as #6")
	e, err := f.svc.Entry(6)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Core firewall: all outbound traffic from the server VLANs blocked. Since 03:55."; e.Text != want || e.Amends != 2 {
		t.Fatalf("correction %q (amends #%d), want %q", e.Text, e.Amends, want)
	}
}
