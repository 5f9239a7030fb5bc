package e2e

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Paris, even on a machine without zoneinfo

	"cellule/cli"
)

// clockChanges finds, in loc, the days within a year of now (past and to
// come) when clocks go forward and back, so the test holds whenever it runs.
func clockChanges(t *testing.T, loc *time.Location, now time.Time, dir int) (forward, back string) {
	t.Helper()
	for i := 1; i < 360 && (forward == "" || back == ""); i++ {
		day := now.In(loc).AddDate(0, 0, dir*i)
		y, m, d := day.Date()
		_, before := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).In(loc).Zone()
		_, after := time.Date(y, m, d, 6, 0, 0, 0, time.UTC).In(loc).Zone()
		switch {
		case after > before && forward == "":
			forward = day.Format(time.DateOnly)
		case after < before && back == "":
			back = day.Format(time.DateOnly)
		}
	}
	if forward == "" || back == "" {
		t.Fatalf("no clock change in %s within a year of %v", loc, now)
	}
	return forward, back
}

// With --tz Europe/Paris, a local time that does not exist is refused with
// the reason, one that comes twice is asked about (and accepted with its
// zone or offset), over SSH, for a logbook entry, a checklist step and a
// task's due time; nothing refused is stored.
func TestLocalTimeGapsAndOverlapsOverSSH(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	l := newLabWith(t, cli.ServeOptions{TZ: "Europe/Paris"})
	now := time.Now()
	forward, back := clockChanges(t, paris, now, -1)

	_, errOut, code := run(t, l.responder, "", "log", "Skipped hour", "--at", forward+" 02:30")
	if want := "02:30 does not exist on " + forward + " in Europe/Paris: clocks went from 02:00 to 03:00"; code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("log --at %s 02:30: exit %d %q; want %q", forward, code, errOut, want)
	}
	_, errOut, code = run(t, l.responder, "", "log", "Repeated hour", "--at", back+" 02:30")
	if code != 1 || !strings.Contains(errOut, "02:30 comes twice on "+back+" in Europe/Paris") ||
		!strings.Contains(errOut, "02:30 CEST (+02:00)") || !strings.Contains(errOut, "02:30 CET (+01:00)") {
		t.Errorf("log --at %s 02:30: exit %d %q", back, code, errOut)
	}
	for at, want := range map[string]string{
		back + " 02:30 CET":    back + "T01:30:00Z",
		back + " 02:30 CEST":   back + "T00:30:00Z",
		back + "T02:30+01:00":  back + "T01:30:00Z",
		back + " 02:30 UTC":    back + "T02:30:00Z",
		forward + " 03:30":     forward + "T01:30:00Z",
		forward + " 01:30 CET": forward + "T00:30:00Z",
	} {
		text := "Entry at " + at
		if _, errOut, code := run(t, l.responder, "", "log", text, "--at", at); code != 0 {
			t.Errorf("log --at %q: exit %d %q", at, code, errOut)
			continue
		}
		tl, _, _ := run(t, l.lead, "", "timeline", "--json")
		i := strings.Index(tl, text)
		j := strings.LastIndex(tl[:max(0, i)], `"occurred_at"`)
		if i < 0 || j < 0 || !strings.HasPrefix(strings.TrimLeft(tl[j+len(`"occurred_at"`):], ": \""), want) {
			t.Errorf("log --at %q is not stored at %s:\n%s", at, want, tl)
		}
	}
	tl, _, _ := run(t, l.lead, "", "timeline")
	if strings.Contains(tl, "Skipped hour") || strings.Contains(tl, "Repeated hour") {
		t.Errorf("a refused entry was stored:\n%s", tl)
	}

	// A checklist step reads its --at the same way.
	runID := strings.TrimSpace(mustRun(t, l.responder, "", "checklist", "start", "hno"))
	if _, errOut, code := run(t, l.responder, "", "checklist", "tick", runID, "1", "--at", back+" 02:30"); code != 1 || !strings.Contains(errOut, "comes twice") {
		t.Errorf("checklist tick --at %s 02:30: exit %d %q", back, code, errOut)
	}
	if _, errOut, code := run(t, l.responder, "", "checklist", "tick", runID, "1", "--at", back+" 02:30 CET"); code != 0 {
		t.Errorf("checklist tick --at %s 02:30 CET: exit %d %q", back, code, errOut)
	}

	// A due time too, on the days to come.
	nextForward, nextBack := clockChanges(t, paris, now, 1)
	if _, errOut, code := run(t, l.responder, "", "task", "add", "Rotate keys", "--due", nextForward+" 02:30"); code != 1 || !strings.Contains(errOut, "02:30 does not exist on "+nextForward) {
		t.Errorf("task add --due %s 02:30: exit %d %q", nextForward, code, errOut)
	}
	if _, errOut, code := run(t, l.responder, "", "task", "add", "Rotate keys", "--due", nextBack+" 02:30"); code != 1 || !strings.Contains(errOut, "comes twice") {
		t.Errorf("task add --due %s 02:30: exit %d %q", nextBack, code, errOut)
	}
	if _, errOut, code := run(t, l.responder, "", "task", "add", "Rotate keys", "--due", nextBack+" 02:30 CEST"); code != 0 {
		t.Errorf("task add --due %s 02:30 CEST: exit %d %q", nextBack, code, errOut)
	}
	if tasks, _, _ := run(t, l.lead, "", "task", "list"); strings.Count(tasks, "Rotate keys") != 1 {
		t.Errorf("want the one accepted task:\n%s", tasks)
	}
}

