// Package cli is Cellule's one command tree. The same cobra commands run on
// the host (`cellule user add ...`) and over SSH (`ssh host user add ...`):
// only the Env differs — who is acting, where the service comes from, and
// which commands make sense there.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"cellule/crisis"
)

// Env is what a command run needs from its caller.
type Env struct {
	// Remote is set for a command sent over SSH.
	Remote bool
	// Actor is who runs the command: the SSH user, or the host operator.
	Actor crisis.Actor
	// Service returns the service to act on, and a function to release it.
	// Over SSH it is the server's; on the host it opens the data directory,
	// and fails fast when a running server holds it.
	Service func(dataDir string) (*crisis.Service, func(), error)
	// Serve runs the server (host only).
	Serve func(ctx context.Context, o ServeOptions) error
	// Fingerprint prints the host key's fingerprint (host only).
	Fingerprint func(dataDir string) (string, error)
	// HostKey describes the host key for people to check it (invite.go).
	HostKey func(dataDir string) (HostKeyInfo, error)
	// CheckFile checks a database file read-only: pages, schema, audit
	// chain (host only).
	CheckFile func(path string) (crisis.RecordCheck, error)
	// Import loads a JSON snapshot into the data directory (host only).
	Import func(dataDir string, r io.ReadSeeker) (crisis.Imported, error)
	// SSHHint is how to reach the server, e.g. "ssh -p 2222 localhost", used
	// in messages that point from the host CLI to the SSH command.
	SSHHint func(dataDir string) string

	// Cluster runs the cluster commands (cluster.go).
	Cluster ClusterEnv
	// Lang is the server's language (serve --lang, $CELLULE_LANG, the
	// host's locale): the answer's language for a caller without one.
	Lang string
	// langFlag is --lang, set for one command.
	langFlag string
	// Hub runs the regional commands (hub.go).
	Hub HubEnv

	In       io.Reader
	Out, Err io.Writer
	// StdinTTY is set when standard input is a terminal: a command that
	// would wait there for text refuses instead of hanging silently.
	StdinTTY bool
}

// ServeOptions are the serve command's flags.
type ServeOptions struct {
	DataDir string
	Listen  string
	Demo    bool
	// Name names the crisis (renaming it, logged, if it had another name).
	Name string
	// TZ is the time zone people type and read times in; "" for the host's.
	TZ string
	// Lang is the language of those who have none of their own (fr, en);
	// "" for $CELLULE_LANG or the host's locale (HostLang).
	Lang string
	// ReadOnly serves the record as it is, refusing every write (for a
	// damaged file: what can still be read).
	ReadOnly bool
	// Limits (serve_limits.go); 0 turns one off.
	ServeLimits
	// Cluster node flags (cluster.go); none: a single node.
	ClusterFlags
	// Regional flags (hub.go); none: no hub, no link.
	HubFlags
}

// Exit codes: 0 done, 1 the command failed (refused, not found...), 2 the
// command line itself was wrong.
const (
	ExitOK    = 0
	ExitFail  = 1
	ExitUsage = 2
)

// runError marks errors returned by a command's own work, as opposed to
// cobra's parsing errors, which are usage errors.
type runError struct{ err error }

func (e runError) Error() string { return e.err.Error() }
func (e runError) Unwrap() error { return e.err }

// usageError is a wrong command line that only the command's body can
// tell (two flags that exclude each other, an unknown format): like
// cobra's own, it exits 2 and shows the usage.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// run wraps a command body so its errors are told apart from usage errors.
func run(fn func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if err := fn(cmd, args); err != nil {
			var ue usageError
			if errors.As(err, &ue) {
				return ue
			}
			return runError{err}
		}
		return nil
	}
}

// Execute runs args through the command tree and returns the exit code.
// Errors go to env.Err: a refused command says why; a wrong command line
// says what was wrong, then shows the usage.
func Execute(ctx context.Context, env Env, args []string) int {
	root := newRoot(&env)
	root.SetArgs(args)
	root.SetIn(env.In)
	root.SetOut(env.Out)
	root.SetErr(env.Err)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return ExitOK
	}
	var re runError
	if errors.As(err, &re) {
		// A refusal may quote what was typed: clean it like any user text.
		fmt.Fprintln(env.Err, env.tr("error", crisis.Sanitize(crisis.MessageIn(re.err, env.catalogue()))))
		return ExitFail
	}
	// Cobra's messages quote what was typed: clean it like any user text.
	fmt.Fprintf(env.Err, "%s\n\n", env.tr("error", crisis.SanitizeLine(err.Error())))
	if cmd == nil {
		cmd = root
	}
	fmt.Fprint(env.Err, cmd.UsageString())
	return ExitUsage
}

