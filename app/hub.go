package app

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"cellule/cli"
	"cellule/crisis"
	"cellule/regional"
	"cellule/store"
)

// checkHubFlags refuses regional flags that do not go together, before
// anything starts.
func checkHubFlags(o cli.ServeOptions) error {
	switch {
	case o.Hub && o.HubURL != "":
		return errors.New("--hub and --hub-url: a hub does not connect to another hub")
	case o.HubShare != "" && o.HubShare != "status" && o.HubShare != "record":
		return fmt.Errorf("--hub-share %s: use status or record", o.HubShare)
	case o.HubShare == "record" && o.HubURL == "":
		return errors.New("--hub-share goes with --hub-url")
	case o.HubURL != "" && o.Clustered():
		return errors.New("--hub-url on a cluster node is not built yet: connect a single-node establishment")
	case o.Hub && !regional.IsHub(o.DataDir):
		return fmt.Errorf("--hub: %s is not a hub's directory (make it with `cellule hub init`)", o.DataDir)
	}
	return nil
}

// startRegional starts the hub or the establishment's link when serve
// was asked for one; the returned function stops it (nothing started
// without the flags).
func startRegional(o cli.ServeOptions, db *store.DB, svc *crisis.Service, out io.Writer) (cli.HubEnv, func(), error) {
	switch {
	case o.Hub:
		h, err := regional.StartHub(regional.HubConfig{DataDir: o.DataDir, Listen: o.HubListen, Log: out})
		if err != nil {
			return cli.HubEnv{}, nil, err
		}
		fmt.Fprintf(out, "hub: receiving establishments on %s (TLS, the region's certificates)\n", o.HubListen)
		env := cli.HubEnv{
			List: func(_ string, asJSON bool, w io.Writer) error {
				s := h.Status()
				if asJSON {
					return s.PrintJSON(w)
				}
				s.Print(w, time.Now())
				return nil
			},
		}
		dir := o.DataDir
		env.Show = func(_ string, name string, w io.Writer) error { return regional.ShowMarkdown(dir, name, w) }
		return env, h.Close, nil
	case o.HubURL != "":
		l, err := regional.StartLink(regional.LinkConfig{DataDir: o.DataDir, HubURL: o.HubURL, Record: o.HubShare == "record", Log: out}, db, svc)
		if err != nil {
			return cli.HubEnv{}, nil, err
		}
		fmt.Fprintf(out, "hub link: establishment %s shares its %s with %s (TLS); it keeps working while the link is cut\n", l.Name(), cmp.Or(o.HubShare, "status"), o.HubURL)
		return cli.HubEnv{}, l.Close, nil
	}
	return cli.HubEnv{}, func() {}, nil
}

// hubInit writes the hub's directory and each establishment's link.
func hubInit(o cli.HubInitOptions, out io.Writer) error {
	if err := regional.Init(o.Region, o.Establishments, o.Out); err != nil {
		return err
	}
	fmt.Fprintf(out, "region %s: the hub's directory %s, and for %s a hublink directory each\n", o.Region, filepath.Join(o.Out, "hub"), strings.Join(o.Establishments, ", "))
	fmt.Fprintf(out, "  start the hub:   cellule --data %s serve --hub --hub-listen :7433\n", filepath.Join(o.Out, "hub"))
	fmt.Fprintf(out, "  on each establishment: copy %s into its data directory, then\n", filepath.Join(o.Out, "NAME", "hublink"))
	fmt.Fprintln(out, "                   cellule --data DATA serve --hub-url HUB:7433 [--hub-share record]")
	return nil
}

// localHubList prints the status the hub running on dir wrote.
func localHubList(dir string, asJSON bool, w io.Writer) error {
	s, err := regional.ReadStatus(dir)
	if err != nil {
		return err
	}
	if asJSON {
		return s.PrintJSON(w)
	}
	now := time.Now()
	s.Print(w, now)
	if now.Sub(s.At) > 5*time.Second {
		fmt.Fprintln(w, "warning: this status is old: is the hub still running?")
	}
	return nil
}
