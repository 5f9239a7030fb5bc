package report

import (
	"bufio"
	"fmt"
)

// mdRecovery is the recovery plan (the seed's remediation plan in four
// phases): each phase's state, progress, first change and validation, then
// its items and the gate overrides a lead decided.
func mdRecovery(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("## Recovery plan\n\n")
	w.WriteString("The information system comes back in four phases, in order; a lead validates a phase once every item of it is verified or back in service.")
	if !planStarted(f.plan) {
		fmt.Fprintf(w, " The recovery has not started: the plan's %s are all isolated.\n", plural(planItems(f.plan), "item"))
		return nil
	}
	w.WriteString("\n\n| Phase | State | Progress | First change | Validated |\n| --- | --- | --- | --- | --- |\n")
	for _, p := range f.plan.Phases {
		first, validated := f.phaseCells(p, mdCell)
		fmt.Fprintf(w, "| %s | %s | %d%% | %s | %s |\n", mdCell(phaseName(p)), label(phaseStateLabels, p.State), p.Progress, first, validated)
	}
	for _, p := range f.plan.Phases {
		w.WriteString("\n### " + mdCell(phaseName(p)) + "\n\n")
		if len(p.Items) == 0 {
			w.WriteString("_No item._\n")
			continue
		}
		w.WriteString("| Item | State | Owner | Last change | Note |\n| --- | --- | --- | --- | --- |\n")
		for _, it := range p.Items {
			owner, change := f.itemCells(it, mdCell)
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", mdCell(it.Name), mdCell(itemState(it)), owner, change, mdCell(it.Note))
		}
		overrides := f.overrides(p)
		if len(overrides) > 0 {
			w.WriteString("\nGate overrides:\n\n")
			for _, o := range overrides {
				w.WriteString("- " + mdText(o) + "\n")
			}
		}
	}
	return nil
}
