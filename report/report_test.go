package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"cellule/crisis"
	"cellule/report"
)

// Golden exports of the closed demo crisis. Regenerate with
// `go test ./report -update` and read the files in testdata/ before
// committing them: they are the specification of each format.
func TestGoldenExports(t *testing.T) {
	svc := demo(t, true)
	for _, f := range report.Formats {
		t.Run(string(f), func(t *testing.T) {
			golden.RequireEqual(t, export(t, svc, f))
		})
	}
}

// An import of a snapshot into an empty database gives a record whose
// every export is byte for byte the original's, and which verifies.
func TestImportRoundTrip(t *testing.T) {
	for _, closed := range []bool{true, false} {
		orig := demo(t, closed)
		snap := export(t, orig, report.JSON)
		path := filepath.Join(t.TempDir(), "snapshot.json")
		if err := os.WriteFile(path, snap, 0o600); err != nil {
			t.Fatal(err)
		}
		copy := newService(t, t.TempDir())
		file, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := copy.Import(file)
		file.Close()
		if err != nil {
			t.Fatalf("import: %v", err)
		}
		if got.AuditRecords == 0 || got.Records == 0 {
			t.Fatalf("import wrote nothing: %+v", got)
		}
		for _, f := range report.Formats {
			if a, b := export(t, orig, f), export(t, copy, f); !bytes.Equal(a, b) {
				t.Errorf("closed=%v: the %s export of the imported record differs from the original's", closed, f)
			}
		}
		if _, err := copy.Verify(host); err != nil {
			t.Errorf("the imported record does not verify: %v", err)
		}
		if closed {
			continue
		}
		// The id counters came back too: the next entry follows the last.
		e, err := copy.Log(host, crisis.Draft{Text: "Written after the import"})
		if err != nil {
			t.Fatal(err)
		}
		if st, _ := orig.Status(); e.ID != st.Entries+1 {
			t.Errorf("first entry after the import is #%d, want #%d", e.ID, st.Entries+1)
		}
	}
}

// Every bad snapshot is refused with a sentence, and the target database
// stays empty.
func TestImportRefusals(t *testing.T) {
	good := string(export(t, demo(t, false), report.JSON))
	brokenChain := regexp.MustCompile(`"detail":"#3 \(info\), amends #2"`).ReplaceAllString(good, `"detail":"#3 (info)"`)
	if brokenChain == good {
		t.Fatal("the test's alteration found nothing to alter")
	}
	// The entries' counter moved after their records (JSON field order
	// means nothing to a tool that rewrites the file), or dropped: the next
	// entry added would overwrite #1.
	noCounter := regexp.MustCompile(`\{"name":"entries","sequence":(\d+),`).ReplaceAllString(good, `{"name":"entries",`)
	if noCounter == good {
		t.Fatal("the test's alteration found no entries counter")
	}
	cases := []struct{ name, text, want string }{
		{"entries counter missing", noCounter, "above its counter"},
		{"not JSON", "hello, world", "not a Cellule snapshot"},
		{"not a snapshot", `{"entries":[]}`, "not a Cellule snapshot"},
		{"timeline JSON", "[\n]\n", "not a Cellule snapshot"},
		{"unknown version", strings.Replace(good, "cellule-snapshot/1", "cellule-snapshot/9", 1), `unknown snapshot format "cellule-snapshot/9"`},
		{"newer schema", strings.Replace(good, `"schema":1`, `"schema":7`, 1), "schema version 7"},
		{"altered audit record", brokenChain, "content does not match its hash"},
		{"truncated", good[:len(good)/2], "not a Cellule snapshot"},
		{"altered entry", strings.Replace(good, "Physical backup server disconnected.", "Backup server left connected.", 1), "do not match its audit trail"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			svc := newService(t, t.TempDir())
			_, err := svc.Import(strings.NewReader(c.text))
			if err == nil || !strings.Contains(crisis.Message(err), c.want) {
				t.Fatalf("import: got %v, want a refusal saying %q", err, c.want)
			}
			assertEmpty(t, svc)
		})
	}
	t.Run("non-empty target", func(t *testing.T) {
		svc := newService(t, t.TempDir())
		if _, err := svc.Open(host, "Another crisis"); err != nil {
			t.Fatal(err)
		}
		_, err := svc.Import(strings.NewReader(good))
		if !errors.Is(err, crisis.ErrConflict) || !strings.Contains(crisis.Message(err), "not empty") {
			t.Fatalf("import into a used database: %v", err)
		}
		if st, _ := svc.Status(); st.Entries != 0 || st.Crisis.Name != "Another crisis" {
			t.Fatalf("the used database changed: %+v", st)
		}
	})
}

