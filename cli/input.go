package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"cellule/crisis"
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

// importFile reads an imported file (see importData) and hands it to
// load; the lines load rejected are listed on stderr even when the import
// is refused, so the user sees every line to fix at once.
func importFile(env *Env, cmd *cobra.Command, args []string, load func([]byte) ([]crisis.LineError, error)) error {
	data, err := importData(env, cmd, args)
	if err != nil {
		return err
	}
	rejected, err := load(data)
	reportRejected(cmd.ErrOrStderr(), args, rejected)
	return err
}

// importData reads an imported file: a path on the host, standard input
// over SSH (where a path would name a file on the server).
func importData(env *Env, cmd *cobra.Command, args []string) ([]byte, error) {
	if len(args) == 1 && env.Remote {
		return nil, usagef("over SSH the file comes on standard input: ssh host %s < %s", cmd.CommandPath()[len(cmd.Root().Name())+1:], crisis.SanitizeLine(args[0]))
	}
	if len(args) == 1 {
		return readFileLimited(args[0], "the file", crisis.MaxImportBytes, "; refused")
	}
	return readInput(env, cmd.InOrStdin(), crisis.MaxImportBytes)
}

// readFileLimited reads a file named on the command line, at most limit
// bytes: a wrong path (/dev/zero, a disk image) must not fill the memory.
// what names the file in the errors; tooLarge ends the refusal of a
// larger one.
func readFileLimited(path, what string, limit int, tooLarge string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", what, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", what, err)
	}
	if len(b) > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes%s", path, limit, tooLarge)
	}
	return b, nil
}

// reportRejected lists the rejected lines on stderr, "FILE:N: why".
func reportRejected(w io.Writer, args []string, rejected []crisis.LineError) {
	name := "stdin"
	if len(args) == 1 {
		name = args[0]
	}
	for _, r := range rejected {
		fmt.Fprintf(w, "%s:%d: %s\n", crisis.SanitizeLine(name), r.Line, crisis.SanitizeLine(crisis.Message(r.Err)))
	}
}
