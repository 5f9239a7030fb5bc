package report

import (
	"bufio"
	"fmt"
	"strconv"

	"cellule/crisis"
)

func itoa(n int) string { return strconv.Itoa(n) }

// mdField writes a "- Label: value" line of the context.
func mdField(w *bufio.Writer, f *facts, label, value string) {
	w.WriteString("- " + f.t(label) + f.t("colon") + value + "\n")
}

// mdContext is "context and figures": what the crisis was, how long it
// ran, what the logbook holds.
func mdContext(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("## " + f.t("sec.context") + "\n\n")
	c := f.c
	mdField(w, f, "ctx.crisis", mdText(c.Name))
	if !c.OpenedAt.IsZero() {
		mdField(w, f, "ctx.opened", f.l.long(c.OpenedAt, f.loc))
	}
	if c.EndedAt != nil {
		mdField(w, f, "ctx.ended", f.t("ctx.endedAfter", f.l.long(*c.EndedAt, f.loc), f.duration(c.Duration(*c.EndedAt))))
	}
	mdField(w, f, "ctx.stage", f.stageLabel(c.Stage))
	if c.Closed != nil {
		mdField(w, f, "ctx.closed", f.t("atBy", f.at(c.Closed.At), mdText(c.Closed.By))+f.t("colon")+mdIndented(c.Closed.Note, "  "))
	} else {
		w.WriteString("- " + f.t("ctx.notClosed") + "\n")
	}
	logbook := f.n("n.entry", int(f.entries))
	if f.corrections > 0 {
		logbook += f.n("n.correction", f.corrections)
	}
	mdField(w, f, "ctx.logbook", logbook)
	if f.entries > 0 {
		w.WriteString("- " + f.t("ctx.byKind") + f.t("colon")[:len(f.t("colon"))-1])
		sep := " "
		for _, k := range crisis.Kinds {
			if n := f.byKind[k]; n > 0 {
				fmt.Fprintf(w, "%s%s %d", sep, f.kindLabel(k), n)
				sep = ", "
			}
		}
		w.WriteString("\n")
		w.WriteString("- " + f.t("ctx.covers", f.at(f.first), f.at(f.last)) + "\n")
	}
	mdField(w, f, "ctx.participants", f.t("ctx.people", f.n("n.author", len(f.authors)), f.n("n.user", len(f.users))))
	if f.contacts > 0 {
		mdField(w, f, "ctx.directory", f.n("n.contact", f.contacts)+" ("+f.directoryNote()+")")
	}
	fmt.Fprintf(w, "\n### %s\n\n| %s | %s | %s |\n| --- | --- | --- |\n", f.t("sec.stages"), f.t("col.stage"), f.t("col.from"), f.t("col.to"))
	for _, s := range f.stages {
		fmt.Fprintf(w, "| %s | %s | %s |\n", f.stageLabel(s.stage), f.at(s.from), f.at(s.to))
	}
	return nil
}

// mdChronology is every entry, oldest first.
func mdChronology(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("## " + f.t("sec.chronology") + "\n\n")
	return mdEntries(w, f, opt, "chronology", "_"+f.t("chrono.empty")+"_")
}

// mdDecisions lists the decisions, stage changes included.
func mdDecisions(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("## " + f.t("sec.decisions") + "\n\n")
	return mdEntries(w, f, opt, "decisions", "_"+f.t("decisions.none")+"_")
}

// mdParticipants is who wrote in the logbook and who was registered.
func mdParticipants(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("## " + f.t("sec.participants") + "\n\n")
	ps := f.participants()
	if len(ps) == 0 {
		w.WriteString("_" + f.t("participants.none") + "_\n")
		return nil
	}
	fmt.Fprintf(w, "| %s | %s | %s |\n| --- | --- | --- |\n", f.t("col.participant"), f.t("col.role"), f.t("col.entries"))
	for _, p := range ps {
		role := "-"
		if p.role != "" {
			role = mdText(f.roleLabel(p.role))
		}
		if p.revoked {
			role += f.t("revoked")
		}
		fmt.Fprintf(w, "| %s | %s | %d |\n", mdText(p.name), role, p.entries)
	}
	return nil
}

// mdTakeaways are the key takeaways the leads wrote.
func mdTakeaways(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("## " + f.t("sec.takeaways") + "\n\n")
	if len(f.takeaways) == 0 {
		w.WriteString("_" + f.t("takeaways.none") + "_\n")
		return nil
	}
	for i, t := range f.takeaways {
		fmt.Fprintf(w, "%d. %s\n", i+1, mdIndented(t.Text, "   "))
	}
	return nil
}

// mdIntegrity prints the audit chain's head, and the one the closing
// recorded, so a reader can check the record against this report.
func mdIntegrity(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("## " + f.t("sec.integrity") + "\n\n")
	if f.snap.HasHead {
		w.WriteString("- " + f.t("integrity.head", f.snap.Head.Seq, "`"+crisis.SanitizeLine(f.snap.Head.Hash)+"`") + "\n")
	} else {
		w.WriteString("- " + f.t("integrity.empty") + "\n")
	}
	if cl := f.c.Closed; cl != nil {
		w.WriteString("- " + f.t("integrity.closing", cl.Entry, cl.AuditSeq, "`"+crisis.SanitizeLine(cl.AuditHash)+"`") + "\n")
	}
	w.WriteString("- " + f.t("integrity.verify", "`cellule verify`") + "\n")
	return nil
}
