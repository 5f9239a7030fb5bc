package crisis

import (
	"strings"
	"time"
)

// MaxDueAhead is how far ahead a due time may be: a crisis task is due
// within the crisis, and 9999-12-31 is a typo, not a deadline.
const MaxDueAhead = 366 * 24 * time.Hour

// ParseDue reads a due time, relative to now in loc. It is ParseWhen turned
// towards the future:
//
//	"17:00"                   the next 17:00 (today, or tomorrow if it has passed)
//	"+2h", "+1h30m", "+1d"    that long from now
//	"2022-09-13 08:00"        a date and time in loc ("T" may replace the space)
//	"2022-09-13 08:00 CEST"   the same, naming loc's zone (or UTC, or +02:00)
//	"2022-09-13"              the end of that day (23:59)
//	"2022-09-13T08:00:00Z"    RFC 3339, with its own offset
//
// A due time already past (more than a few minutes) is refused: it is a
// typo, or a deadline nobody can meet any more; so is one more than
// MaxDueAhead ahead, and a local time that does not exist or comes twice
// (see ParseWhen).
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
	if latest := now.Add(MaxDueAhead); t.After(latest) {
		return time.Time{}, invalidf("due.too-far", SanitizeLine(s), latest.In(loc).Format("2006-01-02 15:04"))
	}
	return t.UTC().Truncate(time.Second), nil
}

func parseDue(s string, now time.Time, loc *time.Location) (time.Time, error) {
	if s[0] == '+' {
		d, err := parseAgo(s[1:])
		if err != nil {
			return time.Time{}, invalidf("due.unreadable", SanitizeLine(s))
		}
		return now.Add(d), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	tt, ok := readTyped(s, true, "15h")
	if !ok {
		return time.Time{}, invalidf("due.unreadable", SanitizeLine(s))
	}
	if !tt.hasClock {
		// A day alone is due by its end.
		tt.hour, tt.min = 23, 59
	}
	if tt.hasDate {
		return tt.at(tt.year, tt.month, tt.day, loc)
	}
	// "08:00" typed at 22:00 means tomorrow morning.
	n := now.In(loc)
	day := n
	if time.Date(n.Year(), n.Month(), n.Day(), tt.hour, tt.min, tt.sec, 0, loc).Before(now.Add(-futureSlack)) {
		day = n.AddDate(0, 0, 1)
	}
	return tt.at(day.Year(), day.Month(), day.Day(), loc)
}
