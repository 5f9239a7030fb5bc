package crisis_test

import (
	"errors"
	"testing"
	"time"

	"cellule/crisis"
)

func TestParseWhen(t *testing.T) {
	paris := time.FixedZone("CEST", 2*3600)
	now := time.Date(2022, 9, 12, 4, 0, 0, 0, paris)
	cases := []struct {
		in   string
		want time.Time
	}{
		{"", now},
		{"03:40", time.Date(2022, 9, 12, 3, 40, 0, 0, paris)},
		{"03h40", time.Date(2022, 9, 12, 3, 40, 0, 0, paris)},
		// Typed at 04:00, "23:50" is last night, not tonight.
		{"23:50", time.Date(2022, 9, 11, 23, 50, 0, 0, paris)},
		{"2022-09-12 03:40", time.Date(2022, 9, 12, 3, 40, 0, 0, paris)},
		{"2022-09-12T03:40", time.Date(2022, 9, 12, 3, 40, 0, 0, paris)},
		{"2022-09-12T01:40:00Z", time.Date(2022, 9, 12, 1, 40, 0, 0, time.UTC)},
		{"-20m", now.Add(-20 * time.Minute)},
		{"-1h30m", now.Add(-90 * time.Minute)},
		{"-2d", now.Add(-48 * time.Hour)},
		{"-1d2h", now.Add(-26 * time.Hour)},
	}
	for _, c := range cases {
		got, err := crisis.ParseWhen(c.in, now, paris)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("ParseWhen(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}

func TestParseWhenRefuses(t *testing.T) {
	now := time.Date(2022, 9, 12, 4, 0, 0, 0, time.UTC)
	for _, in := range []string{"41:05", "tomorrow", "-", "-20", "-20x", "2023-01-01 00:00", "+20m", "-99999d", "-999999999h", "2022-13-01 00:00"} {
		if _, err := crisis.ParseWhen(in, now, time.UTC); !errors.Is(err, crisis.ErrInvalid) {
			t.Errorf("ParseWhen(%q) err = %v; want ErrInvalid", in, err)
		}
	}
}

func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"14:05", "2022-09-12 03:40", "-20m", "-1d2h", "2022-09-12T01:40:00Z", "", "41:05", "0001-01-01T00:00", "2022-03-27 02:30", "2021-10-31 02:30 CEST", "03:40+02:00", "03:40 cest"} {
		f.Add(s)
	}
	now := time.Date(2022, 9, 12, 4, 0, 0, 0, time.UTC)
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := crisis.ParseWhen(in, now, paris)
		if err != nil {
			if !errors.Is(err, crisis.ErrInvalid) {
				t.Fatalf("ParseWhen(%q): unexpected error kind %v", in, err)
			}
			return
		}
		if got.After(now.Add(5 * time.Minute)) {
			t.Fatalf("ParseWhen(%q) = %v is in the future", in, got)
		}
		if got.Before(now.Add(-crisis.MaxBackdate)) {
			t.Fatalf("ParseWhen(%q) = %v is more than a year back", in, got)
		}
	})
}
