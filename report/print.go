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
  @top-left { content: "%s"; font-size: 9pt; }
  @top-right { content: "%s"; font-size: 9pt; }
  @bottom-right { content: "%s" counter(page) " / " counter(pages); font-size: 9pt; }
  @bottom-left { content: "%s"; font-size: 9pt; }
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
	f := &facts{snap: snap, c: snap.Crisis, loc: snap.Location(), l: tongueOf(opt.Lang), entries: snap.Entries}
	if err := f.readRecords(); err != nil {
		return err
	}
	dir, err := snap.Contacts()
	if err != nil {
		return err
	}
	k := &kit{facts: f, dir: dir, printed: f.t("print.unknownTime")}
	if !opt.Printed.IsZero() {
		k.printed = f.t("print.when", f.at(opt.Printed), zoneName(f.loc, opt.Printed))
	}
	w := bufio.NewWriterSize(out, 64<<10)
	title := f.t("print.title", f.c.Name)
	w.WriteString("<!DOCTYPE html>\n<html lang=\"" + f.l.code + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escLine(title) + "</title>\n<style>" + printStyle + "</style>\n")
	fmt.Fprintf(w, printPage, cssText.Replace(f.t("print.headCrisis", crisis.SanitizeLine(f.c.Name))), cssText.Replace(f.t("print.headPrinted", k.printed)),
		cssText.Replace(f.t("print.headPage")), cssText.Replace(f.t("print.headFoot")))
	w.WriteString("</head>\n<body>\n<h1>" + escLine(title) + "</h1>\n")
	w.WriteString("<p class=\"meta\">" + f.t("print.meta", escLine(k.printed), escLine(f.stageLabel(f.c.Stage)), escLine(zoneName(f.loc, f.c.OpenedAt))) + "</p>\n")
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
	w.WriteString("<section id=\"checklist\">\n<h2>" + escLine(t.Title.In(k.l.code)) + "</h2>\n")
	w.WriteString("<p>" + k.t("print.tickHint") + "</p>\n")
	fmt.Fprintf(w, "<table class=\"checklist\">\n<thead><tr><th>%s</th><th>#</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n", k.t("col.done"), k.t("col.step"), k.t("col.call"), k.t("col.timeInitials"))
	for n, st := range t.Steps {
		w.WriteString("<tr><td class=\"box\"><span class=\"tick\"></span></td><td>" + itoa(n+1) + "</td><td>" + escLine(st.Text.In(k.l.code)))
		if d := st.Detail.In(k.l.code); d != "" {
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
		return escLine(ref) + "<div class=\"detail\">" + k.t("print.notInDir") + "</div>"
	}
	s := escLine(c.Name) + "<div>" + escLine(c.Phone) + "</div>"
	if c.BackupPhone != "" {
		s += "<div class=\"detail\">" + k.t("print.backup", escLine(c.BackupPhone)) + "</div>"
	}
	return s
}

// printDirectory lists the directory, those on duty first, each group in
// the directory's order.
func printDirectory(w *bufio.Writer, k *kit) error {
	w.WriteString("<section id=\"directory\">\n<h2>" + k.t("print.directory") + "</h2>\n")
	if len(k.dir) == 0 {
		_, err := w.WriteString("<p><em>" + k.t("print.dirEmpty") + "</em></p>\n</section>\n")
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
	w.WriteString("<p>" + k.t("print.dirSummary", k.n("n.contact", len(dir)), onDuty) + "</p>\n")
	fmt.Fprintf(w, "<table class=\"directory\">\n<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n", k.t("col.onDuty"), k.t("col.name"), k.t("col.roleOrg"), k.t("col.phone"), k.t("col.backup"), k.t("col.notes"))
	for _, c := range dir {
		cls, duty := "", "-"
		if c.OnDuty {
			cls, duty = " class=\"duty\"", k.t("print.onDuty")
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
	w.WriteString("<section id=\"recovery\">\n<h2>" + k.t("sec.recovery") + "</h2>\n")
	w.WriteString("<p>" + k.t("print.recoveryIntro", escLine(k.recoverySummary(k.plan))) + "</p>\n")
	for _, p := range k.plan.Phases {
		w.WriteString("<h3>" + k.t("print.phaseHead", escLine(k.phaseName(p)), escLine(k.phaseStateLabel(p.State)), p.Progress) + "</h3>\n")
		if len(p.Items) == 0 {
			w.WriteString("<p><em>" + k.t("recovery.noItem") + "</em></p>\n")
			continue
		}
		fmt.Fprintf(w, "<table class=\"recovery\">\n<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n", k.t("col.item"), k.t("col.state"), k.t("col.owner"), k.t("col.lastChange"), k.t("col.note"))
		for _, it := range p.Items {
			owner, change := k.itemCells(it, escLine)
			fmt.Fprintf(w, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"small\">%s</td></tr>\n", escLine(it.Name), escLine(k.itemState(it)), owner, change, escLine(it.Note))
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
	w.WriteString("<section id=\"tasks\">\n<h2>" + k.t("print.openTasks") + "</h2>\n")
	open := openTasks(k.tasks)
	if len(open) == 0 {
		_, err := w.WriteString("<p><em>" + k.t("print.noOpenTask") + "</em></p>\n</section>\n")
		return err
	}
	w.WriteString("<p>" + k.t("print.tasksSummary", k.n("n.openTask", len(open))) + "</p>\n")
	fmt.Fprintf(w, "<table class=\"tasks\">\n<thead><tr><th>#</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n", k.t("col.task"), k.t("col.priority"), k.t("col.status"), k.t("col.owner"), k.t("col.due"))
	for _, t := range open {
		owner, due := k.t("nobody"), "-"
		if t.Assignee != "" {
			owner = escLine(t.Assignee)
		}
		if t.Due != nil {
			due = k.at(*t.Due)
		}
		status := escLine(k.statusLabel(t.Status))
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
	w.WriteString("<section id=\"audit\">\n<h2>" + k.t("print.audit") + "</h2>\n")
	if !k.snap.HasHead {
		_, err := w.WriteString("<p><em>" + k.t("integrity.empty") + "</em></p>\n</section>\n")
		return err
	}
	h := k.snap.Head
	w.WriteString("<table class=\"audit\">\n<tbody>\n")
	row := func(name, v string) { w.WriteString("<tr><th>" + k.t(name) + "</th><td>" + v + "</td></tr>\n") }
	row("col.record", fmt.Sprintf("#%d", h.Seq))
	row("col.written", k.t("atBy", k.at(h.At), escLine(h.Actor)))
	row("col.change", k.t("print.change", escLine(h.Action)+" "+escLine(h.Subject)))
	row("col.sha256", "<code>"+escLine(h.Hash)+"</code>")
	w.WriteString("</tbody>\n</table>\n")
	_, err := w.WriteString("<p>" + k.t("print.auditVerify", "<code>cellule verify</code>") + "</p>\n</section>\n")
	return err
}
