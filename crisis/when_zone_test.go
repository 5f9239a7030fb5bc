package crisis_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Paris, even on a machine without zoneinfo

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/store"
)

func paris(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// When clocks go forward, 02:30 does not exist: it is refused with the
// reason, never moved to 03:30. When they go back, 02:30 comes twice: the
// person is asked which, and answers with the zone or the offset. Both a
// logbook time and a due time read them so.
func TestLocalTimesThatDoNotExistOrComeTwice(t *testing.T) {
	loc := paris(t)
	now := time.Date(2026, 12, 4, 18, 0, 0, 0, time.UTC)
	dueNow := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	parsers := map[string]struct {
		parse func(string) (time.Time, error)
	}{
		"when": {func(s string) (time.Time, error) { return crisis.ParseWhen(s, now, loc) }},
		"due":  {func(s string) (time.Time, error) { return crisis.ParseDue(s, dueNow, loc) }},
	}
	for name, p := range parsers {
		_, err := p.parse("2026-03-29 02:30")
		if want := "02:30 does not exist on 2026-03-29 in Europe/Paris: clocks went from 02:00 to 03:00"; !errors.Is(err, crisis.ErrInvalid) || crisis.Message(err) != want {
			t.Errorf("%s: the skipped 02:30: %v; want %q", name, err, want)
		}
		_, err = p.parse("2026-03-29T02:30 CEST")
		if !errors.Is(err, crisis.ErrInvalid) || !strings.Contains(crisis.Message(err), "does not exist") {
			t.Errorf("%s: the skipped 02:30 with a zone: %v", name, err)
		}
		_, err = p.parse("2026-10-25 02:30")
		msg := crisis.Message(err)
		if !errors.Is(err, crisis.ErrInvalid) || !strings.Contains(msg, "comes twice on 2026-10-25 in Europe/Paris") ||
			!strings.Contains(msg, "02:30 CEST (+02:00)") || !strings.Contains(msg, "02:30 CET (+01:00)") {
			t.Errorf("%s: the repeated 02:30: %v", name, err)
		}
		for in, want := range map[string]time.Time{
			"2026-10-25 02:30 CEST":   time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC),
			"2026-10-25 02:30 cet":    time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC),
			"2026-10-25T02:30+02:00":  time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC),
			"2026-10-25 02:30 +01:00": time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC),
			"2026-10-25 02:30 UTC":    time.Date(2026, 10, 25, 2, 30, 0, 0, time.UTC),
			"2026-10-25 01:30":        time.Date(2026, 10, 24, 23, 30, 0, 0, time.UTC),
			"2026-03-29 03:30":        time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC),
		} {
			got, err := p.parse(in)
			if err != nil || !got.Equal(want) {
				t.Errorf("%s(%q) = %v, %v; want %v", name, in, got, err, want)
			}
		}
		// A zone the place does not use on that day is refused, saying
		// which it uses.
		_, err = p.parse("2026-07-01 12:00 CET")
		if want := "CET is not a zone Europe/Paris uses on 2026-07-01: there the time is 12:00 CEST (+02:00)"; crisis.Message(err) != want {
			t.Errorf("%s: CET in July: %v; want %q", name, err, want)
		}
		if _, err := p.parse("2026-07-01 12:00 +25:00"); !errors.Is(err, crisis.ErrInvalid) {
			t.Errorf("%s: offset +25:00: %v", name, err)
		}
	}
	// A day alone, as a due time, ends at 23:59 on the wall clock, even on
	// the day clocks change.
	got, err := crisis.ParseDue("2026-03-29", dueNow, loc)
	if want := time.Date(2026, 3, 29, 21, 59, 0, 0, time.UTC); err != nil || !got.Equal(want) {
		t.Errorf("due 2026-03-29 = %v, %v; want %v", got, err, want)
	}
	// A clock time alone on the night clocks go back asks too.
	night := time.Date(2026, 10, 25, 3, 0, 0, 0, time.UTC) // 04:00 CET
	if _, err := crisis.ParseWhen("02:30", night, loc); !strings.Contains(crisis.Message(err), "comes twice") {
		t.Errorf("02:30 typed on the night clocks go back: %v", err)
	}
	if got, err := crisis.ParseWhen("02:30 CET", night, loc); err != nil || !got.Equal(time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC)) {
		t.Errorf("02:30 CET typed on that night: %v %v", got, err)
	}
}

