package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"charm.land/log/v2"

	"cellule/cli"
	"cellule/crisis"
	"cellule/sshserver"
	"cellule/store"
)

// Hooks are the parts of serving that tests replace.
type Hooks struct {
	// Out receives the start-up report (address, fingerprint, enrolment).
	Out io.Writer
	// Log receives the server's log; Out when nil.
	Log io.Writer
	// Home is where ~/.ssh is looked for on a first start; $HOME when empty.
	Home string
	// Ready is called with the listening address once connections are
	// accepted.
	Ready func(addr string)
	// StructureWait replaces how long serve waits for the page check
	// before serving while it goes on (0: structureWait).
	StructureWait time.Duration
}

// shutdownGrace is how long open sessions get to finish on shutdown.
const shutdownGrace = 5 * time.Second

// Serve runs the server until ctx ends.
func Serve(ctx context.Context, o cli.ServeOptions, h Hooks) error {
	if h.Out == nil {
		h.Out = io.Discard
	}
	// A large file's check ends while serving, and says so from another
	// goroutine.
	h.Out = &lockedWriter{w: h.Out}
	if h.Log == nil {
		h.Log = h.Out
	}
	// Bad options are refused before anything is created.
	if _, port, err := net.SplitHostPort(o.Listen); err != nil || port == "" {
		return fmt.Errorf("--listen %s: expected HOST:PORT, e.g. :2222 or 127.0.0.1:2222", o.Listen)
	}
	loc := time.Local
	if o.TZ != "" {
		var err error
		if loc, err = time.LoadLocation(o.TZ); err != nil {
			return fmt.Errorf("--tz %s: unknown time zone (use a name such as Europe/Paris)", o.TZ)
		}
	}
	if err := checkHubFlags(o); err != nil {
		return err
	}
	if err := prepareNode(o); err != nil {
		return err
	}
	lang := o.Lang
	if lang == "" {
		lang = cli.HostLang()
	}
	db, err := openServed(o)
	if err != nil {
		return err
	}
	defer db.Close()

	svc := crisis.NewService(db, crisis.WithLocation(loc))
	node, err := startNode(o, db, svc, h.Out) // nil without cluster flags
	if err != nil {
		return err
	}
	if node != nil {
		defer node.Close()
	}
	hubEnv, stopRegional, err := startRegional(o, db, svc, h.Out) // nothing without hub flags
	if err != nil {
		return err
	}
	defer stopRegional()
	host := crisis.LocalActor(osUserName())
	// The start's own writes: the crisis record, a new name, the demo, the
	// first lead.
	startWrites := func() (created bool, err error) {
		if created, err = svc.Open(host, o.Name); err != nil {
			return created, err
		}
		if !created && o.Name != "" {
			if _, err := svc.Rename(host, o.Name); err != nil && !errors.Is(err, crisis.ErrConflict) {
				return created, err
			}
		}
		if o.Demo {
			if err := svc.LoadDemoIn(host, lang); err != nil {
				fmt.Fprintf(h.Out, "--demo: %s; serving the existing record\n", crisis.Message(err))
			} else {
				fmt.Fprintln(h.Out, "--demo: loaded the Cahors 2022 scenario")
			}
		}
		return created, enrolFirstLead(svc, host, h)
	}
	created := false
	// Every page is checked before anything is written. A large file
	// (the check reads all of it: about a second per GB) is served while
	// the check goes on, so that it is ready as fast as a small one:
	// reads go on, writes wait behind the check, and a damage found then
	// stops the server with its sentence.
	var lateCheck <-chan error
	if o.ReadOnly {
		if err := db.CheckStructure(); err != nil {
			fmt.Fprintf(h.Out, "warning: %s\n  serving what can still be read, read-only: every write is refused\n", crisis.Message(err))
		} else {
			fmt.Fprintln(h.Out, "read-only: every write is refused")
		}
	} else {
		checked := make(chan error, 1)
		go func() { checked <- db.CheckStructure() }()
		select {
		case err := <-checked:
			if err != nil {
				return damagedRefusal(err)
			}
			if created, err = startWrites(); err != nil && node == nil {
				return err
			} else if err != nil {
				fmt.Fprintf(h.Out, "cluster: %s\n", crisis.Message(err))
			}
		case <-time.After(cmp.Or(h.StructureWait, structureWait)):
			fmt.Fprintln(h.Out, "checking every page of the database file: writes wait until that is done")
			lateCheck = checked
		}
	}

	hk, err := sshserver.LoadOrCreateHostKey(filepath.Join(o.DataDir, hostKeyFile))
	if err != nil {
		return err
	}
	if hk.FixedMode {
		fmt.Fprintln(h.Out, "warning: the host key was readable by others; its permissions are now 0600")
	}
	// Set once the address is known, before the first connection.
	var hostKey cli.HostKeyInfo
	logger := log.NewWithOptions(h.Log, log.Options{ReportTimestamp: true, Prefix: "cellule"})
	srv, err := sshserver.New(sshserver.Config{
		Listen:  o.Listen,
		HostKey: hk.Signer,
		Service: svc,
		Logger:  logger,
		Limits:  limitsFrom(o.ServeLimits),
		Lang:    lang,
		// The Report tab's print key saves the paper kit next to the data.
		PrintDir: filepath.Join(o.DataDir, "print"),
		Exec: func(ctx context.Context, x sshserver.Exec) int {
			return cli.ExecuteLine(ctx, cli.Env{Remote: true, Actor: x.Who, Service: shared(svc), CheckFile: store.CheckFile, Lang: lang,
				Cluster: cli.ClusterEnv{Status: nodeStatus(node)}, Hub: hubEnv,
				HostKey: func(string) (cli.HostKeyInfo, error) { return hostKey, nil }, In: x.In, Out: x.Out, Err: x.Err, StdinTTY: x.TTY}, x.Line)
		},
	})
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", o.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", o.Listen, err)
	}
	addr := l.Addr().String()
	hostKey = hostKeyInfo(hk.Signer.PublicKey(), addr)
	_ = os.WriteFile(filepath.Join(o.DataDir, addrFile), []byte(addr+"\n"), 0o600)
	defer os.Remove(filepath.Join(o.DataDir, addrFile))

	st, _ := svc.Status()
	fmt.Fprintf(h.Out, "Cellule is serving %q on %s\n", crisis.SanitizeLine(st.Crisis.Name), addr)
	fmt.Fprintf(h.Out, "  data:     %s\n", o.DataDir)
	zone := loc.String()
	if o.TZ == "" {
		// time.Local's name is "Local": say which zone that is here.
		zone = time.Now().In(loc).Format("MST") + " (the host's; --tz changes it)"
	}
	fmt.Fprintf(h.Out, "  times:    %s\n", zone)
	fmt.Fprintf(h.Out, "  host key: %s (%s): check it on your first connection\n", hostKey.Fingerprint, hostKey.Type)
	fmt.Fprintf(h.Out, "  known_hosts line to hand out:\n    %s\n", hostKey.KnownHosts)
	if hostKey.Placeholder {
		fmt.Fprintln(h.Out, "    (replace HOST with this machine's name or address on the cell's network)")
	}
	fmt.Fprintf(h.Out, "  invite:   %s user invite NAME --role responder\n", sshHint(o.DataDir))
	fmt.Fprintf(h.Out, "  connect:  %s\n", sshHint(o.DataDir))
	if created && o.Name == "" && !o.Demo {
		fmt.Fprintln(h.Out, "  name the crisis with: cellule serve --name \"...\"")
	}

	stopProfiling, err := startProfiling(h.Out)
	if err != nil {
		_ = l.Close()
		return err
	}
	defer stopProfiling()

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	if h.Ready != nil {
		h.Ready(addr)
	}
	refused := make(chan error, 1)
	if lateCheck != nil {
		go func() {
			err := <-lateCheck
			if err == nil {
				if _, err = startWrites(); err == nil {
					fmt.Fprintln(h.Out, "every page of the database file checked")
					return
				}
			}
			refused <- damagedRefusal(err)
		}()
	}
	var stopWith error
	select {
	case err := <-errc:
		return err
	case stopWith = <-refused:
		fmt.Fprintf(h.Out, "cellule: %s\n", crisis.Message(stopWith))
	case <-ctx.Done():
	}
	fmt.Fprintln(h.Out, "shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		_ = srv.Close()
	}
	return stopWith
}