func assertEmpty(t *testing.T, svc *crisis.Service) {
	t.Helper()
	var b bytes.Buffer
	if err := svc.Export(host, func(s *crisis.Snapshot) error { return s.WriteJSON(&b) }); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `"value"`) || !strings.Contains(b.String(), `"audit_head":{"seq":0`) {
		t.Fatalf("the refused import wrote something:\n%s", b.String())
	}
}

// The HTML page stands alone: nothing in it makes a browser fetch
// anything, and it needs no script.
func TestHTMLHoldsNoExternalReference(t *testing.T) {
	svc := demo(t, true)
	page := strings.ToLower(string(export(t, svc, report.HTML)))
	for _, ref := range []string{"http:", "https:", "//", "src=", "href=", "url(", "@import", "<link", "<script", "<iframe", "<object", "<embed", "xlink:"} {
		if ref == "//" {
			// "//" appears in no attribute or style; check it outside text.
			if regexp.MustCompile(`=\s*"//`).MatchString(page) {
				t.Errorf("the page holds a protocol-relative reference")
			}
			continue
		}
		if strings.Contains(page, ref) {
			t.Errorf("the page holds %q", ref)
		}
	}
	for _, want := range []string{"@page", "size: a4", "<svg", "chronology of the crisis events"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// The CSV reads back with a standard reader: one row per entry, the
// columns of the timeline, multi-line text intact.
func TestCSVReadsBack(t *testing.T) {
	svc := demo(t, true)
	out := export(t, svc, report.CSV)
	if !bytes.HasPrefix(out, []byte("\ufeffid,")) {
		t.Fatalf("the CSV does not start with a BOM and the header: %q", out[:20])
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	st, _ := svc.Status()
	if uint64(len(rows)-1) != st.Entries {
		t.Fatalf("%d rows for %d entries", len(rows)-1, st.Entries)
	}
	last := rows[len(rows)-1]
	if !strings.Contains(last[5], "Crisis closed:") || !strings.Contains(last[5], "\n") || last[4] != "closure" {
		t.Fatalf("the closing entry's row: %q", last)
	}
}

// The JSON snapshot is JSON, says what it is, and names the audit head.
func TestJSONSnapshotHeader(t *testing.T) {
	svc := demo(t, true)
	var head struct {
		Format    string `json:"format"`
		AuditHead struct {
			Seq  uint64 `json:"seq"`
			Hash string `json:"hash"`
		} `json:"audit_head"`
		Buckets []struct {
			Name    string            `json:"name"`
			Records []json.RawMessage `json:"records"`
		} `json:"buckets"`
	}
	if err := json.Unmarshal(export(t, svc, report.JSON), &head); err != nil {
		t.Fatal(err)
	}
	v, err := svc.Verify(host)
	if err != nil {
		t.Fatal(err)
	}
	if head.Format != crisis.SnapshotFormat || head.AuditHead.Hash != v.Head.Hash || head.AuditHead.Seq != v.Records {
		t.Fatalf("header %+v, chain head #%d %s", head, v.Records, v.Head.Hash)
	}
}
