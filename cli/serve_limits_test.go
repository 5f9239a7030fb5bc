package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

func TestServeLimitFlagsReachTheServer(t *testing.T) {
	var got ServeOptions
	var out bytes.Buffer
	env := Env{Serve: func(_ context.Context, o ServeOptions) error { got = o; return nil }, Out: &out, Err: &out, In: strings.NewReader("")}
	if code := Execute(context.Background(), env, []string{"serve"}); code != 0 {
		t.Fatalf("serve: %d %s", code, out.String())
	}
	if got.ServeLimits != DefaultServeLimits() || got.IdleTimeout != 30*time.Minute || got.MaxSessions != 500 {
		t.Errorf("defaults = %+v", got.ServeLimits)
	}
	args := []string{"serve", "--idle-timeout", "5m", "--max-sessions", "20", "--lead-reserve", "3", "--max-sessions-per-connection", "4", "--max-sessions-per-user", "6", "--max-unauthenticated", "7", "--auth-penalty", "0", "--auth-penalty-max", "1m",
		"--penalty-exempt", "10.20.0.7/24, 192.0.2.9", "--penalty-exempt", "2001:db8::/64"}
	if code := Execute(context.Background(), env, args); code != 0 {
		t.Fatalf("serve with limits: %d %s", code, out.String())
	}
	want := ServeLimits{IdleTimeout: 5 * time.Minute, MaxSessions: 20, LeadReserve: 3, MaxSessionsPerConnection: 4, MaxSessionsPerUser: 6, MaxUnauthenticated: 7, AuthPenalty: 0, AuthPenaltyMax: time.Minute,
		PenaltyExempt: "10.20.0.0/24,192.0.2.9/32,2001:db8::/64"}
	if got.ServeLimits != want {
		t.Errorf("limits = %+v; want %+v", got.ServeLimits, want)
	}
}

func TestPenaltyExemptRefusesWhatIsNotANetwork(t *testing.T) {
	var out bytes.Buffer
	started := false
	env := Env{Serve: func(context.Context, ServeOptions) error { started = true; return nil }, Out: &out, Err: &out, In: strings.NewReader("")}
	code := Execute(context.Background(), env, []string{"serve", "--penalty-exempt", "10.20.0.0/24,crisis-room"})
	if code == 0 || started || !strings.Contains(out.String(), `"crisis-room" is not a network`) {
		t.Errorf("a bad --penalty-exempt: exit %d, started %v, %q", code, started, out.String())
	}
}