func newRoot(env *Env) *cobra.Command {
	root := &cobra.Command{
		Use:           "cellule",
		Short:         "Cellule: the crisis cell's console over SSH",
		SilenceErrors: true,
		SilenceUsage:  true,
		// With no subcommand, show the help rather than do anything.
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("unknown command %q", args[0])
			}
			return cmd.Help()
		},
		Args: cobra.ArbitraryArgs,
	}
	root.CompletionOptions.DisableDefaultCmd = true
	langFlag(root, env)

	var dataDir string
	if !env.Remote {
		root.PersistentFlags().StringVar(&dataDir, "data", DefaultDataDir(), "data directory (also $CELLULE_DATA)")
		root.AddCommand(serveCmd(env, &dataDir), fingerprintCmd(env, &dataDir))
		root.AddCommand(importCmd(env, &dataDir))
	}
	root.AddCommand(
		logCmd(env, &dataDir),
		timelineCmd(env, &dataDir),
		stageCmd(env, &dataDir),
		whoamiCmd(env),
		userCmd(env, &dataDir),
		recoveryCmd(env, &dataDir),
		taskCmd(env, &dataDir),
		registerCmd(env, &dataDir),
		checklistCmd(env, &dataDir), contactsCmd(env, &dataDir), handoverCmd(env, &dataDir),
		clocksCmd(env, &dataDir), clockCmd(env, &dataDir),
		backupCmd(env, &dataDir),
		exportCmd(env, &dataDir), verifyCmd(env, &dataDir), closeCmd(env, &dataDir), takeawayCmd(env, &dataDir),
		versionCmd(),
		clusterCmd(env, &dataDir),
		hubCmd(env, &dataDir),
	)
	return root
}

// open gets the service for a command, turning "the server holds the
// database" into a message that names the SSH command doing the same.
func open(cmd *cobra.Command, env *Env, dataDir string) (*crisis.Service, func(), error) {
	svc, release, err := env.Service(dataDir)
	if err == nil {
		return svc, release, nil
	}
	if errors.Is(err, ErrServerRunning) && env.SSHHint != nil {
		return nil, nil, fmt.Errorf("the database in %s is in use by a running Cellule server.\nDo the same over SSH (as a lead where it changes something):\n  %s %s", dataDir, env.SSHHint(dataDir), sshEquivalent(cmd))
	}
	return nil, nil, err
}

// withService is run for a command that acts on the crisis: it gets the
// service first and releases it when the command is done.
func withService(env *Env, dataDir *string, fn func(cmd *cobra.Command, args []string, svc *crisis.Service) error) func(*cobra.Command, []string) error {
	return run(func(cmd *cobra.Command, args []string) error {
		svc, release, err := open(cmd, env, *dataDir)
		if err != nil {
			return err
		}
		defer release()
		return fn(cmd, args, svc)
	})
}

// sshEquivalent is the command line that does over SSH what cmd was asked
// to do here: the same words and flags, less --data, and a key file sent on
// standard input. ssh joins its arguments and the server splits them again,
// so the words are quoted for the server, then the whole for the local shell.
func sshEquivalent(cmd *cobra.Command) string {
	words := []string{strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")}
	redirect := ""
	for i, a := range cmd.Flags().Args() {
		if i == 0 && cmd.Annotations[annotFileOnStdin] != "" {
			redirect = " < " + shellWord(a) // an imported file goes on stdin
			continue
		}
		words = append(words, serverWord(a))
	}
	cmd.Flags().Visit(func(f *pflag.Flag) {
		switch f.Name {
		case "data":
		case "key-file":
			redirect = " < " + shellWord(f.Value.String())
		case "out":
			redirect = " > " + shellWord(f.Value.String())
		default:
			words = append(words, "--"+f.Name, serverWord(f.Value.String()))
		}
	})
	line := strings.Join(words, " ")
	if strings.IndexFunc(line, func(r rune) bool { return r != ' ' && !plainRune(r) }) >= 0 {
		line = shellWord(line)
	}
	return crisis.SanitizeLine(line + redirect)
}

// annotFileOnStdin marks a command whose FILE argument is sent on standard
// input over SSH.
const annotFileOnStdin = "file-on-stdin"

// ErrServerRunning is what Env.Service returns when a running server holds
// the database.
var ErrServerRunning = errors.New("the database is held by a running server")
