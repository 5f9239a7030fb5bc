package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"cellule/crisis"
)

// The paper kit (export --format print): for when even the machine that
// runs Cellule may fail, one self-contained A4 page made to be printed
// and kept in the crisis binder: the out-of-hours checklist to tick by
// hand, the directory with those on duty first, the recovery plan, the
// open tasks and the audit chain's head. Unlike the lessons-learned
// report, which travels, it is an internal document: it prints the staff's
// phone numbers.

// printSection writes one part of the paper kit.
type printSection func(w *bufio.Writer, k *kit) error

var printSections = []printSection{
	printChecklist,
	printDirectory,
	printRecovery,
	printTasks,
	printAudit,
}

// kit is what the paper kit shows: the report's facts about the small
// records, the directory and when it is printed.
type kit struct {
	*facts
	dir     []crisis.Contact
	printed string
}

// printStyle: every text at least 9 pt, as a printed page is read in poor
// light; table rows are not split across pages.
const printStyle = `
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #000; }
body { margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2mm; border-bottom: 2px solid #000; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
thead { display: table-header-group; }
th, td { border: 1px solid #555; padding: 1mm 1.5mm; text-align: left; vertical-align: top; font-size: 10pt; }
th { background: #e6e6e6; }
tr { break-inside: avoid; }
td.box { width: 7mm; text-align: center; }
span.tick { display: inline-block; width: 4.5mm; height: 4.5mm; border: 1.5px solid #000; }
td.write { width: 30mm; }
.detail, .meta, .small { font-size: 9pt; }
.detail { color: #222; margin-top: 0.5mm; }
tr.duty td { font-weight: bold; }
code { font-size: 9pt; word-break: break-all; }
`

// printPage is the page's running header and footer, on every page: the
// crisis name and the time printed in @page margin boxes, which Chromium
// draws with the page counters.
const printPage = `<style>
@page {
  size: A4;
  margin: 16mm 13mm 15mm 13mm;
  @top-left { content: "Crisis: %s"; font-size: 9pt; }
  @top-right { content: "Printed %s"; font-size: 9pt; }
  @bottom-right { content: "page " counter(page) " / " counter(pages); font-size: 9pt; }
  @bottom-left { content: "Cellule paper kit: internal, holds staff phone numbers"; font-size: 9pt; }
}
</style>
`

