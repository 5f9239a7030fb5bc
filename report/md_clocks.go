package report

import (
	"bufio"
	"strings"
)

// mdDeclarations is the declarations to the authorities (ARS, CNIL,
// police, NIS2) and how each kept its deadline.
func mdDeclarations(w *bufio.Writer, f *facts, _ Options) error {
	rows, off, err := f.declarations()
	if err != nil {
		return err
	}
	heads := f.declHeads()
	w.WriteString("## " + f.t("sec.declarations") + "\n\n")
	w.WriteString("| " + strings.Join(heads, " | ") + " |\n|" + strings.Repeat(" --- |", len(heads)) + "\n")
	for _, r := range rows {
		cells := r.cells()
		for i, c := range cells {
			cells[i] = mdCell(c)
		}
		w.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	if len(off) > 0 {
		w.WriteString("\n_" + mdCell(f.offNote(off)) + "_\n")
	}
	return nil
}
