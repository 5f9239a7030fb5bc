package crisis_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/internal/hostile"
	"cellule/store"
)

// clockService is a service in Europe/Paris whose clock the test moves.
func clockService(t *testing.T, now *time.Time) (*crisis.Service, *store.DB) {
	t.Helper()
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no Europe/Paris zone:", err)
	}
	db, err := store.Open(filepath.Join(t.TempDir(), "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	svc := crisis.NewService(db, crisis.WithClock(func() time.Time { return *now }), crisis.WithLocation(paris))
	if _, err := svc.Open(crisis.LocalActor("test"), "Test crisis"); err != nil {
		t.Fatal(err)
	}
	for _, a := range []crisis.Actor{lead, responder, viewer} {
		crisistest.Register(t, svc, a.Name, a.Role)
	}
	return svc, db
}

func clockNamed(t *testing.T, svc *crisis.Service, name string) crisis.DeclarationClock {
	t.Helper()
	cs, err := svc.Clocks()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Declaration.Name == name {
			return c
		}
	}
	t.Fatalf("no clock %s in %+v", name, cs)
	return crisis.DeclarationClock{}
}

// checkSentences fails on a logbook sentence whose code has no English,
// or whose arguments do not fit it.
func checkSentences(t *testing.T, svc *crisis.Service) {
	t.Helper()
	err := svc.EachEntry(func(e crisis.Entry) error {
		if strings.Contains(e.Text, "log.clock") || strings.Contains(e.Text, "%!") {
			t.Errorf("entry #%d: %q", e.ID, e.Text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func wantKind(t *testing.T, err, kind error) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("err = %v, want %v", err, kind)
	}
}

func TestClocksBuiltIn(t *testing.T) {
	now := time.Date(2026, 9, 12, 2, 0, 0, 0, time.UTC)
	svc, _ := clockService(t, &now)
	cs, err := svc.Clocks()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cs {
		names = append(names, c.Declaration.Name+"="+string(c.State()))
		if c.Declaration.Title.In("fr") == "" || c.Declaration.Title.In("en") == c.Declaration.Title.In("fr") {
			t.Errorf("%s lacks a French title: %v", c.Declaration.Name, c.Declaration.Title)
		}
	}
	want := "ars=waiting cnil=waiting complaint=waiting nis2-warning=off nis2-notification=off nis2-final=off"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("clocks = %s, want %s", got, want)
	}
	// The health-sector declaration has no fixed deadline: its clock
	// shows how long it has been running.
	if _, _, err := svc.StartClock(responder, "ars", "-2h"); err != nil {
		t.Fatal(err)
	}
	ars := clockNamed(t, svc, "ars")
	if ars.State() != crisis.ClockRunning || ars.Clock.Due != nil || ars.Late(now.Add(1000*time.Hour)) {
		t.Errorf("ars = %+v", ars.Clock)
	}
	if got := now.Sub(*ars.Clock.StartedAt); got != 2*time.Hour {
		t.Errorf("ars running for %s", got)
	}
	// Nor does it show in the header, which shows deadlines.
	st, _ := svc.Status()
	if st.NextDue != nil {
		t.Errorf("NextDue = %+v", st.NextDue)
	}
}

// 72 hours are 72 hours of absolute time, whichever way the clocks of
// Europe/Paris change meanwhile: the wall time of the deadline moves.
func TestClockDeadlineAcrossDST(t *testing.T) {
	cases := []struct {
		name, at, wantWall string
	}{
		// Clocks go back on 25 October 2026 (03:00 CEST -> 02:00 CET).
		{"autumn", "2026-10-24 10:00", "2026-10-27 09:00 CET"},
		// Clocks go forward on 29 March 2026 (02:00 CET -> 03:00 CEST).
		{"spring", "2026-03-28 10:00", "2026-03-31 11:00 CEST"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
			if c.name == "spring" {
				now = time.Date(2026, 4, 20, 12, 0, 0, 0, time.UTC)
			}
			svc, _ := clockService(t, &now)
			cl, e, err := svc.StartClock(responder, "cnil", c.at)
			if err != nil {
				t.Fatal(err)
			}
			if got := cl.Clock.Due.Sub(*cl.Clock.StartedAt); got != 72*time.Hour {
				t.Errorf("deadline %s after the start, want 72h", got)
			}
			if got := cl.Clock.Due.In(svc.Location()).Format("2006-01-02 15:04 MST"); got != c.wantWall {
				t.Errorf("deadline %s, want %s", got, c.wantWall)
			}
			if !strings.Contains(e.Text, "due "+c.wantWall) || !e.OccurredAt.Equal(*cl.Clock.StartedAt) {
				t.Errorf("entry = %+v", e)
			}
		})
	}
}

// "One month" is a calendar month in the crisis's zone: same wall time a
// month later, so across the autumn change it is 31 days and an hour.
func TestClockMonthAfterNotification(t *testing.T) {
	now := time.Date(2026, 10, 10, 8, 0, 0, 0, time.UTC) // 10:00 CEST
	svc, _ := clockService(t, &now)
	if _, _, err := svc.StartClock(responder, "nis2-warning", ""); !errors.Is(err, crisis.ErrConflict) {
		t.Fatalf("NIS2 off: start err = %v", err)
	}
	if _, _, err := svc.EnableClocks(responder, "nis2", true); !errors.Is(err, crisis.ErrForbidden) {
		t.Fatalf("responder enabling: %v", err)
	}
	changed, e, err := svc.EnableClocks(lead, "nis2", true)
	if err != nil || strings.Join(changed, ",") != "nis2-warning,nis2-notification,nis2-final" || e.Kind != crisis.KindDecision {
		t.Fatalf("enable = %v %+v %v", changed, e, err)
	}
	if _, _, err := svc.StartClock(responder, "nis2-final", ""); !errors.Is(err, crisis.ErrConflict) {
		t.Fatalf("final started by hand: %v", err)
	}
	if _, _, err := svc.StartClock(responder, "nis2-notification", "-1h"); err != nil {
		t.Fatal(err)
	}
	if c := clockNamed(t, svc, "nis2-notification"); c.Clock.Due.Sub(*c.Clock.StartedAt) != 72*time.Hour {
		t.Errorf("notification due %v", c.Clock.Due)
	}
	if _, _, err := svc.DoneClock(responder, "nis2-notification", crisis.ClockDone{Ref: "ANSSI-42"}); err != nil {
		t.Fatal(err)
	}
	final := clockNamed(t, svc, "nis2-final")
	if final.State() != crisis.ClockRunning || !final.Clock.StartedAt.Equal(now) {
		t.Fatalf("final = %+v", final.Clock)
	}
	if got := final.Clock.Due.In(svc.Location()).Format("2006-01-02 15:04 MST"); got != "2026-11-10 10:00 CET" {
		t.Errorf("final due %s", got)
	}
	if got := final.Clock.Due.Sub(now); got != 31*24*time.Hour+time.Hour {
		t.Errorf("final due after %s", got)
	}
	if e, err := svc.Entry(final.Clock.StartEntry); err != nil || !strings.Contains(e.Text, "on sending nis2-notification at 2026-10-10 10:00 CEST, due 2026-11-10 10:00 CET.") {
		t.Errorf("final's entry: %q %v", e.Text, err)
	}
	// A started clock cannot be turned off; a lead says why it does not apply.
	if _, _, err := svc.EnableClocks(lead, "nis2-final", false); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("disabling a running clock: %v", err)
	}
	checkSentences(t, svc)
}