// cssText keeps a sanitised line inside a CSS string in a style element:
// a quote or a backslash would end or bend the string, and "<" could
// close the element ("</style>"). It swaps them for look-alikes rather
// than escaping them: the page's title shows the name as it is.
var cssText = strings.NewReplacer(`"`, "”", `\`, "/", "<", "‹", ">", "›")

// WritePrint writes the paper kit as one self-contained HTML page.
func WritePrint(out io.Writer, snap *crisis.Snapshot, opt Options) error {
	f := &facts{snap: snap, c: snap.Crisis, loc: snap.Location(), entries: snap.Entries}
	if err := f.readRecords(); err != nil {
		return err
	}
	dir, err := snap.Contacts()
	if err != nil {
		return err
	}
	k := &kit{facts: f, dir: dir, printed: "at an unknown time"}
	if !opt.Printed.IsZero() {
		k.printed = f.at(opt.Printed) + " " + zoneName(f.loc, opt.Printed)
	}
	w := bufio.NewWriterSize(out, 64<<10)
	title := "Paper kit: " + f.c.Name
	w.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escLine(title) + "</title>\n<style>" + printStyle + "</style>\n")
	fmt.Fprintf(w, printPage, cssText.Replace(crisis.SanitizeLine(f.c.Name)), cssText.Replace(k.printed))
	w.WriteString("</head>\n<body>\n<h1>" + escLine(title) + "</h1>\n")
	w.WriteString("<p class=\"meta\">Printed " + escLine(k.printed) + " from the crisis record; stage " + escLine(stageLabel(f.c.Stage)) +
		". Times are " + escLine(zoneName(f.loc, f.c.OpenedAt)) + ". Internal document: it holds staff phone numbers; keep it in the crisis binder.</p>\n")
	for _, s := range printSections {
		if err := s(w, k); err != nil {
			return err
		}
	}
	w.WriteString("</body>\n</html>\n")
	return w.Flush()
}

// printChecklist is the out-of-hours checklist, blank, to tick by hand,
// with the number to call beside each step that names a contact.
func printChecklist(w *bufio.Writer, k *kit) error {
	t, err := k.snap.ChecklistTemplate(crisis.TemplateHNO)
	if err != nil {
		return err
	}
	w.WriteString("<section id=\"checklist\">\n<h2>" + escLine(t.Title.In(reportLang)) + "</h2>\n")
	w.WriteString("<p>Tick each step when done, and write the time and your initials.</p>\n")
	w.WriteString("<table class=\"checklist\">\n<thead><tr><th>Done</th><th>#</th><th>Step</th><th>Call</th><th>Time, initials</th></tr></thead>\n<tbody>\n")
	for n, st := range t.Steps {
		w.WriteString("<tr><td class=\"box\"><span class=\"tick\"></span></td><td>" + itoa(n+1) + "</td><td>" + escLine(st.Text.In(reportLang)))
		if d := st.Detail.In(reportLang); d != "" {
			w.WriteString("<div class=\"detail\">" + escLine(d) + "</div>")
		}
		w.WriteString("</td><td>" + k.callCell(st.Contact) + "</td><td class=\"write\"></td></tr>\n")
	}
	_, err = w.WriteString("</tbody>\n</table>\n</section>\n")
	return err
}

// callCell is whom a step says to call, found in the directory (HTML).
func (k *kit) callCell(ref string) string {
	if ref == "" {
		return ""
	}
	c, ok := crisis.ContactFor(ref, k.dir)
	if !ok {
		return escLine(ref) + "<div class=\"detail\">not in the directory</div>"
	}
	s := escLine(c.Name) + "<div>" + escLine(c.Phone) + "</div>"
	if c.BackupPhone != "" {
		s += "<div class=\"detail\">backup " + escLine(c.BackupPhone) + "</div>"
	}
	return s
}

// printDirectory lists the directory, those on duty first, each group in
// the directory's order.
func printDirectory(w *bufio.Writer, k *kit) error {
	w.WriteString("<section id=\"directory\">\n<h2>Directory</h2>\n")
	if len(k.dir) == 0 {
		_, err := w.WriteString("<p><em>The directory is empty.</em></p>\n</section>\n")
		return err
	}
	dir := append([]crisis.Contact(nil), k.dir...)
	sort.SliceStable(dir, func(i, j int) bool { return dir[i].OnDuty && !dir[j].OnDuty })
	onDuty := 0
	for _, c := range dir {
		if c.OnDuty {
			onDuty++
		}
	}
	w.WriteString("<p>" + plural(len(dir), "contact") + ", " + itoa(onDuty) + " on duty (listed first, in bold).</p>\n")
	w.WriteString("<table class=\"directory\">\n<thead><tr><th>On duty</th><th>Name</th><th>Role, organisation</th><th>Phone</th><th>Backup</th><th>Notes</th></tr></thead>\n<tbody>\n")
	for _, c := range dir {
		cls, duty := "", "-"
		if c.OnDuty {
			cls, duty = " class=\"duty\"", "on duty"
		}
		role := strings.TrimSuffix(strings.TrimPrefix(c.Role+", "+c.Organisation, ", "), ", ")
		fmt.Fprintf(w, "<tr%s><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"small\">%s</td></tr>\n",
			cls, duty, escLine(c.Name), escLine(role), escLine(c.Phone), escLine(c.BackupPhone), escLine(c.Notes))
	}
	_, err := w.WriteString("</tbody>\n</table>\n</section>\n")
	return err
}

// printRecovery is the recovery plan: each phase with all its items and
// their states.
func printRecovery(w *bufio.Writer, k *kit) error {
	w.WriteString("<section id=\"recovery\">\n<h2>Recovery plan</h2>\n")
	w.WriteString("<p>Four phases, in order: " + escLine(recoverySummary(k.plan)) + ".</p>\n")
	for _, p := range k.plan.Phases {
		w.WriteString("<h3>" + escLine(phaseName(p)) + ": " + escLine(label(phaseStateLabels, p.State)) + ", " + itoa(p.Progress) + "%</h3>\n")
		if len(p.Items) == 0 {
			w.WriteString("<p><em>No item.</em></p>\n")
			continue
		}
		w.WriteString("<table class=\"recovery\">\n<thead><tr><th>Item</th><th>State</th><th>Owner</th><th>Last change</th><th>Note</th></tr></thead>\n<tbody>\n")
		for _, it := range p.Items {
			owner, change := k.itemCells(it, escLine)
			fmt.Fprintf(w, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"small\">%s</td></tr>\n", escLine(it.Name), escLine(itemState(it)), owner, change, escLine(it.Note))
		}
		w.WriteString("</tbody>\n</table>\n")
	}
	_, err := w.WriteString("</section>\n")
	return err
}

// openTasks are the tasks neither done nor cancelled, the soonest due
// first, then those without a due time, by priority and number.
func openTasks(tasks []crisis.Task) []crisis.Task {
	var open []crisis.Task
	for _, t := range tasks {
		if t.Status != crisis.TaskDone && t.Status != crisis.TaskCancelled {
			open = append(open, t)
		}
	}
	sort.SliceStable(open, func(i, j int) bool {
		a, b := open[i], open[j]
		switch {
		case a.Due != nil && b.Due != nil && !a.Due.Equal(*b.Due):
			return a.Due.Before(*b.Due)
		case (a.Due == nil) != (b.Due == nil):
			return a.Due != nil
		case a.Priority != b.Priority:
			return a.Priority < b.Priority
		}
		return a.ID < b.ID
	})
	return open
}

func printTasks(w *bufio.Writer, k *kit) error {
	w.WriteString("<section id=\"tasks\">\n<h2>Open tasks</h2>\n")
	open := openTasks(k.tasks)
	if len(open) == 0 {
		_, err := w.WriteString("<p><em>No task is open.</em></p>\n</section>\n")
		return err
	}
	w.WriteString("<p>" + plural(len(open), "open task") + ", the soonest due first.</p>\n")
	w.WriteString("<table class=\"tasks\">\n<thead><tr><th>#</th><th>Task</th><th>P</th><th>Status</th><th>Owner</th><th>Due</th></tr></thead>\n<tbody>\n")
	for _, t := range open {
		owner, due := "nobody", "-"
		if t.Assignee != "" {
			owner = escLine(t.Assignee)
		}
		if t.Due != nil {
			due = k.at(*t.Due)
		}
		status := escLine(label(taskStatusLabels, t.Status))
		if t.Status == crisis.TaskBlocked && t.Reason != "" {
			status += "<div class=\"detail\">" + escLine(t.Reason) + "</div>"
		}
		fmt.Fprintf(w, "<tr><td>%d</td><td>%s</td><td>P%d</td><td>%s</td><td>%s</td><td>%s</td></tr>\n", t.ID, escLine(t.Title), t.Priority, status, owner, due)
	}
	_, err := w.WriteString("</tbody>\n</table>\n</section>\n")
	return err
}

// printAudit is the audit chain's head as printed: whoever checks the
// record later (cellule verify) can compare it with this paper.
func printAudit(w *bufio.Writer, k *kit) error {
	w.WriteString("<section id=\"audit\">\n<h2>Audit chain head</h2>\n")
	if !k.snap.HasHead {
		_, err := w.WriteString("<p><em>The audit chain is empty.</em></p>\n</section>\n")
		return err
	}
	h := k.snap.Head
	w.WriteString("<table class=\"audit\">\n<tbody>\n")
	row := func(name, v string) { w.WriteString("<tr><th>" + name + "</th><td>" + v + "</td></tr>\n") }
	row("Record", fmt.Sprintf("#%d", h.Seq))
	row("Written", k.at(h.At)+" by "+escLine(h.Actor))
	row("Change", escLine(h.Action)+" "+escLine(h.Subject))
	row("SHA-256", "<code>"+escLine(h.Hash)+"</code>")
	w.WriteString("</tbody>\n</table>\n")
	_, err := w.WriteString("<p><code>cellule verify</code> recomputes the chain: a record that holds this head, unchanged, carries this hash at this number.</p>\n</section>\n")
	return err
}