// Times far from the crisis are refused, saying the window, over SSH:
// 0001-01-01 is not stored as now, 1677 does not reach the chronology, and
// a task is not due in 9999.
func TestTimesFarFromTheCrisisAreRefusedOverSSH(t *testing.T) {
	l := newLab(t)
	for _, at := range []string{"0001-01-01T00:00", "1677-09-21T00:12", "-400d"} {
		if _, errOut, code := run(t, l.responder, "", "log", "Far back "+at, "--at", at); code != 1 || !strings.Contains(errOut, "too far back") || !strings.Contains(errOut, "a year before the crisis opened") {
			t.Errorf("log --at %s: exit %d %q", at, code, errOut)
		}
	}
	for _, due := range []string{"9999-12-31", "+400d"} {
		if _, errOut, code := run(t, l.responder, "", "task", "add", "Far ahead", "--due", due); code != 1 || !strings.Contains(errOut, "too far ahead") {
			t.Errorf("task add --due %s: exit %d %q", due, code, errOut)
		}
	}
	id := strings.TrimSpace(mustRun(t, l.responder, "", "task", "add", "Near"))
	if _, errOut, code := run(t, l.responder, "", "task", "set", id, "--due", "9999-12-31"); code != 1 || !strings.Contains(errOut, "too far ahead") {
		t.Errorf("task set --due 9999-12-31: exit %d %q", code, errOut)
	}
	tl, _, _ := run(t, l.lead, "", "timeline")
	tasks, _, _ := run(t, l.lead, "", "task", "list")
	if strings.Contains(tl, "Far back") || strings.Contains(tasks, "Far ahead") || strings.Contains(tasks, "9999") {
		t.Errorf("a refused time was stored:\n%s\n%s", tl, tasks)
	}
}

// Only closing writes a closure: over SSH, neither a responder nor a lead
// can log an entry of that kind, and nothing imitating the closing is
// stored; the closing still writes its own.
func TestOnlyClosingWritesAClosureOverSSH(t *testing.T) {
	l := newLab(t)
	fake := "Crisis closed: stand down\nThe record is read-only from now on. Audit chain head at closing: #1 sha256:00"
	for name, c := range map[string]*client{"responder": l.responder, "lead": l.lead} {
		for _, kind := range []string{"closure", "CLOSURE"} {
			if _, errOut, code := run(t, c, fake, "log", "--kind", kind); code != 1 || !strings.Contains(errOut, "only closing the crisis writes a closure") {
				t.Errorf("%s log --kind %s: exit %d %q", name, kind, code, errOut)
			}
		}
	}
	if tl, _, _ := run(t, l.lead, "", "timeline", "--json"); strings.Contains(tl, "stand down") || strings.Contains(tl, `"closure"`) {
		t.Fatalf("a fake closure was stored:\n%s", tl)
	}
	if _, errOut, code := run(t, l.lead, "", "close", "--note", "Sortie de crise"); code != 0 {
		t.Fatalf("close: %s", errOut)
	}
	if tl, _, _ := run(t, l.lead, "", "timeline", "--json"); strings.Count(tl, `"kind": "closure"`)+strings.Count(tl, `"kind":"closure"`) != 1 {
		t.Fatalf("the closing did not write one closure:\n%s", tl)
	}
}
