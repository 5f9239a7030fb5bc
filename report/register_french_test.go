package report_test

import (
	"strings"
	"testing"

	"cellule/crisis"
	"cellule/report"
)

// The register's section reads in the report's language: its headings,
// the assets' kinds and states, their histories, and the logbook's
// sentences about them.
func TestRegisterSectionInFrench(t *testing.T) {
	svc := richRecord(t, "")
	for _, f := range []report.Format{report.Markdown, report.HTML} {
		out := string(exportIn(t, svc, f, crisis.LangFrench))
		for _, w := range []string{"Comptes et machines compromis", "Comptes", "Machines", "Indicateurs de compromission",
			"admin. de domaine", "poste de travail", "enregistré comme compromis", "Registre : élément 3, IP 203.0.113.7, enregistré comme confirmé."} {
			if !strings.Contains(out, w) {
				t.Errorf("%s in French lacks %q", f, w)
			}
		}
		for _, w := range []string{"Compromised accounts", "Indicators of compromise", "registered as", "Register: asset"} {
			if strings.Contains(out, w) {
				t.Errorf("%s in French still reads %q", f, w)
			}
		}
	}
}