// openServed opens the data directory's database for serve: created if
// needed and checked page by page, or, with --read-only, opened as it is
// for reading. A damaged file is refused: writing into it would spread
// the damage, and its readers would meet it one request at a time.
func openServed(o cli.ServeOptions) (*store.DB, error) {
	path := filepath.Join(o.DataDir, dbFile)
	if o.ReadOnly {
		if o.Demo || o.Name != "" {
			return nil, errors.New("--read-only serves the record as it is: --demo and --name would change it")
		}
		db, err := store.OpenReadOnly(path)
		if errors.Is(err, store.ErrLocked) {
			return nil, fmt.Errorf("the database in %s is in use: is another `cellule serve` running on it?", o.DataDir)
		}
		return db, err
	}
	if err := os.MkdirAll(o.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create the data directory: %w", err)
	}
	db, err := store.Open(path)
	if errors.Is(err, store.ErrLocked) {
		return nil, fmt.Errorf("the database in %s is in use: is another `cellule serve` running on it?", o.DataDir)
	}
	if err != nil {
		return nil, damagedRefusal(err)
	}
	return db, nil
}

// structureWait is how long serve waits for the page check before it
// serves a large file while the check goes on.
const structureWait = 300 * time.Millisecond

// damagedRefusal says why serve refuses a damaged file, and what to do.
func damagedRefusal(err error) error {
	var damage *crisis.DamageError
	if errors.As(err, &damage) {
		return fmt.Errorf("%s: refusing to serve it, since writing into a damaged file spreads the damage. Restore the last backup, or serve what can still be read with `cellule serve --read-only`", damage.Error())
	}
	return err
}

// shared hands the server's service to SSH commands; there is nothing to
// release.
func shared(svc *crisis.Service) func(string) (*crisis.Service, func(), error) {
	return func(string) (*crisis.Service, func(), error) { return svc, func() {}, nil }
}

// lockedWriter serialises writes to the start-up report.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
