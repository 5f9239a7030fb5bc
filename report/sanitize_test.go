package report_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"cellule/crisis"
	"cellule/crisis/crisistest"
	"cellule/report"
)

// hostile is text that tries to act on the terminal or the page that shows
// it: escape sequences (colours, clipboard, title, screen clearing), bells,
// 8-bit controls, direction overrides and markup.
var hostile = []string{
	"\x1b[2J\x1b[31mred\x1b[0m",
	"\x1b]52;c;ZWNobyBwd25lZA==\x07clipboard",
	"\x1b]0;title\x1b\\ title",
	"\x9b31m C1 CSI \u0085 NEL",
	"bell\x07 backspace\x08 del\x7f",
	"\u202eevil\u202c \u2066isolate\u2069",
	"<script>alert(1)</script> <img src=x onerror=alert(1)> [link](http://evil) ![img](http://evil/x.png)",
	"=HYPERLINK(\"http://evil\")",
	"\x1bP dcs never terminated",
}

// Every export of a record holding hostile text carries none of it as
// something that acts: not when it came through the service (sanitised on
// write), and not when it was written into the file behind its back.
func TestExportsAreSanitised(t *testing.T) {
	svc := newService(t, t.TempDir())
	if _, err := svc.Open(host, "Crisis \x1b[5mblink"); err != nil {
		t.Fatal(err)
	}
	lead := crisistest.Register(t, svc, "alice", crisis.RoleLead)
	for _, h := range hostile {
		if _, err := svc.Log(lead, crisis.Draft{Kind: crisis.KindDecision, Text: h}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.AddTakeaway(lead, h); err != nil {
			t.Fatal(err)
		}
	}
	checkExports(t, svc, "logged through the service")

	// Now behind the service's back: raw bytes into the stored entries,
	// author and kind included (verify would flag this; exports must still
	// be harmless).
	e := crisis.Entry{ID: 1, Author: "mallory\x1b[8m", Kind: "fact\x1b[1m", Text: strings.Join(hostile, "\n")}
	raw, _ := json.Marshal(e)
	if err := rawPut(t, svc, "entries", "1", raw); err != nil {
		t.Fatal(err)
	}
	checkExports(t, svc, "written into the file")
}

func checkExports(t *testing.T, svc *crisis.Service, how string) {
	t.Helper()
	for _, f := range report.Formats {
		out := string(export(t, svc, f))
		for i, r := range out {
			if r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD") {
				t.Errorf("%s (%s): invalid UTF-8 at byte %d", f, how, i)
				break
			}
			if (r < 0x20 && r != '\n' && r != '\r') || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
				(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
				t.Errorf("%s (%s): control %U at byte %d: %q", f, how, r, i, out[max(0, i-20):min(len(out), i+20)])
				break
			}
		}
		switch f {
		case report.HTML:
			low := strings.ToLower(out)
			for _, bad := range []string{"<script", "<img", "href="} {
				if strings.Contains(low, bad) {
					t.Errorf("html (%s): holds %q", how, bad)
				}
			}
		case report.Markdown:
			if regexp.MustCompile(`[^\\]\]\(http`).MatchString(out) {
				t.Errorf("md (%s): holds a live link", how)
			}
		case report.CSV:
			if strings.Contains(out, ",=HYPERLINK") || strings.Contains(out, "\"=HYPERLINK") {
				t.Errorf("csv (%s): a cell starts with a formula", how)
			}
		}
	}
}
