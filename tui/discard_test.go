package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"
)

// A stray Esc never drops typed text: every form and every prompt that
// holds a sentence asks first, the same way. n goes back to the text, y
// drops it; an untouched form closes at once.

// asksBeforeDropping types text, presses Esc, sees question and the yes/no
// footer, answers n and finds the text still there and still typed into,
// then Esc again and y; gone is a text of the screen the form closes onto.
func asksBeforeDropping(t *testing.T, tm *teatest.TestModel, scr *screen, typed, question, gone string) {
	t.Helper()
	tm.Type(typed)
	scr.WaitFor(t, tm, typed)
	press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return strings.Contains(s, question) && strings.Contains(s, "y yes") && strings.Contains(s, "n no")
	}, "the question and its keys")

	press(tm, "n") // no: back to the text
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, question) && strings.Contains(s, typed)
	}, "the text again, without the question")
	tm.Type(" +more")
	scr.WaitFor(t, tm, typed+" +more")

	press(tm, "esc")
	scr.WaitFor(t, tm, question)
	press(tm, "x") // any other key leaves the question asked
	press(tm, "y")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, question) && !strings.Contains(s, typed) && strings.Contains(s, gone)
	}, "the form closed, the text dropped")
}

func TestRecoveryFormAsksBeforeDroppingText(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	press(tm, "enter") // the firewall, first
	scr.WaitFor(t, tm, "Update Firewall")
	press(tm, "tab") // owner
	press(tm, "tab") // note
	asksBeforeDropping(t, tm, scr, "rules being audited", "Discard this change? y/n", planShown)
	if _, it := findItem(t, f, "firewall"); it.Note != "" {
		t.Errorf("the dropped note was saved: %+v", it)
	}

	// Untouched (a choice moved is no typed text): Esc closes at once.
	press(tm, "enter")
	scr.WaitFor(t, tm, "Update Firewall")
	press(tm, "right")
	press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "Update Firewall") && !strings.Contains(s, "Discard")
	}, "the form closed at once")
}

func TestRecoveryFormCtrlCWithTextAsksFirst(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "Timeline")
	press(tm, "3")
	scr.WaitFor(t, tm, planShown)
	press(tm, "enter")
	scr.WaitFor(t, tm, "Update Firewall")
	press(tm, "tab")
	tm.Type("bob")
	press(tm, "ctrl+c")
	scr.WaitFor(t, tm, "Quit and discard")
	press(tm, "n")
	scr.WaitUntil(t, tm, func(s string) bool { return !strings.Contains(s, "Quit and discard") }, "the question gone")
	press(tm, "ctrl+c")
	scr.WaitFor(t, tm, "Quit and discard")
	press(tm, "y")
	tm.WaitFinished(t)
}

func openReport(t *testing.T) (*fixture, *teatest.TestModel, *screen) {
	t.Helper()
	f := newFixture(t)
	f.seed(t)
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "VPN closed")
	press(tm, "5")
	scr.WaitFor(t, tm, "Lessons-learned report")
	return f, tm, scr
}

func TestReportTakeawayAsksBeforeDroppingText(t *testing.T) {
	f, tm, scr := openReport(t)
	press(tm, "a")
	scr.WaitFor(t, tm, "New key takeaway")
	asksBeforeDropping(t, tm, scr, "Print the on-call sheet.", "Discard this takeaway? y/n", "Lessons-learned report")
	if list, _ := f.svc.Takeaways(); len(list) != 0 {
		t.Fatalf("the dropped takeaway was saved: %+v", list)
	}

	// Untouched, or only blanks: Esc closes at once.
	press(tm, "a")
	scr.WaitFor(t, tm, "New key takeaway")
	tm.Type("  ")
	press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "New key takeaway") && strings.Contains(s, "Lessons-learned report")
	}, "the form closed at once")
}

func TestReportClosingNoteAsksBeforeDroppingText(t *testing.T) {
	f, tm, scr := openReport(t)
	press(tm, "C")
	scr.WaitFor(t, tm, "Close the crisis: closing note")
	asksBeforeDropping(t, tm, scr, "Sortie de crise.", "Discard this closing note? y/n", "Lessons-learned report")
	if st, _ := f.svc.Status(); st.Crisis.Closed != nil {
		t.Fatal("the crisis closed")
	}
}

func TestBlockedReasonAsksBeforeDroppingText(t *testing.T) {
	f := newFixture(t)
	f.seedTasks(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	press(tm, "2")
	scr.WaitFor(t, tm, "LATE 1h12")
	press(tm, "c")
	scr.WaitFor(t, tm, "Status of task #1")
	press(tm, "down") // from in progress to blocked
	press(tm, "enter")
	scr.WaitFor(t, tm, "Blocked by:")
	asksBeforeDropping(t, tm, scr, "no console access", "Discard this reason? y/n", "LATE 1h12")
	if task, _ := f.svc.Task(1); task.Reason != "" {
		t.Errorf("the dropped reason was saved: %+v", task)
	}
}

// A due time is a few characters: Esc drops it at once.
func TestDuePromptEscClosesAtOnce(t *testing.T) {
	f := newFixture(t)
	f.seedTasks(t)
	tm := start(t, f, responder, nil)
	scr := newScreen(t)
	press(tm, "2")
	scr.WaitFor(t, tm, "LATE 1h12")
	press(tm, "d")
	scr.WaitFor(t, tm, "Due:")
	tm.Type("17:")
	scr.WaitFor(t, tm, "17:")
	press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "Due:") && !strings.Contains(s, "Discard")
	}, "the prompt closed at once")
}

func TestUntickReasonAsksBeforeDroppingText(t *testing.T) {
	f := newFixture(t)
	f.seedOnCall(t)
	tm, scr, wait := openOnCall(t, f, responder, nil)
	wait("1/13 · next: 2")
	press(tm, "up") // step 1, ticked
	press(tm, "u")
	wait("Why un-tick step 1?")
	asksBeforeDropping(t, tm, scr, "ticked by mistake", "Discard what you typed? y/n", "1/13 · next: 2")
	if r, _ := f.svc.ChecklistRun(2); !r.Steps[0].Done() {
		t.Errorf("step 1 was un-ticked: %+v", r.Steps[0])
	}

	// Nothing typed: Esc closes at once.
	press(tm, "u")
	wait("Why un-tick step 1?")
	press(tm, "esc")
	scr.WaitUntil(t, tm, func(s string) bool {
		return !strings.Contains(s, "Why un-tick") && !strings.Contains(s, "Discard")
	}, "the prompt closed at once")
}

// The handover form already asked; its footer now shows the answers.
func TestHandoverQuestionShowsItsKeys(t *testing.T) {
	f := newFixture(t)
	tm, _, wait := openOnCall(t, f, responder, nil)
	press(tm, "h")
	wait("Press w to write one")
	press(tm, "w")
	wait("Shift handover")
	tm.Type("Mail and VPN cut.")
	press(tm, "esc")
	wait("Discard this handover? y/n")
	wait("y yes")
}

// A run's label is a prompt of the same code as the un-tick reason.
func TestRunLabelAsksBeforeDroppingText(t *testing.T) {
	f := newFixture(t)
	tm, scr, wait := openOnCall(t, f, lead, nil)
	wait("Press n to start one")
	press(tm, "n")
	wait("Start a checklist:")
	press(tm, "enter")
	wait("Label (optional)")
	asksBeforeDropping(t, tm, scr, "day 28", "Discard what you typed? y/n", "Press n to start one")
	if _, err := f.svc.ChecklistRun(1); err == nil {
		t.Error("a run started")
	}
}
