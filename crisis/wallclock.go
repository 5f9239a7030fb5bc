package crisis

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// typedTime is a date and time as a person typed it: the parts they gave,
// and the zone they named ("" for none: the service's zone).
type typedTime struct {
	hasDate, hasClock bool
	year              int
	month             time.Month
	day               int
	hour, min, sec    int
	zone              string
}

// zoneSuffix is a zone after a time: Z, an offset (+02:00, +0200), or a
// name (UTC, CEST, CET). Three letters at least, so that "15h" stays a time.
var zoneSuffix = regexp.MustCompile(`^(.*[0-9h])\s*(Z|z|[+-][0-9]{2}:?[0-9]{2}|[A-Za-z]{3,5})$`)

var (
	dateClockLayouts = []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05"}
	clockLayouts     = []string{"15:04", "15h04", "15:04:05"}
)

// readTyped reads "2026-10-25 02:30", "02:30", "02:30 CEST",
// "2026-10-25T02:30+02:00"... Extra layouts (a date alone, "15h") are the
// caller's: a due time accepts them, a logbook time does not.
func readTyped(s string, dateOnly bool, extraClocks ...string) (typedTime, bool) {
	var tt typedTime
	if m := zoneSuffix.FindStringSubmatch(s); m != nil {
		s, tt.zone = strings.TrimSpace(m[1]), m[2]
	}
	for _, layout := range dateClockLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			tt.hasDate, tt.hasClock = true, true
			tt.year, tt.month, tt.day = t.Date()
			tt.hour, tt.min, tt.sec = t.Clock()
			return tt, true
		}
	}
	for _, layout := range append(clockLayouts, extraClocks...) {
		if t, err := time.Parse(layout, s); err == nil {
			tt.hasClock = true
			tt.hour, tt.min, tt.sec = t.Clock()
			return tt, true
		}
	}
	if dateOnly && tt.zone == "" {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			tt.hasDate = true
			tt.year, tt.month, tt.day = t.Date()
			return tt, true
		}
	}
	return typedTime{}, false
}

// at places the typed clock time on a date (year, month, day) and reads it
// in loc, or in the zone the person named. A local time that does not
// exist (the hour skipped when clocks go forward) is refused with the
// reason; one that comes twice (when clocks go back) is refused with a
// question naming both readings, which the person answers by naming the
// zone (02:30 CEST, 02:30 CET) or the offset (02:30+02:00).
func (tt typedTime) at(year int, month time.Month, day int, loc *time.Location) (time.Time, error) {
	wall := time.Date(year, month, day, tt.hour, tt.min, tt.sec, 0, time.UTC)
	switch z := strings.ToUpper(tt.zone); {
	case z == "":
	case z == "Z" || z == "UTC" || z == "GMT":
		return time.Date(year, month, day, tt.hour, tt.min, tt.sec, 0, time.UTC), nil
	case z[0] == '+' || z[0] == '-':
		off, ok := parseOffset(z)
		if !ok {
			return time.Time{}, invalidf("when.bad-offset", SanitizeLine(tt.zone))
		}
		return time.Date(year, month, day, tt.hour, tt.min, tt.sec, 0, time.FixedZone(z, off)), nil
	}
	readings := wallReadings(wall, loc)
	if tt.zone != "" {
		for _, r := range readings {
			if name, _ := r.Zone(); strings.EqualFold(name, tt.zone) {
				return r, nil
			}
		}
		if len(readings) > 0 {
			return time.Time{}, invalidf("when.zone-not-here", SanitizeLine(tt.zone), loc.String(),
				wall.Format(time.DateOnly), describeReadings(readings))
		}
	}
	switch len(readings) {
	case 1:
		return readings[0], nil
	case 0:
		from, to := transition(wall, loc)
		return time.Time{}, invalidf("when.skipped", clockText(wall), wall.Format(time.DateOnly), loc.String(), from, to)
	default:
		first, second := readings[0], readings[len(readings)-1]
		from, to := transition(wall, loc)
		return time.Time{}, invalidf("when.twice", clockText(wall), wall.Format(time.DateOnly), loc.String(), from, to,
			readingText(first), readingText(second))
	}
}

// wallReadings lists the instants, in order, whose wall clock in loc is
// wall (given as if in UTC): one usually, none in a gap, two in an overlap.
// It tries each offset loc uses within two days of it: no zone changes
// its offset twice in four days.
func wallReadings(wall time.Time, loc *time.Location) []time.Time {
	seen := map[int]bool{}
	var out []time.Time
	for _, probe := range []time.Duration{-48 * time.Hour, -24 * time.Hour, 0, 24 * time.Hour, 48 * time.Hour} {
		_, off := wall.Add(probe).In(loc).Zone()
		if seen[off] {
			continue
		}
		seen[off] = true
		r := wall.Add(-time.Duration(off) * time.Second).In(loc)
		if _, got := r.Zone(); got != off {
			continue
		}
		y, m, d := r.Date()
		h, mi, s := r.Clock()
		if time.Date(y, m, d, h, mi, s, 0, time.UTC).Equal(wall) {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// transition names the wall clocks on either side of loc's change of
// offset next to wall: "02:00" and "03:00" when clocks go forward.
func transition(wall time.Time, loc *time.Location) (from, to string) {
	after := wall.Add(48 * time.Hour).In(loc)
	start, _ := after.ZoneBounds()
	_, before := start.Add(-time.Second).In(loc).Zone()
	return start.In(time.FixedZone("", before)).Format("15:04"), start.In(loc).Format("15:04")
}

// readingText is one reading of a wall clock, as the person may type it
// back: "02:30 CEST (+02:00)".
func readingText(r time.Time) string {
	name, _ := r.Zone()
	return fmt.Sprintf("%s %s (%s)", clockText(r), name, r.Format("-07:00"))
}

func describeReadings(rs []time.Time) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = readingText(r)
	}
	return strings.Join(parts, " or ")
}

// clockText is a clock time as people write it: seconds only when set.
func clockText(t time.Time) string {
	if t.Second() != 0 {
		return t.Format("15:04:05")
	}
	return t.Format("15:04")
}

// parseOffset reads +02:00, +0200, -05:30; at most 14 hours, as real
// zones are.
func parseOffset(z string) (int, bool) {
	digits := strings.ReplaceAll(z[1:], ":", "")
	if len(digits) != 4 {
		return 0, false
	}
	h, err1 := strconv.Atoi(digits[:2])
	m, err2 := strconv.Atoi(digits[2:])
	if err1 != nil || err2 != nil || h > 14 || m > 59 {
		return 0, false
	}
	off := h*3600 + m*60
	if z[0] == '-' {
		off = -off
	}
	return off, true
}
