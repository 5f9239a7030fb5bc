package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"
)

// printID ends a command that changed something: the id of what it wrote,
// printed once the write committed (err is nil), alone on its line so a
// script can read it.
func printID[ID uint64 | string](cmd *cobra.Command, id ID, err error) error {
	if err != nil {
		return err
	}
	fmt.Fprintln(cmd.OutOrStdout(), id)
	return nil
}

// writeJSON prints a command's --json answer, indented for people who
// read it and the same for scripts.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// utcTime is how every --json answer writes a time: RFC 3339, in UTC.
func utcTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// textTime is how the commands' text output writes a time, in the crisis's
// zone: to the minute, as people say it.
const textTime = "2006-01-02 15:04"
