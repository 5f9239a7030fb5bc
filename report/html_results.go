package report

import "bufio"

// htmlResults mirrors mdResults.
func htmlResults(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("<section id=\"results\">\n<h2>" + f.t("sec.results") + "</h2>\n<ul>\n")
	for _, l := range resultLines(f) {
		w.WriteString("<li>" + escLine(l) + "</li>\n")
	}
	_, err := w.WriteString("</ul>\n</section>\n")
	return err
}
