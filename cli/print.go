package cli

import (
	"fmt"

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
