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
	args := []string{"serve", "--idle-timeout", "5m", "--max-sessions", "20", "--lead-reserve", "3", "--max-sessions-per-connection", "4", "--max-sessions-per-user", "6", "--max-unauthenticated", "7", "--auth-penalty", "0", "--auth-penalty-max", "1m"}
	if code := Execute(context.Background(), env, args); code != 0 {
		t.Fatalf("serve with limits: %d %s", code, out.String())
	}
	want := ServeLimits{IdleTimeout: 5 * time.Minute, MaxSessions: 20, LeadReserve: 3, MaxSessionsPerConnection: 4, MaxSessionsPerUser: 6, MaxUnauthenticated: 7, AuthPenalty: 0, AuthPenaltyMax: time.Minute}
	if got.ServeLimits != want {
		t.Errorf("limits = %+v; want %+v", got.ServeLimits, want)
	}
}
