package report

import (
	"bufio"
	"fmt"

	"cellule/crisis"
)

func htmlContext(w *bufio.Writer, f *facts, _ Options) error {
	c := f.c
	w.WriteString("<section id=\"context\">\n<h2>Context and figures</h2>\n<table>\n")
	row := func(k, v string) { w.WriteString("<tr><th>" + k + "</th><td>" + v + "</td></tr>\n") }
	row("Crisis", escLine(c.Name))
	if !c.OpenedAt.IsZero() {
		row("Opened", f.at(c.OpenedAt))
	}
	if c.EndedAt != nil {
		row("Ended", f.at(*c.EndedAt)+", after "+duration(c.Duration(*c.EndedAt)))
	}
	row("Stage", escLine(stageLabel(c.Stage)))
	if c.Closed != nil {
		row("Closed", f.at(c.Closed.At)+" by "+escLine(c.Closed.By)+": <span class=\"text\">"+esc(c.Closed.Note)+"</span>")
	} else {
		row("Closed", "not yet: the record may still change")
	}
	logbook := fmt.Sprintf("%d entries", f.entries)
	if f.corrections > 0 {
		logbook += fmt.Sprintf(", %d of them corrections", f.corrections)
	}
	row("Logbook", logbook)
	if f.entries > 0 {
		kinds, sep := "", ""
		for _, k := range crisis.Kinds {
			if n := f.byKind[k]; n > 0 {
				kinds += fmt.Sprintf("%s%s %d", sep, kindLabel(k), n)
				sep = ", "
			}
		}
		row("By kind", kinds)
		row("Record covers", f.at(f.first)+" to "+f.at(f.last))
	}
	row("Participants", fmt.Sprintf("%d authors of entries, %d registered users", len(f.authors), len(f.users)))
	if f.contacts > 0 {
		row("On-call directory", plural(f.contacts, "contact")+" ("+directoryNote+")")
	}
	w.WriteString("</table>\n<h3>Stages</h3>\n<table>\n<tr><th>Stage</th><th>From</th><th>To</th></tr>\n")
	for _, s := range f.stages {
		fmt.Fprintf(w, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>\n", escLine(stageLabel(s.stage)), f.at(s.from), f.at(s.to))
	}
	_, err := w.WriteString("</table>\n</section>\n")
	return err
}

// htmlChronology draws the chronology (see chronology.go), then lists
// every entry.
func htmlChronology(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("<section id=\"chronology\">\n<h2>Chronology</h2>\n")
	if err := writeChronologySVG(w, f); err != nil {
		return err
	}
	w.WriteString("<h3>Logbook</h3>\n")
	if err := htmlEntries(w, f, opt, "chronology", "The logbook is empty."); err != nil {
		return err
	}
	_, err := w.WriteString("</section>\n")
	return err
}

func htmlDecisions(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("<section id=\"decisions\">\n<h2>Decisions</h2>\n")
	if err := htmlEntries(w, f, opt, "decisions", "No decision was logged."); err != nil {
		return err
	}
	_, err := w.WriteString("</section>\n")
	return err
}

func htmlParticipants(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("<section id=\"participants\">\n<h2>Participants</h2>\n")
	ps := f.participants()
	if len(ps) == 0 {
		_, err := w.WriteString("<p><em>No one took part yet.</em></p>\n</section>\n")
		return err
	}
	w.WriteString("<table>\n<tr><th>Participant</th><th>Role</th><th>Entries</th></tr>\n")
	for _, p := range ps {
		role := p.role
		if role == "" {
			role = "-"
		}
		if p.revoked {
			role += " (revoked)"
		}
		fmt.Fprintf(w, "<tr><td>%s</td><td>%s</td><td>%d</td></tr>\n", escLine(p.name), escLine(role), p.entries)
	}
	_, err := w.WriteString("</table>\n</section>\n")
	return err
}

func htmlTakeaways(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("<section id=\"takeaways\">\n<h2>Key takeaways</h2>\n")
	if len(f.takeaways) == 0 {
		_, err := w.WriteString("<p><em>No takeaway has been written yet.</em></p>\n</section>\n")
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
	w.WriteString("<section id=\"integrity\">\n<h2>Integrity</h2>\n<ul>\n")
	if f.snap.HasHead {
		fmt.Fprintf(w, "<li>Audit chain head: record #%d, sha256 <code>%s</code></li>\n", f.snap.Head.Seq, escLine(f.snap.Head.Hash))
	} else {
		w.WriteString("<li>The audit chain is empty.</li>\n")
	}
	if cl := f.c.Closed; cl != nil {
		fmt.Fprintf(w, "<li>At closing (entry #%d), the head was record #%d, sha256 <code>%s</code></li>\n", cl.Entry, cl.AuditSeq, escLine(cl.AuditHash))
	}
	_, err := w.WriteString("<li><code>cellule verify</code> recomputes the chain and the stored records' digests.</li>\n</ul>\n</section>\n")
	return err
}
