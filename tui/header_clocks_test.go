package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
)

// The header shows the nearest running deadline under a day away, in the
// warning style under six hours, as late once past; to the minute.
func TestHeaderShowsTheNearestDeadline(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.svc.StartClock(responder, "complaint", "-60h"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.svc.StartClock(responder, "cnil", "-50h"); err != nil {
		t.Fatal(err)
	}
	header := func() (string, *model) {
		m := New(f.svc, viewer, Options{Width: 100, Height: 24}).(*model)
		return strings.SplitN(m.View().Content, "\n", 2)[0], m
	}
	// The complaint (due in 12 h) comes before the CNIL (22 h).
	line, m := header()
	if want := m.s.sh.dueSoon.Render("COMPLAINT due in 12h00"); !strings.Contains(line, want) {
		t.Fatalf("header %q lacks %q", ansi.Strip(line), ansi.Strip(want))
	}
	if _, _, err := f.svc.DoneClock(responder, "complaint", crisis.ClockDone{Ref: "PV 1"}); err != nil {
		t.Fatal(err)
	}
	f.clock.set(testNow.Add(16*time.Hour + 30*time.Minute + 20*time.Second))
	line, m = header()
	if want := m.s.sh.dueWarn.Render("CNIL due in 5h29"); !strings.Contains(line, want) {
		t.Fatalf("under 6 h: header %q lacks the warning %q", line, want)
	}
	// The next redraw comes when the minute shown turns: in 40 s.
	if got := untilDueChange(m.status.NextDue, f.svc.Now()); got != 40*time.Second {
		t.Errorf("next change in %v", got)
	}
	f.clock.set(testNow.Add(24*time.Hour + 10*time.Minute))
	line, m = header()
	if want := m.s.sh.dueLate.Render("CNIL LATE 2h10"); !strings.Contains(line, want) {
		t.Fatalf("past: header %q lacks %q", ansi.Strip(line), ansi.Strip(want))
	}
	if _, _, err := f.svc.DoneClock(responder, "cnil", crisis.ClockDone{Ref: "C-1", Reason: "found late"}); err != nil {
		t.Fatal(err)
	}
	if line, _ = header(); strings.Contains(line, "CNIL") {
		t.Errorf("sent, still in the header: %q", ansi.Strip(line))
	}
}

func TestDueFlagWaits(t *testing.T) {
	now := time.Date(2026, 9, 12, 10, 0, 0, 0, time.UTC)
	due := &crisis.ClockDue{Name: "cnil", Due: now.Add(30 * time.Hour)}
	for _, c := range []struct {
		at   time.Duration
		want time.Duration
	}{
		{0, 6 * time.Hour}, // until it comes into view
		{6*time.Hour + 15*time.Second, 45 * time.Second}, // its minute turns
		{7 * time.Hour, time.Minute},
		{30 * time.Hour, time.Minute},
		{30*time.Hour + 20*time.Second, 40 * time.Second}, // late: counts up
	} {
		if got := untilDueChange(due, now.Add(c.at)); got != c.want {
			t.Errorf("at +%v: wait %v, want %v", c.at, got, c.want)
		}
	}
	if untilDueChange(nil, now) != 0 || soonest(0, time.Second) != time.Second || soonest(time.Minute, time.Second) != time.Second {
		t.Error("no deadline, no wait")
	}
}

// The deadline's minutes turn on its own second, not the crisis clock's:
// an open console draws the new minute though the crisis clock has not
// moved (the header it keeps is drawn again).
func TestOpenConsoleRedrawsTheDeadlineMinute(t *testing.T) {
	f := newFixture(t)
	st, _ := f.svc.Status()
	opened := st.Crisis.OpenedAt
	f.clock.set(opened.Add(50*time.Hour + 30*time.Second))
	if _, _, err := f.svc.StartClock(responder, "cnil", "-50h"); err != nil {
		t.Fatal(err)
	}
	f.clock.set(opened.Add(66*time.Hour + 30*time.Minute + 10*time.Second))
	m := New(f.svc, viewer, Options{Width: 100, Height: 24}).(*model)
	if got := ansi.Strip(m.View().Content); !strings.Contains(got, "CNIL due in 5h30") {
		t.Fatalf("header:\n%s", got)
	}
	f.clock.set(opened.Add(66*time.Hour + 30*time.Minute + 35*time.Second))
	m.Update(clockMsg{})
	if got := ansi.Strip(m.View().Content); !strings.Contains(got, "CNIL due in 5h29") || !strings.Contains(got, "T+2d 18h30") {
		t.Fatalf("a minute of the deadline later, the header:\n%s", got)
	}
}

// The longest flag still fits the header's first line at 80 columns: the
// crisis name gives way.
func TestDeadlineFlagFitsAt80(t *testing.T) {
	f := newFixture(t)
	if _, err := f.svc.SetStage(lead, crisis.StageInvestigation, ""); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.svc.EnableClocks(lead, "nis2", true); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.svc.StartClock(responder, "nis2-notification", "-6d"); err != nil {
		t.Fatal(err)
	}
	m := New(f.svc, viewer, Options{Width: 80, Height: 24}).(*model)
	first, _, _ := strings.Cut(ansi.Strip(m.View().Content), "\n")
	if !strings.Contains(first, "NIS2-NOTIFICATION LATE 3d 00h00") || ansi.StringWidth(first) > 80 {
		t.Fatalf("%d cells: %q", ansi.StringWidth(first), first)
	}
}

// A closed crisis takes no more declarations: its header flags none.
func TestClosedCrisisFlagsNoDeadline(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.svc.StartClock(responder, "cnil", "-70h"); err != nil {
		t.Fatal(err)
	}
	view := func() string {
		first, _, _ := strings.Cut(ansi.Strip(New(f.svc, viewer, Options{Width: 100, Height: 24}).View().Content), "\n")
		return first
	}
	if got := view(); !strings.Contains(got, "CNIL due in 2h00") {
		t.Fatalf("open: %q", got)
	}
	if _, err := f.svc.Close(lead, "over"); err != nil {
		t.Fatal(err)
	}
	if got := view(); strings.Contains(got, "CNIL") {
		t.Fatalf("closed: %q", got)
	}
}
