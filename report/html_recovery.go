package report

import (
	"bufio"
	"fmt"
)

// htmlRecovery mirrors mdRecovery.
func htmlRecovery(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("<section id=\"recovery\">\n<h2>" + f.t("sec.recovery") + "</h2>\n")
	w.WriteString("<p>" + f.t("recovery.intro"))
	if !planStarted(f.plan) {
		w.WriteString(f.t("recovery.notStarted", f.n("n.item", planItems(f.plan))) + "</p>\n</section>\n")
		return nil
	}
	fmt.Fprintf(w, "</p>\n<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n", f.t("col.phase"), f.t("col.state"), f.t("col.progress"), f.t("col.firstChange"), f.t("col.validated"))
	for _, p := range f.plan.Phases {
		first, validated := f.phaseCells(p, escLine)
		fmt.Fprintf(w, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n", escLine(f.phaseName(p)), escLine(f.phaseStateLabel(p.State)), f.percent(p.Progress), first, validated)
	}
	w.WriteString("</table>\n")
	for _, p := range f.plan.Phases {
		w.WriteString("<h3>" + escLine(f.phaseName(p)) + "</h3>\n")
		if len(p.Items) == 0 {
			w.WriteString("<p><em>" + f.t("recovery.noItem") + "</em></p>\n")
			continue
		}
		fmt.Fprintf(w, "<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n", f.t("col.item"), f.t("col.state"), f.t("col.owner"), f.t("col.lastChange"), f.t("col.note"))
		for _, it := range p.Items {
			owner, change := f.itemCells(it, escLine)
			fmt.Fprintf(w, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n", escLine(it.Name), escLine(f.itemState(it)), owner, change, escLine(it.Note))
		}
		overrides := f.overrides(p)
		w.WriteString("</table>\n")
		if len(overrides) > 0 {
			w.WriteString("<p>" + f.t("recovery.overrides") + "</p>\n<ul>\n")
			for _, o := range overrides {
				w.WriteString("<li>" + escLine(o) + "</li>\n")
			}
			w.WriteString("</ul>\n")
		}
	}
	_, err := w.WriteString("</section>\n")
	return err
}
