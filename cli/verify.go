package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"cellule/crisis"
)

func verifyCmd(env *Env, dataDir *string) *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Check the audit chain and the stored records against it",
		Long: "Check the database file's structure (every page), then recompute the audit chain, record\n" +
			"by record, and the digest of every stored record an audit record describes. Exits 1, naming\n" +
			"the damaged page or the first bad record, if anything was damaged or altered.",
		Args: cobra.NoArgs,
		RunE: withService(env, dataDir, func(cmd *cobra.Command, _ []string, svc *crisis.Service) error {
			v, err := svc.Verify(env.Actor)
			var bad *crisis.VerifyError
			if errors.As(err, &bad) {
				return fmt.Errorf("the record does not verify: %s", bad.Error())
			}
			var damage *crisis.DamageError
			if errors.As(err, &damage) {
				return fmt.Errorf("the record does not verify: %s.\nRestore the last backup; `cellule serve --read-only` serves what can still be read", damage.Error())
			}
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "ok: %d audit records chain up to #%d sha256:%s\n", v.Records, v.Head.Seq, crisis.SanitizeLine(v.Head.Hash))
			fmt.Fprintf(out, "ok: %d stored records match the digests of their audit records\n", v.Digests)
			if v.Unchecked > 0 {
				fmt.Fprintf(out, "note: %d audit records describe records this Cellule cannot read back, not checked\n", v.Unchecked)
			}
			return nil
		}),
	}
}
