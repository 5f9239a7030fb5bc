package report

import (
	"bufio"

	"cellule/crisis"
)

// htmlTasks mirrors mdTasks: the tasks by outcome, or the logged actions
// in a record without tasks.
func htmlTasks(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("<section id=\"tasks\">\n<h2>Containment measures and tasks</h2>\n")
	if len(f.tasks) == 0 {
		w.WriteString("<p>No task was recorded; the actions logged:</p>\n")
		if err := htmlEntries(w, f, opt, "containment", "No action was logged."); err != nil {
			return err
		}
		_, err := w.WriteString("</section>\n")
		return err
	}
	w.WriteString("<p>The tasks the crisis cell handed out, by outcome, in the order they were created. " + escLine(tasksSummary(f.tasks)) + ".</p>\n")
	tasks, more := newest(f.tasks, opt.Limit)
	if more {
		w.WriteString("<p><em>Only the newest " + itoa(opt.Limit) + " tasks are shown here; the export holds them all.</em></p>\n")
	}
	for _, g := range taskGroups(tasks) {
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
	w.WriteString("<li class=\"t-" + escLine(string(t.Status)) + "\"><span class=\"when\">" + escLine(t.Title) + "</span> <span class=\"ref\">(" + escLine(taskTags(t)) + ")</span>")
	w.WriteString("<div>" + escLine(f.taskStory(t)) + "</div>")
	if t.Details != "" {
		w.WriteString("<div class=\"text\">" + esc(t.Details) + "</div>")
	}
	w.WriteString("</li>\n")
}
