package e2e

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// Ten megabytes on the standard input of every command that reads it are
// refused with a sentence, save nothing, and are never held in memory:
// each command reads up to its limit and stops.
func TestTenMegabytesOnStandardInputOfEveryCommand(t *testing.T) {
	cases := []struct {
		name  string
		lead  bool
		args  []string
		check []string // a command whose output must not hold the input
		line  string   // how the input starts (the rest is filler)
	}{
		{"log", false, []string{"log"}, []string{"timeline"}, ""},
		{"handover", false, []string{"handover"}, []string{"handover", "--list"}, ""},
		{"takeaway add", true, []string{"takeaway", "add"}, []string{"takeaway", "list"}, ""},
		{"contacts import", true, []string{"contacts", "import"}, []string{"contacts"}, "name,role,organisation,phone,backup_phone,notes\n"},
		{"checklist import", true, []string{"checklist", "import"}, []string{"checklist"}, "checklist big: Big\n"},
	}
	l := newLab(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			who := l.responder
			if c.lead {
				who = l.lead
			}
			var body strings.Builder
			body.WriteString(c.line)
			for body.Len() < tenMB {
				// Lines that each command would take, were they fewer.
				switch c.name {
				case "contacts import":
					body.WriteString("xxxxxxxxxx,,,0102,,\n")
				case "checklist import":
					body.WriteString("- xxxxxxxxxx\n")
				default:
					body.WriteString("xxxxxxxxxx\n")
				}
			}
			in := body.String()

			before := totalAlloc()
			out, errOut, code := runStream(t, who, strings.NewReader(in), shellQuote(c.args))
			grew := totalAlloc() - before
			if code != 1 || !strings.Contains(errOut, "larger than") || !strings.Contains(errOut, "refused") {
				t.Fatalf("10 MB on the standard input of %s: exit %d %q %q", c.name, code, out, errOut)
			}
			// The server and the client share this process: everything
			// both allocated while the command ran is counted, and it is
			// less than the input.
			if grew >= tenMB {
				t.Errorf("%s: %d MB allocated while refusing 10 MB: the input was held in memory", c.name, grew>>20)
			}
			t.Logf("%s: %.1f MB allocated", c.name, float64(grew)/(1<<20))
			if saved := mustRun(t, l.lead, "", c.check...); strings.Contains(saved, "xxxxxxxxxx") {
				t.Errorf("%s saved part of the refused input:\n%.300s", c.name, saved)
			}
		})
	}
}

func totalAlloc() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

// runStream is runRaw with standard input streamed from r in small
// writes, as ssh sends a file, instead of one 10 MB write.
func runStream(t *testing.T, c *gossh.Client, r io.Reader, line string) (stdout, stderr string, code int) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var o, e bytes.Buffer
	sess.Stdout, sess.Stderr = &o, &e
	sess.Stdin = struct{ io.Reader }{r} // hides WriteTo: copied 32 KB at a time
	err = sess.Run(line)
	var exit *gossh.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitStatus()
	default:
		t.Fatalf("ssh %s: %v", line, err)
	}
	return o.String(), e.String(), code
}
