package sshserver

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"cellule/crisis"
	"cellule/report"
)

// savePrint is the Report tab's print key: the paper kit (export --format
// print) written into a new file of Config.PrintDir, readable by the
// host's operator only, as the database is. nil without a PrintDir.
func (s *Server) savePrint() func(*crisis.Snapshot) (string, error) {
	dir := s.cfg.PrintDir
	if dir == "" {
		return nil
	}
	svc := s.cfg.Service
	return func(snap *crisis.Snapshot) (string, error) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", fmt.Errorf("paper kit: %w", err)
		}
		now := svc.Now()
		// A name of its own per print: two leads printing in the same
		// second each get their file.
		f, err := os.CreateTemp(dir, "paper-kit-"+now.UTC().Format("20060102-150405")+"-*.html")
		if err != nil {
			return "", fmt.Errorf("paper kit: %w", err)
		}
		werr := report.WritePrint(f, snap, report.Options{Printed: now})
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			_ = os.Remove(f.Name())
			return "", fmt.Errorf("paper kit: %w", werr)
		}
		pruneKits(dir, keptKits)
		return f.Name(), nil
	}
}

// keptKits is how many paper kits the host keeps: the newest are what a
// lead prints; a responder pressing the key again and again must not fill
// the disk.
const keptKits = 20

// pruneKits removes all but the newest keep paper kits in dir (their names
// sort by the time they were written).
func pruneKits(dir string, keep int) {
	kits, err := filepath.Glob(filepath.Join(dir, "paper-kit-*.html"))
	if err != nil || len(kits) <= keep {
		return
	}
	sort.Strings(kits)
	for _, k := range kits[:len(kits)-keep] {
		_ = os.Remove(k)
	}
}
