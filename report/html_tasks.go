package report

import (
	"bufio"

	"cellule/crisis"
)

// htmlTasks mirrors mdTasks: the tasks by outcome, or the logged actions
// in a record without tasks.
func htmlTasks(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("<section id=\"tasks\">\n<h2>" + f.t("sec.tasks") + "</h2>\n")
	if len(f.tasks) == 0 {
		w.WriteString("<p>" + f.t("tasks.noneIntro") + "</p>\n")
		if err := htmlEntries(w, f, opt, "containment", f.t("tasks.noAction")); err != nil {
			return err
		}
		_, err := w.WriteString("</section>\n")
		return err
	}
	w.WriteString("<p>" + f.t("tasks.intro", escLine(f.tasksSummary(f.tasks))) + "</p>\n")
	tasks, more := newest(f.tasks, opt.Limit)
	if more {
		w.WriteString("<p><em>" + f.t("tasks.more", opt.Limit) + "</em></p>\n")
	}
	for _, g := range f.taskGroups(tasks) {
		if len(g.tasks) == 0 {
			continue
		}
		w.WriteString("<h3>" + g.title + "</h3>\n<ul class=\"entries tasks\">\n")
		for _, t := range g.tasks {
			htmlTask(w, f, t)
		}
		w.WriteString("</ul>\n")
	}
	_, err := w.WriteString("</section>\n")
	return err
}

func htmlTask(w *bufio.Writer, f *facts, t crisis.Task) {
	w.WriteString("<li class=\"t-" + escLine(string(t.Status)) + "\"><span class=\"when\">" + escLine(t.Title) + "</span> <span class=\"ref\">(" + escLine(f.taskTags(t)) + ")</span>")
	w.WriteString("<div>" + escLine(f.taskStory(t)) + "</div>")
	if t.Details != "" {
		w.WriteString("<div class=\"text\">" + esc(t.Details) + "</div>")
	}
	w.WriteString("</li>\n")
}