// A clock started in the past may be late already; the CNIL asks for the
// reasons of the delay, the police complaint does not.
func TestClockStartedInThePastIsLate(t *testing.T) {
	now := time.Date(2026, 9, 15, 10, 0, 0, 0, time.UTC)
	svc, _ := clockService(t, &now)
	c, e, err := svc.StartClock(responder, "cnil", "2026-09-11 09:00")
	if err != nil {
		t.Fatal(err)
	}
	if !c.Late(now) || !strings.Contains(e.Text, "already past its deadline by 1d 03h00") {
		t.Errorf("late start: late=%v entry %q", c.Late(now), e.Text)
	}
	st, _ := svc.Status()
	if st.NextDue == nil || st.NextDue.Name != "cnil" || !st.NextDue.Due.Before(now) {
		t.Errorf("NextDue = %+v", st.NextDue)
	}
	before := entryCount(t, svc)
	_, _, err = svc.DoneClock(responder, "cnil", crisis.ClockDone{Ref: "CNIL-2026-1"})
	wantKind(t, err, crisis.ErrInvalid)
	if !strings.Contains(crisis.Message(err), "--reason") || entryCount(t, svc) != before {
		t.Errorf("refusal %q changed the logbook", crisis.Message(err))
	}
	c, e, err = svc.DoneClock(responder, "cnil", crisis.ClockDone{Ref: "CNIL-2026-1", Reason: "the extent was known on the 14th"})
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := c.Margin(); m != -(27*time.Hour) || c.State() != crisis.ClockSent || c.Clock.To != "CNIL" {
		t.Errorf("sent: margin %s, %+v", m, c.Clock)
	}
	if !strings.Contains(e.Text, "LATE by 1d 03h00") || !strings.Contains(e.Text, "Reasons for the delay: the extent") || e.Kind != crisis.KindCommunication {
		t.Errorf("done entry %q", e.Text)
	}
	if _, _, err := svc.StartClock(responder, "complaint", "2026-09-11 09:00"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.DoneClock(responder, "complaint", crisis.ClockDone{Ref: "PV 123", To: "Gendarmerie de Cahors"}); err != nil {
		t.Errorf("late complaint without a reason: %v", err)
	}
	if st, _ := svc.Status(); st.NextDue != nil {
		t.Errorf("nothing runs, NextDue = %+v", st.NextDue)
	}
	checkSentences(t, svc)
}

func TestClockRules(t *testing.T) {
	now := time.Date(2026, 9, 12, 2, 0, 0, 0, time.UTC)
	svc, db := clockService(t, &now)
	_, _, err := svc.StartClock(viewer, "cnil", "")
	wantKind(t, err, crisis.ErrForbidden)
	_, _, err = svc.StartClock(responder, "nope", "")
	wantKind(t, err, crisis.ErrNotFound)
	_, _, err = svc.DoneClock(responder, "cnil", crisis.ClockDone{Ref: "x"})
	wantKind(t, err, crisis.ErrConflict) // not started
	_, _, err = svc.StartClock(responder, "cnil", "+2h")
	wantKind(t, err, crisis.ErrInvalid)
	_, _, err = svc.StartClock(responder, "cnil", "23:30") // yesterday's 23:30... still fine
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = svc.StartClock(lead, "cnil", "")
	wantKind(t, err, crisis.ErrConflict)
	before, audits := entryCount(t, svc), auditCount(t, db)
	_, _, err = svc.DoneClock(responder, "cnil", crisis.ClockDone{})
	wantKind(t, err, crisis.ErrInvalid) // no reference
	_, _, err = svc.DoneClock(responder, "cnil", crisis.ClockDone{Ref: "r", At: "2026-09-10 10:00"})
	wantKind(t, err, crisis.ErrInvalid) // before the start
	_, _, err = svc.DoneClock(viewer, "cnil", crisis.ClockDone{Ref: "r"})
	wantKind(t, err, crisis.ErrForbidden)
	_, _, err = svc.SkipClock(responder, "cnil", "no personal data")
	wantKind(t, err, crisis.ErrForbidden)
	_, _, err = svc.SkipClock(lead, "cnil", "  ")
	wantKind(t, err, crisis.ErrInvalid)
	if entryCount(t, svc) != before || auditCount(t, db) != audits {
		t.Fatal("a refusal changed the record")
	}
	c, e, err := svc.DoneClock(responder, "cnil", crisis.ClockDone{Ref: "CNIL-1", To: "CNIL (téléservice)", At: "-10m"})
	if err != nil {
		t.Fatal(err)
	}
	if !c.Clock.SentAt.Equal(now.Add(-10*time.Minute)) || c.Clock.SentBy != "bob" || !strings.Contains(e.Text, "before the deadline") {
		t.Errorf("done = %+v, %q", c.Clock, e.Text)
	}
	_, _, err = svc.DoneClock(responder, "cnil", crisis.ClockDone{Ref: "again"})
	wantKind(t, err, crisis.ErrConflict)
	_, _, err = svc.SkipClock(lead, "cnil", "late idea")
	wantKind(t, err, crisis.ErrConflict)
	// A declaration that does not apply: skipped before it started.
	c, e, err = svc.SkipClock(lead, "complaint", "the insurer waived it in writing")
	if err != nil || c.State() != crisis.ClockSkipped || e.Kind != crisis.KindDecision || !strings.Contains(e.Text, "waived") {
		t.Fatalf("skip = %+v %+v %v", c, e, err)
	}
	_, _, err = svc.StartClock(responder, "complaint", "")
	wantKind(t, err, crisis.ErrConflict)
	_, err = svc.ImportDeclarations(responder, []byte("- name: x\n  title: X\n"))
	wantKind(t, err, crisis.ErrForbidden)
	checkSentences(t, svc)
}

func TestClockImport(t *testing.T) {
	now := time.Date(2026, 9, 12, 2, 0, 0, 0, time.UTC)
	svc, _ := clockService(t, &now)
	if _, _, err := svc.StartClock(responder, "complaint", ""); err != nil {
		t.Fatal(err)
	}
	bad := "declarations:\n  - name: cnil\n    title: CNIL\n    deadline: soon\n  - name: ok\n    title: Fine\n"
	res, err := svc.ImportDeclarations(lead, []byte(bad))
	wantKind(t, err, crisis.ErrInvalid)
	if len(res.Rejected) != 1 || res.Rejected[0].Line != 2 || clockNamed(t, svc, "cnil").Declaration.Deadline != "72h" {
		t.Fatalf("bad import: %+v", res.Rejected)
	}
	for _, f := range []string{"- name: a\n  title: A\n  colour: red\n", "- name: A B\n  title: x\n", "[", "- name: a\n  title: A\n- name: a\n  title: B\n",
		"- name: a\n  title: &x A\n  to: *x\n", "- name: a\n  title: A\n  after: nowhere\n", "- name: a\n  title: ''\n", "- name: a\n  title: A\n  off: maybe\n"} {
		if _, err := svc.ImportDeclarations(lead, []byte(f)); !errors.Is(err, crisis.ErrInvalid) {
			t.Errorf("import %q: %v", f, err)
		}
	}
	good := `declarations:
  - name: cnil
    title: {en: CNIL notification, fr: Notification CNIL}
    to: CNIL
    deadline: 48h
    late_reason: true
  - name: complaint
    title: Police complaint
    deadline: 24 hours
  - name: insurer
    title: Tell the insurer
    to: AXA
    deadline: 2d
`
	res, err = svc.ImportDeclarations(lead, []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(res.Replaced, ",") != "cnil,complaint" || strings.Join(res.Added, ",") != "insurer" {
		t.Errorf("import = %+v", res)
	}
	c, _, err := svc.StartClock(responder, "cnil", "")
	if err != nil || c.Clock.Due.Sub(now) != 48*time.Hour || c.Declaration.Title.In("fr") != "Notification CNIL" {
		t.Errorf("edited cnil = %+v %v", c, err)
	}
	// A clock already running keeps the deadline it started with.
	if got := clockNamed(t, svc, "complaint").Clock.Due.Sub(now); got != 72*time.Hour {
		t.Errorf("running complaint moved to %s", got)
	}
	if c := clockNamed(t, svc, "insurer"); c.State() != crisis.ClockWaiting || c.Declaration.To != "AXA" {
		t.Errorf("insurer = %+v", c)
	}
}

func TestClockHostileText(t *testing.T) {
	now := time.Date(2026, 9, 12, 2, 0, 0, 0, time.UTC)
	svc, _ := clockService(t, &now)
	for i, c := range hostile.Corpus() {
		name := "d" + strings.Repeat("x", i%5) + string(rune('a'+i%26)) + strings.Repeat("y", i/26)
		yaml := "- name: " + name + "\n  title: t\n  deadline: 72h\n"
		if _, err := svc.ImportDeclarations(lead, []byte(yaml)); err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if _, _, err := svc.StartClock(responder, name, ""); err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		got, e, err := svc.DoneClock(responder, name, crisis.ClockDone{Ref: c.Text, To: c.Text, Reason: c.Text})
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		for _, s := range []string{got.Clock.Ref, got.Clock.To, got.Clock.LateReason, e.Text} {
			if err := hostile.Check(s); err != nil || !hostile.Survived(s) {
				t.Errorf("%s: %q (%v)", c.Name, s, err)
			}
		}
		_, se, err := svc.SkipClock(lead, "ars", c.Text)
		if i == 0 {
			if err != nil {
				t.Fatal(err)
			}
			if err := hostile.Check(se.Text); err != nil {
				t.Errorf("%s skip: %v", c.Name, err)
			}
		}
	}
	checkSentences(t, svc)
}
