package report

import (
	"bufio"
	"fmt"
)

// mdRecovery is the recovery plan (the seed's remediation plan in four
// phases): each phase's state, progress, first change and validation, then
// its items and the gate overrides a lead decided.
func mdRecovery(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("## " + f.t("sec.recovery") + "\n\n")
	w.WriteString(f.t("recovery.intro"))
	if !planStarted(f.plan) {
		w.WriteString(f.t("recovery.notStarted", f.n("n.item", planItems(f.plan))) + "\n")
		return nil
	}
	fmt.Fprintf(w, "\n\n| %s | %s | %s | %s | %s |\n| --- | --- | --- | --- | --- |\n", f.t("col.phase"), f.t("col.state"), f.t("col.progress"), f.t("col.firstChange"), f.t("col.validated"))
	for _, p := range f.plan.Phases {
		first, validated := f.phaseCells(p, mdCell)
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", mdCell(f.phaseName(p)), f.phaseStateLabel(p.State), f.percent(p.Progress), first, validated)
	}
	for _, p := range f.plan.Phases {
		w.WriteString("\n### " + mdCell(f.phaseName(p)) + "\n\n")
		if len(p.Items) == 0 {
			w.WriteString("_" + f.t("recovery.noItem") + "_\n")
			continue
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n| --- | --- | --- | --- | --- |\n", f.t("col.item"), f.t("col.state"), f.t("col.owner"), f.t("col.lastChange"), f.t("col.note"))
		for _, it := range p.Items {
			owner, change := f.itemCells(it, mdCell)
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", mdCell(it.Name), mdCell(f.itemState(it)), owner, change, mdCell(it.Note))
		}
		overrides := f.overrides(p)
		if len(overrides) > 0 {
			w.WriteString("\n" + f.t("recovery.overrides") + "\n\n")
			for _, o := range overrides {
				w.WriteString("- " + mdText(o) + "\n")
			}
		}
	}
	return nil
}
