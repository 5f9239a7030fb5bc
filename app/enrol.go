package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"cellule/crisis"
)

// enrolFirstLead makes a fresh install reachable: with no users at all, the
// public keys of the account running the server become a lead named after
// it. Without keys it says how to add a user, and serving goes on.
func enrolFirstLead(svc *crisis.Service, host crisis.Actor, h Hooks) error {
	has, err := svc.HasUsers()
	if err != nil {
		return err
	}
	if has {
		warnWeakKeys(svc, host, h)
		return nil
	}
	home := h.Home
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	account := osUserName()
	name := crisis.UserNameFrom(account)
	if name == "" {
		name = "lead"
	}
	files, _ := filepath.Glob(filepath.Join(home, ".ssh", "*.pub"))
	var keys []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		// A .pub file that is not a key (or holds garbage, or a key too
		// weak to trust) is skipped, not fatal: the server must come up.
		// It says why, so the operator is not left guessing.
		if _, err := crisis.ParseKeys(string(b)); err != nil {
			fmt.Fprintf(h.Out, "Not enrolled: %s: %s\n", f, crisis.Message(err))
			continue
		}
		keys = append(keys, string(b))
	}
	if len(keys) == 0 {
		fmt.Fprintf(h.Out, "No users yet, and no public key in %s.\n", filepath.Join(home, ".ssh"))
		fmt.Fprintln(h.Out, "Nobody can connect yet. Stop the server (Ctrl+C), add the first lead, and start it again:")
		fmt.Fprintln(h.Out, "  cellule user add NAME --role lead --key-file FILE.pub")
		return nil
	}
	u, err := svc.AddUser(host, name, crisis.RoleLead, strings.Join(keys, "\n"))
	if err != nil {
		fmt.Fprintf(h.Out, "Could not enrol the keys in %s: %s\n", filepath.Join(home, ".ssh"), crisis.Message(err))
		return nil
	}
	fmt.Fprintf(h.Out, "First start: enrolled %d key(s) from %s as lead %q.\n", len(u.Keys), filepath.Join(home, ".ssh"), u.Name)
	return nil
}

// warnWeakKeys names the active users whose keys are too weak to log in
// (enrolled before DSA and short RSA keys were refused), so the operator
// knows whom to enrol again before they find the door shut.
func warnWeakKeys(svc *crisis.Service, host crisis.Actor, h Hooks) {
	us, err := svc.Users(host)
	if err != nil {
		return
	}
	for _, u := range us {
		if !u.Active() {
			continue
		}
		for _, k := range u.Keys {
			if err := k.Weakness(); err != nil {
				fmt.Fprintf(h.Out, "warning: %s's key %s cannot log in: %s (revoke %s and add a new key)\n", u.Name, k.Fingerprint, crisis.Message(err), u.Name)
			}
		}
	}
}
