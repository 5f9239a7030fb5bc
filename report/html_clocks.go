package report

import "bufio"

// htmlDeclarations mirrors mdDeclarations.
func htmlDeclarations(w *bufio.Writer, f *facts, _ Options) error {
	rows, off, err := f.declarations()
	if err != nil {
		return err
	}
	w.WriteString("<section id=\"declarations\">\n<h2>" + esc(f.t("sec.declarations")) + "</h2>\n<table>\n<tr>")
	for _, h := range f.declHeads() {
		w.WriteString("<th>" + esc(h) + "</th>")
	}
	w.WriteString("</tr>\n")
	for _, r := range rows {
		w.WriteString("<tr>")
		for _, c := range r.cells() {
			w.WriteString("<td>" + escLine(c) + "</td>")
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</table>\n")
	if len(off) > 0 {
		w.WriteString("<p><em>" + escLine(f.offNote(off)) + "</em></p>\n")
	}
	_, err = w.WriteString("</section>\n")
	return err
}
