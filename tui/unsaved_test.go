package tui

import (
	"strings"
	"testing"
	"time"

	"cellule/crisis"
)

// Every form that holds typed text gets the louder idle warning once text
// is typed into it, and only then: the idle close would lose that text.
func TestIdleWarningNamesUnsavedText(t *testing.T) {
	cases := []struct {
		name string
		me   crisis.Actor
		seed func(f *fixture, t *testing.T)
		// open brings the form up: keys, and "?text" waits for the text
		open []string
		wait string // on screen once the form is up
		// typing puts text in it
		keys []string
		text string
	}{
		{"logbook entry", responder, nil, []string{"n"}, "Happened at", nil, "Firewall reloaded"},
		{"new task", responder, nil, []string{"2", "n"}, "New task", nil, "Call the CERT"},
		{"task edit", lead, (*fixture).seedTasks, []string{"2", "?LATE 1h12", "e"}, "Edit task #1", nil, " now"},
		{"task blocked reason", responder, (*fixture).seedTasks, []string{"2", "?LATE 1h12", "c", "?Status of task #1", "down", "enter"}, "Blocked by:", nil, "no console access"},
		{"recovery update", responder, nil, []string{"3", "?" + planShown, "enter"}, "Update Firewall", []string{"tab", "tab"}, "rules being audited"},
		{"recovery new item", lead, nil, []string{"3", "?" + planShown, "a"}, "Name", nil, "Badge readers"},
		{"handover", responder, nil, []string{"4", "h", "w"}, "Shift handover", nil, "Mail and VPN cut."},
		{"un-tick reason", responder, (*fixture).SeedOnCall, []string{"4", "?1/13 · next: 2", "up", "u"}, "Why un-tick step 1?", nil, "wrong server"},
		{"checklist label", lead, nil, []string{"4", "?Press n to start one", "n", "?Start a checklist:", "enter"}, "Label (optional)", nil, "night of 12"},
		{"takeaway", lead, nil, []string{"5", "?Lessons-learned report", "a"}, "New key takeaway", nil, "Print the on-call sheet."},
		{"closing note", lead, nil, []string{"5", "?Lessons-learned report", "C"}, "Close the crisis", nil, "Back to normal."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			if c.seed != nil {
				c.seed(f, t)
			}
			tm := start(t, f, c.me, nil)
			scr := newScreen(t)
			scr.WaitFor(t, tm, "Timeline")
			for _, k := range c.open {
				if text, ok := strings.CutPrefix(k, "?"); ok {
					scr.WaitFor(t, tm, text)
				} else {
					press(tm, k)
				}
			}
			scr.WaitFor(t, tm, c.wait)
			// Nothing typed yet: the usual warning.
			tm.Send(IdleWarningMsg{Left: time.Minute})
			scr.WaitFor(t, tm, "No key pressed for a while: closing in 1m0s")
			for _, k := range c.keys {
				press(tm, k)
			}
			tm.Type(c.text)
			scr.WaitFor(t, tm, c.text)
			tm.Send(IdleWarningMsg{Left: 59 * time.Second})
			scr.WaitFor(t, tm, "Unsaved text! Closing in 59s")
		})
	}
}

// planShown is on the Recovery tab only, never in the logbook.
const planShown = "Patient-record interfaces"
