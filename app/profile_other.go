//go:build !unix

package app

import "io"

// startProfiling does nothing where there is no SIGUSR1 to switch
// profiles with.
func startProfiling(io.Writer) (stop func(), err error) { return func() {}, nil }
