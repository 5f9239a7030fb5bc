package crisis

import (
	"strings"
	"time"
)

// ParseDue reads a due time, relative to now in loc. It is ParseWhen turned
// towards the future:
//
//	"17:00"                   the next 17:00 (today, or tomorrow if it has passed)
//	"+2h", "+1h30m", "+1d"    that long from now
//	"2022-09-13 08:00"        a date and time in loc ("T" may replace the space)
//	"2022-09-13"              the end of that day (23:59)
//	"2022-09-13T08:00:00Z"    RFC 3339, with its own offset
//
// A due time already past (more than a few minutes) is refused: it is a
// typo, or a deadline nobody can meet any more.
func ParseDue(s string, now time.Time, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.Local
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, invalidf("due.unreadable", s)
	}
	t, err := parseDue(s, now, loc)
	if err != nil {
		return time.Time{}, err
	}
	if t.Before(now.Add(-futureSlack)) {
		return time.Time{}, invalidf("due.past", SanitizeLine(s))
	}
	return t.UTC().Truncate(time.Second), nil
}

func parseDue(s string, now time.Time, loc *time.Location) (time.Time, error) {
	bad := invalidf("due.unreadable", SanitizeLine(s))
	if s[0] == '+' {
		d, err := parseAgo(s[1:])
		if err != nil {
			return time.Time{}, bad
		}
		return now.Add(d), nil
	}
	if t, ok := parseDateTime(s, loc); ok {
		return t, nil
	}
	if d, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
		return d.Add(23*time.Hour + 59*time.Minute), nil
	}
	for _, layout := range []string{"15:04", "15h04", "15h"} {
		clock, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		n := now.In(loc)
		t := time.Date(n.Year(), n.Month(), n.Day(), clock.Hour(), clock.Minute(), 0, 0, loc)
		if t.Before(now.Add(-futureSlack)) {
			// "08:00" typed at 22:00 means tomorrow morning.
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	return time.Time{}, bad
}
