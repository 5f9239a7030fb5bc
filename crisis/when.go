package crisis

import (
	"strings"
	"time"
)

// futureSlack tolerates clocks that disagree a little between the person
// typing and the server.
const futureSlack = 5 * time.Minute

// MaxBackdate is how far before the crisis opened a logbook time may go:
// an intrusion is often found weeks after it began, and the logbook tells
// that too; a year covers it, and keeps typos such as 0001 or 1677 out of
// the record (and out of the chronology's arithmetic).
const MaxBackdate = 366 * 24 * time.Hour

// ParseWhen reads a "happened at" expression, relative to now in loc:
//
//	""                        now
//	"14:05"                   today at 14:05 (yesterday if that is still to come)
//	"2022-09-12 03:40"        a date and time in loc ("T" may replace the space)
//	"2022-09-12 03:40 CEST"   the same, naming loc's zone (or UTC, or +02:00)
//	"2022-09-12T03:40:00Z"    RFC 3339, with its own offset
//	"-20m", "-1h30m", "-2d"   that long ago
//
// Times more than a few minutes in the future are refused: the logbook
// records what happened, and a typo such as 41:05 must not pass silently.
// So are times more than MaxBackdate before now (see ParseWhenSince), a
// local time that does not exist (when clocks go forward) and one that
// comes twice (when they go back) until the zone says which.
func ParseWhen(s string, now time.Time, loc *time.Location) (time.Time, error) {
	return ParseWhenSince(s, now, loc, now)
}

// ParseWhenSince is ParseWhen for a crisis opened at opened: the time may
// go back to MaxBackdate before the opening.
func ParseWhenSince(s string, now time.Time, loc *time.Location, opened time.Time) (time.Time, error) {
	if loc == nil {
		loc = time.Local
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return now, nil
	}
	t, err := parseWhen(s, now, loc)
	if err != nil {
		return time.Time{}, err
	}
	if t.After(now.Add(futureSlack)) {
		return time.Time{}, invalidf("when.future", SanitizeLine(s))
	}
	if opened.IsZero() || opened.After(now) {
		opened = now
	}
	if earliest := opened.Add(-MaxBackdate); t.Before(earliest) {
		return time.Time{}, invalidf("when.too-early", SanitizeLine(s), earliest.In(loc).Format("2006-01-02 15:04"))
	}
	return t, nil
}

func parseWhen(s string, now time.Time, loc *time.Location) (time.Time, error) {
	if s[0] == '-' {
		d, err := parseAgo(s[1:])
		if err != nil {
			return time.Time{}, err
		}
		return now.Add(-d), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	tt, ok := readTyped(s, false)
	if !ok {
		return time.Time{}, invalidf("when.unreadable", SanitizeLine(s))
	}
	if tt.hasDate {
		return tt.at(tt.year, tt.month, tt.day, loc)
	}
	// A clock time alone is today's, or yesterday's if today's is still to
	// come: "23:50" typed at 00:10 means last night. The day is chosen on
	// the plain reading, then the time is read strictly on that day.
	n := now.In(loc)
	day := n
	if time.Date(n.Year(), n.Month(), n.Day(), tt.hour, tt.min, tt.sec, 0, loc).After(now.Add(futureSlack)) {
		day = n.AddDate(0, 0, -1)
	}
	return tt.at(day.Year(), day.Month(), day.Day(), loc)
}

// parseAgo reads "20m", "1h30m", "2d" or "90s". Days are accepted because
// people think of a crisis in days; time.ParseDuration does not know them.
func parseAgo(s string) (time.Duration, error) {
	bad := invalidf("when.bad-duration", "-"+s)
	if s == "" {
		return 0, bad
	}
	var days time.Duration
	if i := strings.IndexByte(s, 'd'); i >= 0 {
		n, ok := atoi(s[:i])
		if !ok {
			return 0, bad
		}
		days = time.Duration(n) * 24 * time.Hour
		s = s[i+1:]
		if s == "" {
			return checkAgo(days, bad)
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, bad
	}
	return checkAgo(days+d, bad)
}

// maxAgo keeps arithmetic far from overflow; no crisis lasts ten years.
const maxAgo = 10 * 365 * 24 * time.Hour

func checkAgo(d time.Duration, bad error) (time.Duration, error) {
	if d < 0 || d > maxAgo {
		return 0, bad
	}
	return d, nil
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 5 {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