// A logbook time lies between a year before the crisis opened and a few
// minutes from now; a due time between now and a year ahead. 0001-01-01 is
// refused, not stored as now; 1677 and 9999 are refused.
func TestTimesAreBoundedAroundTheCrisis(t *testing.T) {
	now := time.Date(2026, 12, 4, 18, 0, 0, 0, time.UTC)
	opened := now.Add(-30 * 24 * time.Hour)
	for _, in := range []string{"0001-01-01T00:00", "1677-09-21T00:12", "2025-11-01 00:00", "-400d", "1970-01-01T00:00:00Z"} {
		_, err := crisis.ParseWhenSince(in, now, time.UTC, opened)
		if !errors.Is(err, crisis.ErrInvalid) || !strings.Contains(crisis.Message(err), "too far back") {
			t.Errorf("ParseWhenSince(%q): %v; want too far back", in, err)
		}
	}
	// A year before the opening is fine, even more than a year before now.
	if got, err := crisis.ParseWhenSince("2025-11-10 00:00", now, time.UTC, opened); err != nil || got.Year() != 2025 {
		t.Errorf("a time 11 months before the opening: %v %v", got, err)
	}
	for _, in := range []string{"9999-12-31", "2028-01-01 00:00", "+400d"} {
		_, err := crisis.ParseDue(in, now, time.UTC)
		if !errors.Is(err, crisis.ErrInvalid) || !strings.Contains(crisis.Message(err), "too far ahead") {
			t.Errorf("ParseDue(%q): %v; want too far ahead", in, err)
		}
	}
	if _, err := crisis.ParseDue("2027-11-30", now, time.UTC); err != nil {
		t.Errorf("a due time within the year: %v", err)
	}
}

// Every place a person types a time goes through the same reading: a
// logbook entry, a checklist step, a task's due time, a new one or a
// changed one. Nothing is stored when it is refused.
func TestServiceReadsEveryTypedTimeTheSameWay(t *testing.T) {
	loc := paris(t)
	now := time.Date(2026, 12, 4, 18, 0, 0, 0, time.UTC)
	db, err := store.Open(filepath.Join(t.TempDir(), "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	svc := crisis.NewService(db, crisis.WithClock(func() time.Time { return now }), crisis.WithLocation(loc))
	if _, err := svc.Open(crisis.LocalActor("test"), "Test crisis"); err != nil {
		t.Fatal(err)
	}
	bob := crisistest.Register(t, svc, "bob", crisis.RoleResponder)
	tk, err := svc.AddTask(bob, crisis.TaskDraft{Title: "Rebuild DC01"})
	if err != nil {
		t.Fatal(err)
	}
	run, _, err := svc.StartRun(bob, "hno", "night")
	if err != nil {
		t.Fatal(err)
	}
	skipped, twice, early := "2026-03-29 02:30", "2026-10-25 02:30", "0001-01-01T00:00"
	for name, write := range map[string]func(string) error{
		"log":  func(s string) error { _, err := svc.Log(bob, crisis.Draft{Text: "x", When: s}); return err },
		"tick": func(s string) error { _, _, err := svc.Tick(bob, run.ID, 1, s); return err },
	} {
		for _, in := range []string{skipped, twice, early, "1677-09-21T00:12"} {
			if err := write(in); !errors.Is(err, crisis.ErrInvalid) {
				t.Errorf("%s --at %s: %v", name, in, err)
			}
		}
		if err := write(twice + " CET"); err != nil {
			t.Errorf("%s --at %s CET: %v", name, twice, err)
		}
	}
	due := func(s string) error { _, err := svc.AddTask(bob, crisis.TaskDraft{Title: "y", Due: s}); return err }
	change := func(s string) error { _, err := svc.UpdateTask(bob, tk.ID, crisis.TaskChange{Due: &s}); return err }
	for name, write := range map[string]func(string) error{"task add": due, "task edit": change} {
		for _, in := range []string{"9999-12-31", "2027-03-28 02:30", "2027-10-31 02:30"} {
			if err := write(in); !errors.Is(err, crisis.ErrInvalid) {
				t.Errorf("%s --due %s: %v", name, in, err)
			}
		}
		if err := write("2027-10-31 02:30 CEST"); err != nil {
			t.Errorf("%s --due 2027-10-31 02:30 CEST: %v", name, err)
		}
	}
}
