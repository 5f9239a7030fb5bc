package report

import (
	"bufio"
	"io"
	"strings"

	"cellule/crisis"
)

// mdSection writes one section of the Markdown report.
type mdSection func(w *bufio.Writer, f *facts, opt Options) error

// mdSections are the report's sections, in the order of the seed report
// (context, chronology, containment, remediation, results, takeaways),
// with the on-call work (checklists, handovers) after the decisions.
// A feature that adds to the record adds its section here, in its place,
// as a function in md_<feature>.go, and its words to both text tables
// (text_en.go, text_fr.go, under a prefix of its own; text_fr.go says
// which seed title each section takes in French).
var mdSections = []mdSection{
	mdContext,
	mdChronology,
	mdTasks, // containment measures: the tasks, with owners and outcomes
	mdRegister,
	mdRecovery,
	mdDecisions,
	mdDeclarations,
	mdChecklists,
	mdHandovers,
	mdParticipants,
	mdResults,
	mdTakeaways,
	mdIntegrity,
}

// WriteMarkdown writes the lessons-learned report in Markdown.
func WriteMarkdown(out io.Writer, snap *crisis.Snapshot, opt Options) error {
	f, done, err := gather(snap, opt, mdItem, false)
	if err != nil {
		return err
	}
	defer done()
	w := bufio.NewWriterSize(out, 64<<10)
	w.WriteString("# " + f.t("report.title", mdText(f.c.Name)) + "\n\n")
	w.WriteString(f.t("report.generated", mdText(zoneName(f.loc, f.c.OpenedAt))) + "\n")
	for _, s := range mdSections {
		w.WriteString("\n")
		if err := s(w, f, opt); err != nil {
			return err
		}
	}
	return w.Flush()
}

// mdText makes user text safe in Markdown: sanitised, and with every
// character that Markdown would read as markup escaped, so an entry can
// neither restructure the report nor pull in a markup link or an image (a
// bare address stays text, which some viewers show as a link). Line
// breaks are kept; each line after the first is indented by indent.
func mdText(s string) string { return mdIndented(s, "") }

func mdIndented(s, indent string) string {
	s = crisis.Sanitize(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	lineStart := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' {
			b.WriteString("  \n" + indent) // a hard line break
			lineStart = true
			continue
		}
		if lineStart {
			if c == ' ' {
				b.WriteString("&#32;") // leading spaces would make a code block
				continue
			}
			// ('>' too starts a quote, but the general rule below
			// escapes it already: once is enough.)
			if strings.IndexByte("#-+=", c) >= 0 {
				b.WriteByte('\\')
			}
			if n := orderedItemDigits(s[i:]); n > 0 {
				// "12. " would start a list: escape its dot (a backslash
				// before a digit is no escape, it would show).
				b.WriteString(s[i:i+n] + "\\" + s[i+n:i+n+1])
				i += n
				lineStart = false
				continue
			}
		}
		lineStart = false
		if strings.IndexByte("\\`*_[]<>|~&!", c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// orderedItemDigits is how many digits start text such as "12. " or
// "3) " at a line's start, 0 for other text.
func orderedItemDigits(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return i
	}
	return 0
}

// mdEntry writes an entry as a list item: when, kind, author, number, then
// its text.
func mdEntry(w *bufio.Writer, f *facts, e crisis.Entry) error {
	line := "- **" + f.at(e.OccurredAt) + "** " + f.kindLabel(e.Kind) + ", " + mdText(f.by(e.Author)) + " (" + f.ref(e) + ")"
	if e.Backdated() {
		line += f.t("entry.recorded", f.at(e.RecordedAt))
	}
	_, err := w.WriteString(line + strings.TrimRight(f.t("colon"), " ") + "  \n  " + mdIndented(entryText(e, f.l), "  ") + "\n")
	return err
}

// mdEntries writes one of the entry lists (see lists.go).
func mdEntries(w *bufio.Writer, f *facts, opt Options, name, none string) error {
	more := "_" + f.t("list.more", opt.Limit) + "_\n\n"
	return listEntries(w, f, opt, name, mdItem, "", "", none+"\n", more)
}

func mdItem(w *bufio.Writer, f *facts, e crisis.Entry) error { return mdEntry(w, f, e) }
