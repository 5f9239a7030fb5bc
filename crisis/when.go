package crisis

import (
	"strings"
	"time"
)

// futureSlack tolerates clocks that disagree a little between the person
// typing and the server.
const futureSlack = 5 * time.Minute

// ParseWhen reads a "happened at" expression, relative to now in loc:
//
//	""                        now
//	"14:05"                   today at 14:05 (yesterday if that is still to come)
//	"2022-09-12 03:40"        a date and time in loc ("T" may replace the space)
//	"2022-09-12T03:40:00Z"    RFC 3339, with its own offset
//	"-20m", "-1h30m", "-2d"   that long ago
//
// Times more than a few minutes in the future are refused: the logbook
// records what happened, and a typo such as 41:05 must not pass silently.
func ParseWhen(s string, now time.Time, loc *time.Location) (time.Time, error) {
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
		return time.Time{}, invalidf("when.future", s)
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
	if t, ok := parseDateTime(s, loc); ok {
		return t, nil
	}
	for _, layout := range []string{"15:04", "15h04", "15:04:05"} {
		clock, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		n := now.In(loc)
		t := time.Date(n.Year(), n.Month(), n.Day(), clock.Hour(), clock.Minute(), clock.Second(), 0, loc)
		if t.After(now.Add(futureSlack)) {
			// "23:50" typed at 00:10 means last night.
			t = t.AddDate(0, 0, -1)
		}
		return t, nil
	}
	return time.Time{}, invalidf("when.unreadable", s)
}

// parseDateTime reads a full date and time, as a logbook time and a due
// time both accept it: RFC 3339 with its own offset, or "2006-01-02 15:04"
// in loc ("T" may replace the space, seconds may follow).
func parseDateTime(s string, loc *time.Location) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
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
