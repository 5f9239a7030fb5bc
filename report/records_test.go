package report_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"cellule/crisis"
	"cellule/report"
)

// The report of a record that used every part of Cellule: the spec of the
// sections the demo leaves empty (blocked and cancelled tasks, overrides,
// un-ticks, handovers). Regenerate with `go test ./report -update`.
func TestGoldenRichReport(t *testing.T) {
	golden.RequireEqual(t, export(t, richRecord(t, ""), report.Markdown))
}

// A snapshot of a record holding tasks, recovery changes and an override,
// checklist runs with ticks and un-ticks, contacts, handovers, takeaways
// and the closing imports into an empty database that exports the same
// bytes in every format, and verifies.
func TestRichRecordRoundTrip(t *testing.T) {
	orig := richRecord(t, "")
	path := filepath.Join(t.TempDir(), "snapshot.json")
	if err := os.WriteFile(path, export(t, orig, report.JSON), 0o600); err != nil {
		t.Fatal(err)
	}
	copy := newService(t, t.TempDir())
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = copy.Import(file)
	file.Close()
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	for _, f := range report.Formats {
		a, b := export(t, orig, f), export(t, copy, f)
		if !bytes.Equal(a, b) {
			t.Errorf("the %s export of the imported record differs from the original's", f)
		}
	}
	md := string(export(t, copy, report.Markdown))
	for _, want := range []string{
		"Isolate the finance VLAN", "blocked since", "waiting for clean images", // tasks
		"Gate overrides:", "analysers needed for the emergency department", "rebuilt, 12/1400", // recovery
		"Finance share encrypted (first night)", "Step 2 un-ticked", "the director did not answer", // checklists
		"Acknowledged ", "Not acknowledged.", "Quiet night", // handovers
		"Keep offline images", "Back to normal operation",
		"| Personal-data breach notification (cnil) |", "late by 8h0", "CNIL-2022-0042", "the extent was known", // declarations
		"PV 2022/1234", "early", "does not apply", "declared by the GHT",
		"adm-finance", "contained -\\> remediated", "Evidence: krbtgt reset", // the register
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the imported record's report lacks %q", want)
		}
	}
	if _, err := copy.Verify(host); err != nil {
		t.Errorf("the imported record does not verify: %v", err)
	}
}

// verify names the altered record when a task, a recovery item or a
// checklist run is changed in the database file behind the service.
func TestVerifyCatchesAlteredSmallRecords(t *testing.T) {
	cases := []struct {
		bucket, form, key, old, new, subject string
	}{
		{"tasks", "id", "1", `"status":"done"`, `"status":"cancelled"`, "task/1"},
		{"recovery_items", "text", "lab", `"state":"in-service"`, `"state":"verified"`, "recovery/item/lab"},
		{"checklist_runs", "id", "1", "the director did not answer", "the director answered", "checklist-run/1"},
		{"assets", "id", "1", `"state":"remediated"`, `"state":"cleared"`, "asset/1"},
	}
	for _, c := range cases {
		t.Run(c.subject, func(t *testing.T) {
			svc := richRecord(t, "")
			if _, err := svc.Verify(host); err != nil {
				t.Fatalf("the intact record does not verify: %v", err)
			}
			alterRaw(t, svc, c.bucket, c.form, c.key, c.old, c.new)
			_, err := svc.Verify(host)
			var ve *crisis.VerifyError
			if !errors.As(err, &ve) || ve.Subject != c.subject || !strings.Contains(ve.Reason, "does not match its digest") {
				t.Fatalf("verify after altering %s: %v", c.subject, err)
			}
		})
	}
}

// alterRaw rewrites a stored record in the database file, past every
// check: old becomes new in its bytes.
func alterRaw(t *testing.T, svc *crisis.Service, bucket, form, key, old, new string) {
	t.Helper()
	err := dbs[svc].Update(func(tx crisis.WriteTx) error {
		var value []byte
		err := tx.RawRecords(bucket, func(k string, _ bool, v []byte) error {
			if k == key {
				value = bytes.Clone(v)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if !bytes.Contains(value, []byte(old)) {
			t.Fatalf("%s %s holds no %q: %s", bucket, key, old, value)
		}
		return tx.RawPut(bucket, form, key, false, bytes.Replace(value, []byte(old), []byte(new), 1))
	})
	if err != nil {
		t.Fatal(err)
	}
}
