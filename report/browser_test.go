package report_test

import (
	"context"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/report"
)

// browser finds a Chromium. CI (.ci/run) installs Debian's and sets
// CELLULE_REQUIRE_BROWSER, so there a missing browser fails the test;
// on a workstation without one it is skipped, saying how to run it.
func browser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CELLULE_REQUIRE_BROWSER") != "" {
		t.Fatal("no Chromium found, and CELLULE_REQUIRE_BROWSER is set: .ci/run installs it with apt-get install chromium")
	}
	t.Skip("no Chromium on this machine: the HTML export's browser check is skipped (apt-get install chromium, or run .ci/run)")
	return ""
}

// The HTML export, opened by a real browser with nothing but the file,
// shows the chronology: every stage band, every recovery phase band and
// the key-entry marks are on screen in their colours (the colours exist
// nowhere else on the page), in English and in French (whose longer
// labels move the marks' lanes).
func TestHTMLChronologyRendersInBrowser(t *testing.T) {
	bin := browser(t)
	svc := demo(t, true)
	for _, lang := range []string{crisis.LangEnglish, crisis.LangFrench} {
		t.Run(lang, func(t *testing.T) { chronologyOnScreen(t, bin, exportIn(t, svc, report.HTML, lang)) })
	}
}

func chronologyOnScreen(t *testing.T, bin string, html []byte) {
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, html, 0o600); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--no-first-run", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--window-size=1000,2400", "--screenshot="+shot, "file://"+page)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("chromium wrote no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"alert band":         "#f2c230",
		"qualification band": "#f08a24",
		"containment band":   "#d23f3f",
		"investigation band": "#8757c4",
		"remediation band":   "#2e9a62",
		"end-of-crisis band": "#7d8b99",
		"decision marks":     "#1f5fa8",
		// The demo's recovery: phase 1 validated (solid), the others
		// under way (pale).
		"phase 1 band (validated)":   "#0b7a75",
		"phase 2 band (in progress)": "#ecc49c",
		"phase 3 band (in progress)": "#c6dc94",
		"phase 4 band (in progress)": "#f2a9c8",
	}
	for what, colour := range want {
		if n := countColour(img, colour); n < 10 {
			t.Errorf("the %s (%s) is not on screen: %d pixels", what, colour, n)
		}
	}
}

// countColour counts the pixels of an exact colour (give or take the
// rounding of colour management).
func countColour(img image.Image, hex string) int {
	var want [3]int
	for i := range want {
		var v int
		for _, c := range hex[1+2*i : 3+2*i] {
			v *= 16
			switch {
			case c >= '0' && c <= '9':
				v += int(c - '0')
			default:
				v += int(c-'a') + 10
			}
		}
		want[i] = v
	}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(int(r>>8), want[0]) && near(int(g>>8), want[1]) && near(int(bl>>8), want[2]) {
				n++
			}
		}
	}
	return n
}

func near(a, b int) bool { return a-b <= 2 && b-a <= 2 }

// Printed by the browser, the report comes out on A4 pages (the page's
// own @page rule, with no print setting given).
func TestHTMLPrintsOnA4(t *testing.T) {
	bin := browser(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, export(t, demo(t, true), report.HTML), 0o600); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "report.pdf")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+page)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatalf("chromium printed nothing: %v", err)
	}
	boxes := regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]`).FindAllSubmatch(b, -1)
	if len(boxes) == 0 {
		t.Fatal("the PDF names no page size")
	}
	for _, m := range boxes {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		// A4 is 595 x 842 points.
		if math.Abs(w-595) > 2 || math.Abs(h-842) > 2 {
			t.Fatalf("a page is %.0f x %.0f points, not A4", w, h)
		}
	}
}
