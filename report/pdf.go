package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"cellule/crisis"
)

// Browsers are the names headless Chromium goes by, in the order they are
// looked for on PATH.
var Browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// ErrNoBrowser is returned by PDF when no Chromium is installed.
var ErrNoBrowser = errors.New("--pdf needs Chromium on this machine and none was found (" + strings.Join(Browsers, ", ") +
	" on PATH; on Debian: apt-get install chromium); without --pdf the print format is an HTML page to print from any browser")

// PDFTimeout bounds one conversion: a browser that hangs must not hold
// the export, or an SSH session, for ever.
const PDFTimeout = 90 * time.Second

// ErrBrowserBusy is returned by PDF while another conversion runs.
var ErrBrowserBusy = errors.New("another PDF is being printed on this machine: try again in a minute")

// browserSlot lets one Chromium run at a time in this process: a browser
// takes hundreds of megabytes, and a responder's stolen laptop asking for
// many PDFs at once must not take the server's memory from everyone else.
var browserSlot = make(chan struct{}, 1)

// FindBrowser finds a Chromium on PATH.
func FindBrowser() (string, error) {
	for _, name := range Browsers {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// PDF prints a self-contained HTML page (the paper kit) to PDF through
// headless Chromium and writes the PDF to out. The page's own @page rules
// set the paper, the margins and the running header and footer, so
// Chromium's own header and footer are off. The browser runs with a
// throw-away profile and home in a private directory, with its network
// services off: the page fetches nothing.
func PDF(ctx context.Context, out io.Writer, page []byte) error {
	bin, err := FindBrowser()
	if err != nil {
		return err
	}
	select {
	case browserSlot <- struct{}{}:
		defer func() { <-browserSlot }()
	default:
		return ErrBrowserBusy
	}
	dir, err := os.MkdirTemp("", "cellule-pdf-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	in, pdf := filepath.Join(dir, "kit.html"), filepath.Join(dir, "kit.pdf")
	if err := os.WriteFile(in, page, 0o600); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, PDFTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+in)
	// Chromium wants a writable home for its caches; the service's user
	// may have none.
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+dir)
	cmd.Dir = dir
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	killGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("chromium did not print the PDF within %s", PDFTimeout)
		}
		return fmt.Errorf("chromium failed to print the PDF: %v: %s", err, lastLines(log.String(), 3))
	}
	f, err := os.Open(pdf)
	if err != nil {
		return fmt.Errorf("chromium wrote no PDF: %s", lastLines(log.String(), 3))
	}
	defer f.Close()
	_, err = io.Copy(out, f)
	return err
}

// lastLines keeps the end of the browser's log for an error message.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	r := []rune(strings.Join(lines, " / "))
	if len(r) > 400 {
		r = r[len(r)-400:]
	}
	return crisis.SanitizeLine(string(r))
}
