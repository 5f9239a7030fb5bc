package report

import (
	"bufio"
	"fmt"
)

// htmlChecklists mirrors mdChecklists.
func htmlChecklists(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("<section id=\"checklists\">\n<h2>" + f.t("sec.checklists") + "</h2>\n")
	if len(f.runs) == 0 {
		_, err := w.WriteString("<p><em>" + f.t("checklists.none") + "</em></p>\n</section>\n")
		return err
	}
	runs, more := newest(f.runs, opt.Limit)
	if more {
		w.WriteString("<p><em>" + f.t("checklists.more", opt.Limit) + "</em></p>\n")
	}
	for _, r := range runs {
		fmt.Fprintf(w, "<h3>%s</h3>\n<p>%s</p>\n", f.t("checklists.run", r.ID, escLine(f.runTitle(r))), escLine(f.runStory(r)))
		fmt.Fprintf(w, "<table>\n<tr><th>#</th><th>%s</th><th>%s</th><th>%s</th></tr>\n", f.t("col.step"), f.t("col.done"), f.t("col.by"))
		for n, st := range r.Steps {
			when, by := f.stepCells(st, escLine)
			fmt.Fprintf(w, "<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>\n", n+1, escLine(st.Text.In(f.l.code)), when, by)
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
	w.WriteString("<section id=\"handovers\">\n<h2>" + f.t("sec.handovers") + "</h2>\n")
	if len(f.handovers) == 0 {
		_, err := w.WriteString("<p><em>" + f.t("handovers.none") + "</em></p>\n</section>\n")
		return err
	}
	hs, more := newest(f.handovers, opt.Limit)
	if more {
		w.WriteString("<p><em>" + f.t("handovers.more", opt.Limit) + "</em></p>\n")
	}
	for _, h := range hs {
		fmt.Fprintf(w, "<h3>%s</h3>\n<p>%s</p>\n<dl class=\"handover\">\n", f.t("handovers.title", h.ID, f.at(h.WrittenAt), escLine(h.By)), escLine(f.handoverAck(h)))
		for _, p := range f.handoverParts(h) {
			w.WriteString("<dt>" + p[0] + "</dt><dd class=\"text\">" + esc(p[1]) + "</dd>\n")
		}
		w.WriteString("</dl>\n")
	}
	_, err := w.WriteString("</section>\n")
	return err
}
