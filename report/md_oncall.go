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
	w.WriteString("## " + f.t("sec.checklists") + "\n\n")
	if len(f.runs) == 0 {
		w.WriteString("_" + f.t("checklists.none") + "_\n")
		return nil
	}
	runs, more := newest(f.runs, opt.Limit)
	if more {
		w.WriteString("_" + f.t("checklists.more", opt.Limit) + "_\n\n")
	}
	for i, r := range runs {
		if i > 0 {
			w.WriteString("\n")
		}
		fmt.Fprintf(w, "### %s\n\n%s\n\n", f.t("checklists.run", r.ID, mdCell(f.runTitle(r))), mdText(f.runStory(r)))
		fmt.Fprintf(w, "| # | %s | %s | %s |\n| --- | --- | --- | --- |\n", f.t("col.step"), f.t("col.done"), f.t("col.by"))
		for n, st := range r.Steps {
			when, by := f.stepCells(st, mdCell)
			fmt.Fprintf(w, "| %d | %s | %s | %s |\n", n+1, mdCell(st.Text.In(f.l.code)), when, by)
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
	w.WriteString("## " + f.t("sec.handovers") + "\n\n")
	if len(f.handovers) == 0 {
		w.WriteString("_" + f.t("handovers.none") + "_\n")
		return nil
	}
	hs, more := newest(f.handovers, opt.Limit)
	if more {
		w.WriteString("_" + f.t("handovers.more", opt.Limit) + "_\n\n")
	}
	for i, h := range hs {
		if i > 0 {
			w.WriteString("\n")
		}
		fmt.Fprintf(w, "### %s\n\n%s\n\n", f.t("handovers.title", h.ID, f.at(h.WrittenAt), mdCell(h.By)), mdText(f.handoverAck(h)))
		for _, p := range f.handoverParts(h) {
			w.WriteString("- " + p[0] + f.t("colon") + mdIndented(p[1], "  ") + "\n")
		}
	}
	return nil
}

// mdCell is text for a table cell: one line, with Markdown escaped (a
// '|' included).
func mdCell(s string) string { return mdText(crisis.SanitizeLine(s)) }
