package cli

import (
	"fmt"
	"io"
	"strings"
)

// readText reads a command's text from its arguments or, when there are
// none, from standard input — at most max bytes, so a stray 10 MB pipe is
// refused instead of held in memory.
func readText(env *Env, args []string, in io.Reader, max int) (string, error) {
	if len(args) > 0 {
		return strings.Join(args, " "), nil
	}
	b, err := readInput(env, in, max)
	return string(b), err
}

// readInput reads standard input as bytes, at most max of them (an
// imported file: no copy into a string and back).
func readInput(env *Env, in io.Reader, max int) ([]byte, error) {
	if in == nil || env.StdinTTY {
		// Waiting on a terminal for text nobody knows to type looks like
		// a hang (and over ssh -t, Ctrl-D does not end it).
		return nil, fmt.Errorf("nothing given: write it after the command, or pipe it in (e.g. echo ... | ssh host log, without -t)")
	}
	b, err := io.ReadAll(io.LimitReader(in, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("reading standard input: %w", err)
	}
	if len(b) > max {
		return nil, fmt.Errorf("standard input is larger than %d bytes; refused", max)
	}
	return b, nil
}
