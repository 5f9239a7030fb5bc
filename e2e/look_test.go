package e2e

import (
	"image/color"
	"strings"
	"testing"
)

// rowOf is the screen row that holds text, or -1.
func (c *console) rowOf(text string) int {
	for y, line := range strings.Split(c.screen(), "\n") {
		if strings.Contains(line, text) {
			return y
		}
	}
	return -1
}

// bgAt is the background of the cell at x, y (nil: the terminal's own).
func (c *console) bgAt(x, y int) color.Color {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cell := c.em.CellAt(x, y); cell != nil {
		return cell.Style.Bg
	}
	return nil
}

// cellsWithBg is the text of row y's cells drawn on a background.
func (c *console) cellsWithBg(y int) (text string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var b strings.Builder
	for x := range c.em.Width() {
		if cell := c.em.CellAt(x, y); cell != nil && cell.Style.Bg != nil {
			b.WriteString(cell.Content)
			n++
		}
	}
	return b.String(), n
}

// TestSelectedRowSpansTheWidthAndColumnsAreNamed: on the task board, the
// selected task is on a background from the first column to the last,
// the others on none, and the columns have their names over them.
func TestSelectedRowSpansTheWidthAndColumnsAreNamed(t *testing.T) {
	l := newLab(t)
	for _, title := range []string{"Call the CERT", "Rebuild the domain controllers"} {
		if _, errOut, code := run(t, l.lead, "", "task", "add", title); code != 0 {
			t.Fatalf("task add: %s", errOut)
		}
	}
	con := openConsole(t, l.responder, 80, 24)
	con.waitText("T+")
	con.typeKeys("2")
	con.waitText("Assignee")
	header := con.rowOf("Assignee")
	for _, col := range []string{"#", "P", "Status", "Assignee", "Due", "Task"} {
		if !strings.Contains(strings.Split(con.screen(), "\n")[header], col) {
			t.Fatalf("the column names lack %q", col)
		}
	}
	sel := con.rowOf("#1")
	other := con.rowOf("#2")
	if sel < 0 || other < 0 || header > sel {
		t.Fatalf("the board does not show both tasks under the header:\n%s", con.screen())
	}
	con.waitFor("the selected task on a background across the width", func(string) bool {
		_, n := con.cellsWithBg(sel)
		return n == 80
	})
	if text, n := con.cellsWithBg(other); n != 0 {
		t.Fatalf("an unselected task has %d cells on a background: %q", n, text)
	}
	// Moving down moves the background with the selection.
	con.typeKeys("j")
	con.waitFor("the background on the second task", func(string) bool {
		_, n := con.cellsWithBg(other)
		_, m := con.cellsWithBg(sel)
		return n == 80 && m == 0
	})
}

// TestSearchMatchesAreHighlighted: the logbook's search marks what it
// matched, whatever the case, and nothing else.
func TestSearchMatchesAreHighlighted(t *testing.T) {
	l := newLab(t)
	for _, text := range []string{"CERT Santé called back", "Firewall reloaded, the cert store too"} {
		if _, errOut, code := run(t, l.lead, "", "log", text); code != 0 {
			t.Fatalf("log: %s", errOut)
		}
	}
	con := openConsole(t, l.viewer, 80, 24)
	con.waitText("Firewall reloaded")
	con.typeKeys("/cert\r")
	con.waitText(`search "cert"`)
	con.waitFor("the older entry's match marked", func(string) bool {
		marked, _ := con.cellsWithBg(con.rowOf("CERT Santé"))
		return marked == "CERT"
	})
	for _, text := range []string{"CERT Santé", "the cert store"} {
		y := con.rowOf(text)
		marked, _ := con.cellsWithBg(y)
		want := "CERT"
		if strings.Contains(text, "cert store") {
			want = "cert"
		}
		// The newest entry is selected: its row is on the selected
		// background too, so look for the match among the marked cells.
		if !strings.Contains(marked, want) {
			t.Fatalf("row %q: the marked cells are %q, want the match %q among them", text, marked, want)
		}
		x := strings.Index(strings.Split(con.screen(), "\n")[y], want)
		matchBg := con.bgAt(len([]rune(strings.Split(con.screen(), "\n")[y][:x])), y)
		if matchBg == nil {
			t.Fatalf("row %q: the match has no background", text)
		}
	}
	// The older row is not selected: only its match is marked.
	y := con.rowOf("CERT Santé")
	if marked, _ := con.cellsWithBg(y); marked != "CERT" {
		t.Fatalf("the unselected row marks %q, want only the match CERT", marked)
	}
}
