package app

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
)

// pprofEnv names the loopback address on which a running server serves
// Go's profiles (CPU, heap, goroutines), for measuring where its time goes.
// It is off unless set, and refused on anything but a loopback address:
// profiles show what the server holds in memory.
const pprofEnv = "CELLULE_PPROF"

// startProfiling serves net/http/pprof on $CELLULE_PPROF when it is set, and
// returns a function that stops it.
func startProfiling(out io.Writer) (stop func(), err error) {
	addr := os.Getenv(pprofEnv)
	if addr == "" {
		return func() {}, nil
	}
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("%s=%s: profiles are served on a loopback address only, e.g. 127.0.0.1:6060", pprofEnv, addr)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pprofEnv, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	srv := &http.Server{Handler: mux}
	go func() { _ = srv.Serve(l) }()
	fmt.Fprintf(out, "  profiles: http://%s/debug/pprof/ (%s)\n", l.Addr(), pprofEnv)
	return func() { _ = srv.Close() }, nil
}
