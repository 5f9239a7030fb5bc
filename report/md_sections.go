package report

import (
	"bufio"
	"fmt"
	"strconv"

	"cellule/crisis"
)

func itoa(n int) string { return strconv.Itoa(n) }

// mdContext is "context and figures": what the crisis was, how long it
// ran, what the logbook holds.
func mdContext(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("## Context and figures\n\n")
	c := f.c
	fmt.Fprintf(w, "- Crisis: %s\n", mdText(c.Name))
	if !c.OpenedAt.IsZero() {
		fmt.Fprintf(w, "- Opened: %s\n", f.at(c.OpenedAt))
	}
	if c.EndedAt != nil {
		fmt.Fprintf(w, "- Ended: %s, after %s\n", f.at(*c.EndedAt), duration(c.Duration(*c.EndedAt)))
	}
	fmt.Fprintf(w, "- Stage: %s\n", stageLabel(c.Stage))
	if c.Closed != nil {
		fmt.Fprintf(w, "- Closed: %s by %s: %s\n", f.at(c.Closed.At), mdText(c.Closed.By), mdIndented(c.Closed.Note, "  "))
	} else {
		w.WriteString("- Not closed: the record may still change.\n")
	}
	fmt.Fprintf(w, "- Logbook: %d entries", f.entries)
	if f.corrections > 0 {
		fmt.Fprintf(w, ", %d of them corrections", f.corrections)
	}
	w.WriteString("\n")
	if f.entries > 0 {
		w.WriteString("- By kind:")
		sep := " "
		for _, k := range crisis.Kinds {
			if n := f.byKind[k]; n > 0 {
				fmt.Fprintf(w, "%s%s %d", sep, kindLabel(k), n)
				sep = ", "
			}
		}
		w.WriteString("\n")
		fmt.Fprintf(w, "- The record covers %s to %s\n", f.at(f.first), f.at(f.last))
	}
	fmt.Fprintf(w, "- Participants: %d authors of entries, %d registered users\n", len(f.authors), len(f.users))
	if f.contacts > 0 {
		fmt.Fprintf(w, "- On-call directory: %s (%s)\n", plural(f.contacts, "contact"), directoryNote)
	}
	w.WriteString("\n### Stages\n\n| Stage | From | To |\n| --- | --- | --- |\n")
	for _, s := range f.stages {
		fmt.Fprintf(w, "| %s | %s | %s |\n", stageLabel(s.stage), f.at(s.from), f.at(s.to))
	}
	return nil
}

// mdChronology is every entry, oldest first.
func mdChronology(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("## Chronology\n\n")
	return mdEntries(w, f, opt, "chronology", "_The logbook is empty._")
}

// mdDecisions lists the decisions, stage changes included.
func mdDecisions(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("## Decisions\n\n")
	return mdEntries(w, f, opt, "decisions", "_No decision was logged._")
}

// mdParticipants is who wrote in the logbook and who was registered.
func mdParticipants(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("## Participants\n\n")
	ps := f.participants()
	if len(ps) == 0 {
		w.WriteString("_No one took part yet._\n")
		return nil
	}
	w.WriteString("| Participant | Role | Entries |\n| --- | --- | --- |\n")
	for _, p := range ps {
		role := "-"
		if p.role != "" {
			role = mdText(p.role)
		}
		if p.revoked {
			role += " (revoked)"
		}
		fmt.Fprintf(w, "| %s | %s | %d |\n", mdText(p.name), role, p.entries)
	}
	return nil
}

// mdTakeaways are the key takeaways the leads wrote.
func mdTakeaways(w *bufio.Writer, f *facts, _ Options) error {
	w.WriteString("## Key takeaways\n\n")
	if len(f.takeaways) == 0 {
		w.WriteString("_No takeaway has been written yet._\n")
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
	w.WriteString("## Integrity\n\n")
	if f.snap.HasHead {
		fmt.Fprintf(w, "- Audit chain head: record #%d, sha256 `%s`\n", f.snap.Head.Seq, crisis.SanitizeLine(f.snap.Head.Hash))
	} else {
		w.WriteString("- The audit chain is empty.\n")
	}
	if cl := f.c.Closed; cl != nil {
		fmt.Fprintf(w, "- At closing (entry #%d), the head was record #%d, sha256 `%s`\n", cl.Entry, cl.AuditSeq, crisis.SanitizeLine(cl.AuditHash))
	}
	w.WriteString("- `cellule verify` recomputes the chain and the stored records' digests.\n")
	return nil
}
