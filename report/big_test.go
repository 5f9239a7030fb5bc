package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/report"
	"cellule/store"
)

// TestMakeBigRecord writes a data directory with a million-entry logbook
// (and its audit trail) into $CELLULE_BIG_DIR, for measuring exports with
// the real binary:
//
//	CELLULE_BIG_DIR=/tmp/big go test ./report -run TestMakeBigRecord
//	/usr/bin/time -v go run . export --data /tmp/big --format csv > /dev/null
//
// Skipped unless the variable is set.
func TestMakeBigRecord(t *testing.T) {
	dir := os.Getenv("CELLULE_BIG_DIR")
	if dir == "" {
		t.Skip("set CELLULE_BIG_DIR to write a million-entry record there")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(filepath.Join(dir, "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := time.Date(2022, 8, 23, 7, 30, 0, 0, time.UTC)
	svc := crisis.NewService(db, crisis.WithClock(func() time.Time { return start }))
	if _, err := svc.Open(host, "A very long crisis"); err != nil {
		t.Fatal(err)
	}
	kinds := crisis.Kinds[:6]
	const total, batch = 1_000_000, 50_000
	for n := 0; n < total; n += batch {
		err := db.Update(func(tx crisis.WriteTx) error {
			for i := n; i < n+batch; i++ {
				at := start.Add(time.Duration(i) * 2 * time.Second)
				e, err := tx.AppendEntry(crisis.Entry{OccurredAt: at, RecordedAt: at, Author: fmt.Sprintf("responder%02d", i%40), AuthorKey: "bench",
					Kind: kinds[i%len(kinds)], Text: fmt.Sprintf("Entry %d: workstation WS-%05d re-imaged and checked, \"clean\"; ticket %d closed.", i+1, i%1400, 4000+i)})
				if err != nil {
					return err
				}
				r := crisis.AuditRecord{At: at, Actor: e.Author, Fingerprint: "bench", Action: "log", Subject: fmt.Sprintf("entry/%d", e.ID),
					Detail: fmt.Sprintf("#%d (%s)", e.ID, e.Kind), Digest: crisis.DigestOf(e)}
				if _, err := tx.AppendAudit(r); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestExportBigRecord times each export of the record in $CELLULE_BIG_DIR
// (see TestMakeBigRecord) into io.Discard, in $CELLULE_BIG_LANG (en by
// default); it reports, it asserts nothing.
func TestExportBigRecord(t *testing.T) {
	dir := os.Getenv("CELLULE_BIG_DIR")
	if dir == "" {
		t.Skip("set CELLULE_BIG_DIR to a directory made by TestMakeBigRecord")
	}
	db, err := store.Open(filepath.Join(dir, "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := crisis.NewService(db, crisis.WithLocation(time.UTC))
	for _, f := range report.Formats {
		if only := os.Getenv("CELLULE_BIG_FORMAT"); only != "" && only != string(f) {
			continue
		}
		began := time.Now()
		var n countingWriter
		err := svc.Export(host, func(s *crisis.Snapshot) error {
			return report.Write(&n, s, f, report.Options{Lang: os.Getenv("CELLULE_BIG_LANG")})
		})
		if err != nil {
			t.Fatal(err)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		t.Logf("%s: %d bytes in %v; heap in use now %d MB, total allocated %d MB", f, int64(n), time.Since(began).Round(time.Millisecond), ms.HeapInuse>>20, ms.TotalAlloc>>20)
	}
}

type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
