package report

import (
	"bufio"
	"fmt"
)

// htmlChecklists mirrors mdChecklists.
func htmlChecklists(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("<section id=\"checklists\">\n<h2>Checklists run</h2>\n")
	if len(f.runs) == 0 {
		_, err := w.WriteString("<p><em>No checklist was run.</em></p>\n</section>\n")
		return err
	}
	runs, more := newest(f.runs, opt.Limit)
	if more {
		w.WriteString("<p><em>Only the newest " + itoa(opt.Limit) + " runs are shown here; the export holds them all.</em></p>\n")
	}
	for _, r := range runs {
		fmt.Fprintf(w, "<h3>Run %d: %s</h3>\n<p>%s</p>\n", r.ID, escLine(runTitle(r)), escLine(f.runStory(r)))
		w.WriteString("<table>\n<tr><th>#</th><th>Step</th><th>Done</th><th>By</th></tr>\n")
		for n, st := range r.Steps {
			when, by := f.stepCells(st, escLine)
			fmt.Fprintf(w, "<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>\n", n+1, escLine(st.Text.In(reportLang)), when, by)
		}
		unticks := f.unticks(r)
		w.WriteString("</table>\n")
		if len(unticks) > 0 {
			w.WriteString("<ul>\n")
			for _, u := range unticks {
				w.WriteString("<li>" + escLine(u) + "</li>\n")
			}
			w.WriteString("</ul>\n")
		}
	}
	_, err := w.WriteString("</section>\n")
	return err
}

// htmlHandovers mirrors mdHandovers.
func htmlHandovers(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("<section id=\"handovers\">\n<h2>Shift handovers</h2>\n")
	if len(f.handovers) == 0 {
		_, err := w.WriteString("<p><em>No shift handover was written.</em></p>\n</section>\n")
		return err
	}
	hs, more := newest(f.handovers, opt.Limit)
	if more {
		w.WriteString("<p><em>Only the newest " + itoa(opt.Limit) + " handovers are shown here; the export holds them all.</em></p>\n")
	}
	for _, h := range hs {
		fmt.Fprintf(w, "<h3>Handover %d, %s by %s</h3>\n<p>%s</p>\n<dl class=\"handover\">\n", h.ID, f.at(h.WrittenAt), escLine(h.By), escLine(f.handoverAck(h)))
		for _, p := range handoverParts(h) {
			w.WriteString("<dt>" + p[0] + "</dt><dd class=\"text\">" + esc(p[1]) + "</dd>\n")
		}
		w.WriteString("</dl>\n")
	}
	_, err := w.WriteString("</section>\n")
	return err
}
