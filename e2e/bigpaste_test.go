package e2e

import (
	"strings"
	"testing"
)

const tenMB = 10 << 20

func TestTenMegabytePasteIntoAFormIsRefused(t *testing.T) {
	l := newLab(t)
	con := openConsole(t, l.responder, 80, 24)
	con.waitText("Timeline")
	con.typeKeys("n")
	con.waitText("Happened at")
	// A terminal wraps a paste in bracketed-paste markers.
	con.typeKeys("\x1b[200~" + strings.Repeat("0123456789abcdef", tenMB/16) + "\x1b[201~")
	screen := con.waitText("Paste refused")
	if strings.Contains(screen, "0123456789") {
		t.Errorf("part of the refused paste reached the form:\n%s", screen)
	}
	// The form is still open and works.
	con.typeKeys("Short entry after the refused paste")
	con.typeKeys("\x13")
	con.waitText("Saved as #")
	out, _, _ := run(t, l.lead, "", "timeline")
	if !strings.Contains(out, "Short entry after the refused paste") || strings.Contains(out, "0123456789abcdef0123") {
		t.Errorf("timeline after the paste:\n%s", out)
	}
}

// Ten megabytes on a command's standard input: see bigstdin_test.go.
