package report_test

import (
	"bytes"
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/report"
)

// printPDF prints the paper kit of svc the way export --pdf does.
func printPDF(t *testing.T, svc *crisis.Service) []byte {
	t.Helper()
	return printPDFOf(t, []byte(printed(t, svc)))
}

// printPDFOf prints a rendered paper kit.
func printPDFOf(t *testing.T, page []byte) []byte {
	t.Helper()
	browser(t)
	var pdf bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := report.PDF(ctx, &pdf, page); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf.Bytes()[:min(pdf.Len(), 40)])
	}
	return pdf.Bytes()
}

// pdfObjects maps a PDF's object numbers to their bodies. Chromium writes
// PDF 1.4 with plain objects (no object streams), so the page tree and the
// structure tree can be read without a PDF library.
func pdfObjects(t *testing.T, pdf []byte) map[int]string {
	t.Helper()
	objs := map[int]string{}
	for _, m := range regexp.MustCompile(`(?s)(\d+) 0 obj\s*(.*?)endobj`).FindAllSubmatch(pdf, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		objs[n] = string(m[2])
	}
	if bytes.Contains(pdf, []byte("/ObjStm")) {
		t.Fatal("the PDF packs objects in streams: this reader cannot see them")
	}
	return objs
}

var (
	pageType = regexp.MustCompile(`/Type\s*/Page[^s]`)
	kidsOf   = regexp.MustCompile(`/K\s*(\[[^\]]*\]|\d+ 0 R|\d+)`)
	refs     = regexp.MustCompile(`(\d+) 0 R`)
	pageRefs = regexp.MustCompile(`/Pg\s*(\d+) 0 R`)
)

// headerRow reports a row of header cells only: Chromium repeats a
// table's header row on every page the table runs over.
func headerRow(objs map[int]string, row string) bool {
	k := kidsOf.FindStringSubmatch(row)
	if k == nil {
		return false
	}
	cells := refs.FindAllStringSubmatch(k[1], -1)
	for _, c := range cells {
		n, _ := strconv.Atoi(c[1])
		if !strings.Contains(objs[n], "/S /TH\n") {
			return false
		}
	}
	return len(cells) > 0
}

// pdfPages counts the page objects.
func pdfPages(objs map[int]string) int {
	n := 0
	for _, o := range objs {
		if pageType.MatchString(o) {
			n++
		}
	}
	return n
}

// rowPages reads the PDF's structure tree (Chromium tags its PDFs): for
// every table row but the header rows (repeated on each page), the
// pages its marked content is drawn on. A row split across two pages is
// drawn on both.
func rowPages(objs map[int]string) [][]string {
	var rows [][]string
	for _, o := range objs {
		if !strings.Contains(o, "/S /TR\n") && !strings.HasSuffix(o, "/S /TR") {
			continue
		}
		if headerRow(objs, o) {
			continue
		}
		pages := map[string]bool{}
		var walk func(body string, depth int)
		walk = func(body string, depth int) {
			for _, pg := range pageRefs.FindAllStringSubmatch(body, -1) {
				pages[pg[1]] = true
			}
			k := kidsOf.FindStringSubmatch(body)
			if k == nil || depth > 20 {
				return
			}
			for _, pg := range pageRefs.FindAllStringSubmatch(k[1], -1) {
				pages[pg[1]] = true
			}
			for _, r := range refs.FindAllStringSubmatch(pageRefs.ReplaceAllString(k[1], ""), -1) {
				n, _ := strconv.Atoi(r[1])
				walk(objs[n], depth+1)
			}
		}
		walk(o, 0)
		var list []string
		for p := range pages {
			list = append(list, p)
		}
		rows = append(rows, list)
	}
	return rows
}

// checkRowsWhole fails when a table row of the printed kit is split
// across pages, and reports on how many pages the rows lie.
func checkRowsWhole(t *testing.T, objs map[int]string) int {
	t.Helper()
	rows := rowPages(objs)
	if len(rows) == 0 {
		t.Fatal("the PDF's structure tree has no table row: is it still tagged?")
	}
	on := map[string]bool{}
	for i, pages := range rows {
		if len(pages) != 1 {
			t.Errorf("a table row (%d of %d) is split across pages %v", i+1, len(rows), pages)
		}
		for _, p := range pages {
			on[p] = true
		}
	}
	return len(on)
}

