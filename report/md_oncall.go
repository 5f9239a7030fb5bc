package report

import (
	"bufio"
	"fmt"

	"cellule/crisis"
)

// mdChecklists is every checklist run: who started it, how far it went,
// each step with who ticked it and when, and the un-ticks with their
// reasons (a step un-ticked keeps its last un-tick).
func mdChecklists(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("## Checklists run\n\n")
	if len(f.runs) == 0 {
		w.WriteString("_No checklist was run._\n")
		return nil
	}
	runs, more := newest(f.runs, opt.Limit)
	if more {
		w.WriteString("_Only the newest " + itoa(opt.Limit) + " runs are shown here; the export holds them all._\n\n")
	}
	for i, r := range runs {
		if i > 0 {
			w.WriteString("\n")
		}
		fmt.Fprintf(w, "### Run %d: %s\n\n%s\n\n", r.ID, mdCell(runTitle(r)), mdText(f.runStory(r)))
		w.WriteString("| # | Step | Done | By |\n| --- | --- | --- | --- |\n")
		for n, st := range r.Steps {
			when, by := f.stepCells(st, mdCell)
			fmt.Fprintf(w, "| %d | %s | %s | %s |\n", n+1, mdCell(st.Text.In(reportLang)), when, by)
		}
		unticks := f.unticks(r)
		if len(unticks) > 0 {
			w.WriteString("\n")
			for _, u := range unticks {
				w.WriteString("- " + mdText(u) + "\n")
			}
		}
	}
	return nil
}

// mdHandovers is every shift handover: its three parts, who wrote it and
// who acknowledged it.
func mdHandovers(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("## Shift handovers\n\n")
	if len(f.handovers) == 0 {
		w.WriteString("_No shift handover was written._\n")
		return nil
	}
	hs, more := newest(f.handovers, opt.Limit)
	if more {
		w.WriteString("_Only the newest " + itoa(opt.Limit) + " handovers are shown here; the export holds them all._\n\n")
	}
	for i, h := range hs {
		if i > 0 {
			w.WriteString("\n")
		}
		fmt.Fprintf(w, "### Handover %d, %s by %s\n\n%s\n\n", h.ID, f.at(h.WrittenAt), mdCell(h.By), mdText(f.handoverAck(h)))
		for _, p := range handoverParts(h) {
			w.WriteString("- " + p[0] + ": " + mdIndented(p[1], "  ") + "\n")
		}
	}
	return nil
}

// mdCell is text for a table cell: one line, with Markdown escaped (a
// '|' included).
func mdCell(s string) string { return mdText(crisis.SanitizeLine(s)) }
