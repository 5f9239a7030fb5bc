package report

import (
	"bufio"
	"html"
	"io"
	"strings"

	"cellule/crisis"
)

// htmlSection writes one section of the HTML report.
type htmlSection func(w *bufio.Writer, f *facts, opt Options) error

// htmlSections mirror mdSections, with the chronology drawn as well as
// listed. A feature adds its section here, in its place, as a function in
// html_<feature>.go (and its band in the chronology, see chronology.go).
var htmlSections = []htmlSection{
	htmlContext,
	htmlChronology,
	htmlTasks,
	htmlRegister,
	htmlRecovery,
	htmlDecisions,
	htmlDeclarations,
	htmlChecklists,
	htmlHandovers,
	htmlParticipants,
	htmlResults,
	htmlTakeaways,
	htmlIntegrity,
}

// htmlStyle is the whole styling: nothing is fetched, and @page sets A4.
const htmlStyle = `
@page { size: A4; margin: 15mm 14mm; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #1d2733; }
body { max-width: 190mm; margin: 1em auto; padding: 0 1em; }
h1 { font-size: 18pt; color: #12436d; border-bottom: 2px solid #12436d; padding-bottom: 4px; }
h2 { font-size: 13pt; color: #12436d; margin-top: 1.4em; break-after: avoid; }
h3 { font-size: 11pt; break-after: avoid; }
p.meta { color: #555; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
th, td { border: 1px solid #c9d1da; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eef2f6; }
tr { break-inside: avoid; }
ul.entries { list-style: none; padding-left: 0; }
ul.entries li { margin: 0 0 0.5em; padding-left: 0.6em; border-left: 3px solid #c9d1da; break-inside: avoid; }
ul.entries li.k-decision { border-left-color: #2e6fb7; }
ul.entries li.k-action { border-left-color: #2f9e5a; }
ul.entries li.k-escalation { border-left-color: #d4572a; }
ul.entries li.k-closure { border-left-color: #555; }
ul.tasks li.t-done { border-left-color: #2f9e5a; }
ul.tasks li.t-blocked { border-left-color: #d4572a; }
ul.tasks li.t-cancelled { border-left-color: #999; }
dl.handover dt { font-weight: bold; }
dl.handover dd { margin: 0 0 0.4em 1em; }
.when { font-weight: bold; }
.ref, .by { color: #555; }
.text { white-space: pre-wrap; }
code { font-size: 9pt; word-break: break-all; }
figure.chronology { margin: 0.5em 0; break-inside: avoid; }
figure.chronology svg { width: 100%; height: auto; }
figure.chronology figcaption { color: #555; font-size: 9pt; }
`

// WriteHTML writes the lessons-learned report as one self-contained HTML
// page: no external file, font or script, readable offline and printable
// on A4.
func WriteHTML(out io.Writer, snap *crisis.Snapshot, opt Options) error {
	f, done, err := gather(snap, opt, htmlEntry, true)
	if err != nil {
		return err
	}
	defer done()
	w := bufio.NewWriterSize(out, 64<<10)
	title := f.t("report.title", f.c.Name)
	w.WriteString("<!DOCTYPE html>\n<html lang=\"" + f.l.code + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title) + "</title>\n<style>" + htmlStyle + "</style>\n</head>\n<body>\n")
	w.WriteString("<h1>" + esc(title) + "</h1>\n")
	w.WriteString("<p class=\"meta\">" + f.t("report.generated", esc(zoneName(f.loc, f.c.OpenedAt))) + "</p>\n")
	for _, s := range htmlSections {
		if err := s(w, f, opt); err != nil {
			return err
		}
	}
	w.WriteString("</body>\n</html>\n")
	return w.Flush()
}

// esc makes user text safe in HTML: sanitised (no control sequences) and
// escaped (no markup).
func esc(s string) string { return html.EscapeString(crisis.Sanitize(s)) }

// escLine is esc for one-line fields.
func escLine(s string) string { return html.EscapeString(crisis.SanitizeLine(s)) }

// htmlEntry writes an entry as a list item.
func htmlEntry(w *bufio.Writer, f *facts, e crisis.Entry) error {
	var b strings.Builder
	b.WriteString("<li class=\"k-" + escLine(string(e.Kind)) + "\"><span class=\"when\">" + f.at(e.OccurredAt) + "</span> ")
	b.WriteString(escLine(f.kindLabel(e.Kind)) + ", <span class=\"by\">" + escLine(f.by(e.Author)) + "</span> <span class=\"ref\">(" + f.ref(e) + ")")
	if e.Backdated() {
		b.WriteString(f.t("entry.recorded", f.at(e.RecordedAt)))
	}
	b.WriteString("</span><div class=\"text\">" + esc(entryText(e, f.l)) + "</div></li>\n")
	_, err := w.WriteString(b.String())
	return err
}

// htmlEntries writes one of the entry lists (see lists.go).
func htmlEntries(w *bufio.Writer, f *facts, opt Options, name, none string) error {
	more := "<p><em>" + f.t("list.more", opt.Limit) + "</em></p>\n"
	return listEntries(w, f, opt, name, htmlEntry, "<ul class=\"entries\">\n", "</ul>\n", "<p><em>"+none+"</em></p>\n", more)
}
