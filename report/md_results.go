package report

import "bufio"

// mdResults is where the record stood at its end, in figures: the
// sections above give the detail.
func mdResults(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("## " + f.t("sec.results") + "\n\n")
	for _, l := range resultLines(f) {
		w.WriteString("- " + mdText(l) + "\n")
	}
	return nil
}
