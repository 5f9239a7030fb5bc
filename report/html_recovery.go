package report

import (
	"bufio"
	"fmt"
)

// htmlRecovery mirrors mdRecovery.
func htmlRecovery(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("<section id=\"recovery\">\n<h2>Recovery plan</h2>\n")
	w.WriteString("<p>The information system comes back in four phases, in order; a lead validates a phase once every item of it is verified or back in service.")
	if !planStarted(f.plan) {
		fmt.Fprintf(w, " The recovery has not started: the plan's %s are all isolated.</p>\n</section>\n", plural(planItems(f.plan), "item"))
		return nil
	}
	w.WriteString("</p>\n<table>\n<tr><th>Phase</th><th>State</th><th>Progress</th><th>First change</th><th>Validated</th></tr>\n")
	for _, p := range f.plan.Phases {
		first, validated := f.phaseCells(p, escLine)
		fmt.Fprintf(w, "<tr><td>%s</td><td>%s</td><td>%d%%</td><td>%s</td><td>%s</td></tr>\n", escLine(phaseName(p)), escLine(label(phaseStateLabels, p.State)), p.Progress, first, validated)
	}
	w.WriteString("</table>\n")
	for _, p := range f.plan.Phases {
		w.WriteString("<h3>" + escLine(phaseName(p)) + "</h3>\n")
		if len(p.Items) == 0 {
			w.WriteString("<p><em>No item.</em></p>\n")
			continue
		}
		w.WriteString("<table>\n<tr><th>Item</th><th>State</th><th>Owner</th><th>Last change</th><th>Note</th></tr>\n")
		for _, it := range p.Items {
			owner, change := f.itemCells(it, escLine)
			fmt.Fprintf(w, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n", escLine(it.Name), escLine(itemState(it)), owner, change, escLine(it.Note))
		}
		overrides := f.overrides(p)
		w.WriteString("</table>\n")
		if len(overrides) > 0 {
			w.WriteString("<p>Gate overrides:</p>\n<ul>\n")
			for _, o := range overrides {
				w.WriteString("<li>" + escLine(o) + "</li>\n")
			}
			w.WriteString("</ul>\n")
		}
	}
	_, err := w.WriteString("</section>\n")
	return err
}
