package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"cellule/crisis"
	"cellule/internal/atomicfile"
)

func backupCmd(env *Env, dataDir *string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent copy of the record (leads only)",
		Long: "On the host: cellule backup FILE writes a consistent copy of the database to FILE,\n" +
			"synced to disk, checked (pages and audit chain), then put in place; an existing FILE is\n" +
			"replaced only by a good copy. The server can keep running: use SSH then.\n" +
			"Over SSH: ssh host backup > FILE writes the copy on standard output.",
	}
	if env.Remote {
		cmd.Use = "backup"
		cmd.Args = cobra.NoArgs
		cmd.RunE = withService(env, dataDir, func(cmd *cobra.Command, _ []string, svc *crisis.Service) error {
			if env.StdinTTY {
				return errors.New("the copy is binary: run it without -t and redirect it, e.g. ssh host backup > cellule-backup.db")
			}
			rc, err := remoteBackup(svc, env.Actor, cmd.OutOrStdout(), env.CheckFile)
			if err != nil {
				return err
			}
			// On stderr: stdout is the copy.
			fmt.Fprintf(cmd.ErrOrStderr(), "backup: %d entries, %d audit records, checked\naudit head #%d %s\n",
				rc.Entries, rc.AuditRecords, rc.Head.Seq, rc.Head.Hash)
			return nil
		})
		return cmd
	}
	cmd.Args = cobra.ExactArgs(1)
	cmd.RunE = run(func(cmd *cobra.Command, args []string) error {
		svc, release, err := env.Service(*dataDir)
		if errors.Is(err, ErrServerRunning) && env.SSHHint != nil {
			return fmt.Errorf("the database in %s is in use by a running Cellule server.\nTake the copy over SSH, as a lead:\n  %s backup > %s", *dataDir, env.SSHHint(*dataDir), shellWord(args[0]))
		}
		if err != nil {
			return err
		}
		defer release()
		rc, err := backupToFile(svc, env.Actor, args[0], env.CheckFile)
		if err != nil {
			return err
		}
		fmt.Fprintf(cmd.OutOrStdout(), "backup %s: %d entries, %d audit records, checked\naudit head #%d %s\n",
			crisis.SanitizeLine(args[0]), rc.Entries, rc.AuditRecords, rc.Head.Seq, rc.Head.Hash)
		return nil
	})
	return cmd
}

// remoteBackup spools the copy to a private temporary file first, checks
// it, then sends it: a slow client must not hold the read transaction open,
// which would hold up the writes that need the file to grow.
func remoteBackup(svc *crisis.Service, who crisis.Actor, out io.Writer, check func(string) (crisis.RecordCheck, error)) (crisis.RecordCheck, error) {
	var rc crisis.RecordCheck
	tmp, err := os.CreateTemp("", "cellule-backup-*")
	if err != nil {
		return rc, fmt.Errorf("no room for the copy on the server: %w", err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if _, err := svc.Backup(who, tmp); err != nil {
		return rc, err
	}
	if check != nil {
		if rc, err = check(tmp.Name()); err != nil {
			return rc, fmt.Errorf("the copy does not check out; nothing was sent: %w", err)
		}
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return rc, err
	}
	_, err = io.Copy(out, tmp)
	return rc, err
}

// backupToFile writes the copy beside path, syncs it, checks it, and only
// then puts it in place: a crash or a bad copy never leaves a half-written
// or unchecked FILE.
func backupToFile(svc *crisis.Service, who crisis.Actor, path string, check func(string) (crisis.RecordCheck, error)) (crisis.RecordCheck, error) {
	var rc crisis.RecordCheck
	fill := func(w io.Writer) error {
		_, err := svc.Backup(who, w)
		return err
	}
	var checkCopy func(string) error
	if check != nil {
		checkCopy = func(name string) error {
			var err error
			if rc, err = check(name); err != nil {
				return fmt.Errorf("the copy does not check out, %s was left as it was: %w", path, err)
			}
			return nil
		}
	}
	return rc, atomicfile.Write(path, fill, checkCopy)
}
