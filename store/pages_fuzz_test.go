package store

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"cellule/crisis"
)

// FuzzPageWalk feeds the page walk whole files: whatever the bytes, it
// must name a problem or pass, never panic or read outside the file. The
// seed is a real database; the fuzzer flips its bytes.
func FuzzPageWalk(f *testing.F) {
	path := filepath.Join(f.TempDir(), "cellule.db")
	db, err := Open(path)
	if err != nil {
		f.Fatal(err)
	}
	err = db.Update(func(tx crisis.WriteTx) error {
		for range 40 {
			if _, err := tx.AppendEntry(crisis.Entry{Kind: crisis.KindFact, Text: "Firewall reloaded, backups isolated, ARS informed", Author: "alice"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	db.Close()
	file, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(file)
	const pageSize = 4096
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2*pageSize {
			return
		}
		// The root page, as meta page 0 names it (bbolt's layout: the
		// root bucket's page id follows four 32-bit fields).
		root := binary.LittleEndian.Uint64(data[pageHeaderSize+16:])
		w := walkPages(data, nil, pageSize, root, uint64(len(data)/pageSize))
		if len(w.problems) == 0 && root >= uint64(len(data)/pageSize) {
			t.Fatalf("a root page outside the file passed")
		}
	})
}
