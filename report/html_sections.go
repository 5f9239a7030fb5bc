package report

import (
	"bufio"
	"fmt"

	"cellule/crisis"
)

func htmlContext(w *bufio.Writer, f *facts, _ Options) error {
	c := f.c
	w.WriteString("<section id=\"context\">\n<h2>" + f.t("sec.context") + "</h2>\n<table>\n")
	row := func(k, v string) { w.WriteString("<tr><th>" + f.t(k) + "</th><td>" + v + "</td></tr>\n") }
	row("ctx.crisis", escLine(c.Name))
	if !c.OpenedAt.IsZero() {
		row("ctx.opened", f.l.long(c.OpenedAt, f.loc))
	}
	if c.EndedAt != nil {
		row("ctx.ended", f.t("ctx.endedAfter", f.l.long(*c.EndedAt, f.loc), f.duration(c.Duration(*c.EndedAt))))
	}
	row("ctx.stage", escLine(f.stageLabel(c.Stage)))
	if c.Closed != nil {
		row("ctx.closed", f.t("atBy", f.at(c.Closed.At), escLine(c.Closed.By))+f.t("colon")+"<span class=\"text\">"+esc(c.Closed.Note)+"</span>")
	} else {
		row("ctx.closed", f.t("ctx.notClosedYet"))
	}
	logbook := f.n("n.entry", int(f.entries))
	if f.corrections > 0 {
		logbook += f.n("n.correction", f.corrections)
	}
	row("ctx.logbook", logbook)
	if f.entries > 0 {
		kinds, sep := "", ""
		for _, k := range crisis.Kinds {
			if n := f.byKind[k]; n > 0 {
				kinds += fmt.Sprintf("%s%s %d", sep, f.kindLabel(k), n)
				sep = ", "
			}
		}
		row("ctx.byKind", kinds)
		row("ctx.coversLabel", f.t("ctx.span", f.at(f.first), f.at(f.last)))
	}
	row("ctx.participants", f.t("ctx.people", f.n("n.author", len(f.authors)), f.n("n.user", len(f.users))))
	if f.contacts > 0 {
		row("ctx.directory", f.n("n.contact", f.contacts)+" ("+f.directoryNote()+")")
	}
	fmt.Fprintf(w, "</table>\n<h3>%s</h3>\n<table>\n<tr><th>%s</th><th>%s</th><th>%s</th></tr>\n", f.t("sec.stages"), f.t("col.stage"), f.t("col.from"), f.t("col.to"))
	for _, s := range f.stages {
		fmt.Fprintf(w, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>\n", escLine(f.stageLabel(s.stage)), f.at(s.from), f.at(s.to))
	}
	_, err := w.WriteString("</table>\n</section>\n")
	return err
}

// htmlChronology draws the chronology (see chronology.go), then lists
// every entry.
func htmlChronology(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("<section id=\"chronology\">\n<h2>" + f.t("sec.chronology") + "</h2>\n")
	if err := writeChronologySVG(w, f); err != nil {
		return err
	}
	w.WriteString("<h3>" + f.t("sec.logbook") + "</h3>\n")
	if err := htmlEntries(w, f, opt, "chronology", f.t("chrono.empty")); err != nil {
		return err
	}
	_, err := w.WriteString("</section>\n")
	return err
}

func htmlDecisions(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("<section id=\"decisions\">\n<h2>" + f.t("sec.decisions") + "</h2>\n")
	if err := htmlEntries(w, f, opt, "decisions", f.t("decisions.none")); err != nil {
		return err
	}
	_, err := w.WriteString("</section>\n")
	return err
}

func htmlParticipants(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("<section id=\"participants\">\n<h2>" + f.t("sec.participants") + "</h2>\n")
	ps := f.participants()
	if len(ps) == 0 {
		_, err := w.WriteString("<p><em>" + f.t("participants.none") + "</em></p>\n</section>\n")
		return err
	}
	fmt.Fprintf(w, "<table>\n<tr><th>%s</th><th>%s</th><th>%s</th></tr>\n", f.t("col.participant"), f.t("col.role"), f.t("col.entries"))
	for _, p := range ps {
		role := "-"
		if p.role != "" {
			role = f.roleLabel(p.role)
		}
		if p.revoked {
			role += f.t("revoked")
		}
		fmt.Fprintf(w, "<tr><td>%s</td><td>%s</td><td>%d</td></tr>\n", escLine(p.name), escLine(role), p.entries)
	}
	_, err := w.WriteString("</table>\n</section>\n")
	return err
}

func htmlTakeaways(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("<section id=\"takeaways\">\n<h2>" + f.t("sec.takeaways") + "</h2>\n")
	if len(f.takeaways) == 0 {
		_, err := w.WriteString("<p><em>" + f.t("takeaways.none") + "</em></p>\n</section>\n")
		return err
	}
	w.WriteString("<ol>\n")
	for _, t := range f.takeaways {
		w.WriteString("<li class=\"text\">" + esc(t.Text) + "</li>\n")
	}
	_, err := w.WriteString("</ol>\n</section>\n")
	return err
}

func htmlIntegrity(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("<section id=\"integrity\">\n<h2>" + f.t("sec.integrity") + "</h2>\n<ul>\n")
	if f.snap.HasHead {
		w.WriteString("<li>" + f.t("integrity.head", f.snap.Head.Seq, "<code>"+escLine(f.snap.Head.Hash)+"</code>") + "</li>\n")
	} else {
		w.WriteString("<li>" + f.t("integrity.empty") + "</li>\n")
	}
	if cl := f.c.Closed; cl != nil {
		w.WriteString("<li>" + f.t("integrity.closing", cl.Entry, cl.AuditSeq, "<code>"+escLine(cl.AuditHash)+"</code>") + "</li>\n")
	}
	_, err := w.WriteString("<li>" + f.t("integrity.verify", "<code>cellule verify</code>") + "</li>\n</ul>\n</section>\n")
	return err
}