// The demo's paper kit, printed by headless Chromium, is three A4 pages
// (checklist and the start of the directory; the directory and the
// recovery plan; the rest), and no table row is cut by a page break.
func TestPrintKitPDF(t *testing.T) {
	objs := pdfObjects(t, printPDF(t, kitRecord(t)))
	if n := pdfPages(objs); n != 3 {
		t.Errorf("the demo's paper kit prints on %d pages, want 3", n)
	}
	if n := checkRowsWhole(t, objs); n < 2 {
		t.Errorf("the rows lie on %d page(s): the check saw no page break", n)
	}
}

// The French paper kit, whose words are longer, prints on as many pages
// and keeps its rows whole too.
func TestPrintKitPDFFrench(t *testing.T) {
	svc := kitRecord(t)
	var page bytes.Buffer
	err := svc.Export(host, func(s *crisis.Snapshot) error {
		return report.Write(&page, s, report.Print, report.Options{Printed: demoNow, Lang: crisis.LangFrench})
	})
	if err != nil {
		t.Fatal(err)
	}
	objs := pdfObjects(t, printPDFOf(t, page.Bytes()))
	if n := pdfPages(objs); n != 3 {
		t.Errorf("the demo's French paper kit prints on %d pages, want 3", n)
	}
	if n := checkRowsWhole(t, objs); n < 2 {
		t.Errorf("the rows lie on %d page(s): the check saw no page break", n)
	}
}

// A long directory (60 contacts, notes of up to four lines) runs over
// several pages, and still no row is cut: each moves whole to the next
// page.
func TestPrintKitLongDirectoryKeepsRowsWhole(t *testing.T) {
	svc := kitRecord(t)
	lead := crisistest.Register(t, svc, "dana", crisis.RoleLead)
	if _, err := svc.ImportContacts(lead, contactsCSV(60), false); err != nil {
		t.Fatal(err)
	}
	objs := pdfObjects(t, printPDF(t, svc))
	if n := checkRowsWhole(t, objs); n < 4 {
		t.Errorf("the rows lie on %d pages: the long directory should run over several", n)
	}
}

// fontProbe, added to a copy of the page, records every piece of text
// whose computed font size is under 9 pt (12 px), and how many it saw.
const fontProbe = `<script>
(() => {
  const small = []; let n = 0;
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const t = walk.currentNode;
    if (!t.textContent.trim()) continue;
    n++;
    const px = parseFloat(getComputedStyle(t.parentElement).fontSize);
    if (px < 12 - 0.01) small.push(px + "px: " + t.textContent.trim().slice(0, 40));
  }
  document.body.setAttribute("data-texts", n);
  document.body.setAttribute("data-small", JSON.stringify(small));
})();
</script>
`

// Every text of the paper kit is at least 9 pt, as the browser computes
// it. The kit's style has no media rule, so what the browser computes on
// screen is what it prints; the running header and footer, which are not
// in the document, are set at 9 pt in the @page rule.
func TestPrintKitTextAtLeast9pt(t *testing.T) {
	bin := browser(t)
	page := printed(t, kitRecord(t))
	if strings.Contains(page, "@media") {
		t.Fatal("the kit's style has a media rule: measure under print media instead")
	}
	for _, box := range regexp.MustCompile(`@(top|bottom)-(left|right) \{[^}]*\}`).FindAllString(page, -1) {
		if !strings.Contains(box, "font-size: 9pt") {
			t.Errorf("a running header or footer is not set at 9 pt: %s", box)
		}
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "kit.html")
	if err := os.WriteFile(file, []byte(strings.Replace(page, "</body>", fontProbe+"</body>", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--window-size=794,1123", "--dump-dom", "file://"+file)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	var dom, log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &dom, &log
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, log.String())
	}
	texts := regexp.MustCompile(`data-texts="(\d+)"`).FindStringSubmatch(dom.String())
	small := regexp.MustCompile(`data-small="([^"]*)"`).FindStringSubmatch(dom.String())
	if texts == nil || small == nil {
		t.Fatalf("the probe did not run: %s", dom.String()[:min(dom.Len(), 500)])
	}
	if n, _ := strconv.Atoi(texts[1]); n < 100 {
		t.Errorf("the probe saw only %d texts", n)
	}
	if got := html.UnescapeString(small[1]); got != "[]" {
		t.Errorf("texts under 9 pt: %s", got)
	}
}
