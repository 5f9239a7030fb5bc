package report_test

import (
	"strings"
	"testing"

	"cellule/report"
)

// The register's section lists each asset with its history in both
// reports, and the HTML chronology marks when each confirmed compromise
// was found: the admin account (found compromised, since remediated) and
// the confirmed address, not the workstation whose suspicion was cleared.
func TestReportsShowTheRegister(t *testing.T) {
	svc := richRecord(t, "")
	md := string(export(t, svc, report.Markdown))
	for _, want := range []string{"## Compromised accounts and machines", "domain-admin (1): 1 remediated",
		"contained -\\> remediated", "Evidence: krbtgt reset", "suspected -\\> cleared"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	html := string(export(t, svc, report.HTML))
	for _, want := range []string{"<h2>Compromised accounts and machines</h2>", "workstation (1): 1 cleared", "Evidence: C2 beacon"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if n := strings.Count(html, `<g class="found">`); n != 2 {
		t.Errorf("the chronology marks %d compromises found, want 2", n)
	}
	if !strings.Contains(html, "asset 1, domain-admin adm-finance, compromise confirmed") || strings.Contains(html, "PC-FIN-07, compromise confirmed") {
		t.Error("the chronology's marks are not the confirmed compromises")
	}
}
