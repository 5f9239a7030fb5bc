package report

import (
	"bufio"

	"cellule/crisis"
)

// mdTasks is the containment measures: the tasks the cell handed out, by
// outcome, each with its owner, priority, phase, due and done times. The
// tasks are the measures (the seed's "mesures de confinement" are the
// demo's first tasks) and the rest of the work alike, so one section holds
// them all rather than saying twice what was done. A record without tasks
// (a crisis run on the logbook alone) lists its logged actions instead;
// with tasks, those actions are in the chronology already.
func mdTasks(w *bufio.Writer, f *facts, opt Options) error {
	w.WriteString("## " + f.t("sec.tasks") + "\n\n")
	if len(f.tasks) == 0 {
		w.WriteString(f.t("tasks.noneIntro") + "\n\n")
		return mdEntries(w, f, opt, "containment", "_"+f.t("tasks.noAction")+"_")
	}
	w.WriteString(f.t("tasks.intro", mdText(f.tasksSummary(f.tasks))) + "\n")
	tasks, more := newest(f.tasks, opt.Limit)
	if more {
		w.WriteString("\n_" + f.t("tasks.more", opt.Limit) + "_\n")
	}
	for _, g := range f.taskGroups(tasks) {
		if len(g.tasks) == 0 {
			continue
		}
		w.WriteString("\n### " + g.title + "\n\n")
		for _, t := range g.tasks {
			mdTask(w, f, t)
		}
	}
	return nil
}

func mdTask(w *bufio.Writer, f *facts, t crisis.Task) {
	w.WriteString("- **" + mdText(crisis.SanitizeLine(t.Title)) + "** (" + mdText(f.taskTags(t)) + ")  \n  " + mdText(f.taskStory(t)))
	if t.Details != "" {
		w.WriteString("  \n  " + mdIndented(t.Details, "  "))
	}
	w.WriteString("\n")
}
