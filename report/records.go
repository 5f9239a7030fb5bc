package report

import (
	"fmt"
	"strings"
	"time"

	"cellule/crisis"
)

// The small records (tasks, the recovery plan, checklist runs, handovers)
// are read whole, before the logbook's one pass: their number depends on
// what people did, not on the logbook's length. This file holds what the
// Markdown and HTML sections share about them: labels, outcomes, and the
// dates a phase spans. Every string here is plain text; each format
// escapes it where it writes it.

// readRecords reads the small records of the snapshot.
func (f *facts) readRecords() error {
	var err error
	if f.tasks, err = f.snap.Tasks(); err != nil {
		return err
	}
	if f.plan, err = f.snap.Recovery(); err != nil {
		return err
	}
	if f.runs, err = f.snap.ChecklistRuns(); err != nil {
		return err
	}
	if f.handovers, err = f.snap.Handovers(); err != nil {
		return err
	}
	if f.assets, err = f.snap.Assets(); err != nil {
		return err
	}
	contacts, err := f.snap.Contacts()
	f.contacts = len(contacts)
	return err
}

// at formats a time in the report's zone.
func (f *facts) at(t time.Time) string { return f.l.at(t, f.loc) }

// newest keeps the last n of list (all when n is 0), for a preview; more
// reports that some were left out.
func newest[T any](list []T, n int) (kept []T, more bool) {
	if n > 0 && len(list) > n {
		return list[len(list)-n:], true
	}
	return list, false
}

// The domain's codes in the report's language; a code this version does
// not know (from a newer record) shows as itself, sanitised.
func (f *facts) statusLabel(st crisis.TaskStatus) string { return f.l.label("status", string(st)) }

func (f *facts) itemStateLabel(st crisis.ItemState) string { return f.l.label("state", string(st)) }

func (f *facts) phaseStateLabel(st crisis.PhaseState) string {
	return f.l.label("phaseState", string(st))
}

func (f *facts) roleLabel(r string) string { return f.l.label("role", r) }

// taskGroup is the tasks of one outcome, as the report groups them.
type taskGroup struct {
	title string
	tasks []crisis.Task
}

// taskGroups sorts tasks by outcome (done, still open, cancelled), each
// group in the order the tasks were created.
func (f *facts) taskGroups(tasks []crisis.Task) []taskGroup {
	groups := []taskGroup{{title: f.t("group.done")}, {title: f.t("group.open")}, {title: f.t("group.cancelled")}}
	for _, t := range tasks {
		switch {
		case t.Status == crisis.TaskDone:
			groups[0].tasks = append(groups[0].tasks, t)
		case t.Status == crisis.TaskCancelled:
			groups[2].tasks = append(groups[2].tasks, t)
		default:
			groups[1].tasks = append(groups[1].tasks, t)
		}
	}
	return groups
}

// taskTags are a task's number, priority and recovery phase.
func (f *facts) taskTags(t crisis.Task) string {
	s := f.t("tags.task", t.ID, t.Priority)
	if t.Phase >= 1 && t.Phase <= crisis.PhaseCount {
		s += f.t("tags.phase", t.Phase, f.t("phase."+itoa(t.Phase)))
	}
	return s
}

// taskStory is who had the task, when it was given, its due time and how
// it ended. A task keeps the time of its last change, which is when it was
// done or cancelled unless it was edited afterwards.
func (f *facts) taskStory(t crisis.Task) string {
	owner := f.t("nobody")
	if t.Assignee != "" {
		owner = crisis.SanitizeLine(t.Assignee)
	}
	s := f.t("story.created", owner, f.at(t.CreatedAt), crisis.SanitizeLine(t.CreatedBy))
	if t.Due != nil {
		s += f.t("story.due", f.at(*t.Due))
	}
	switch t.Status {
	case crisis.TaskDone:
		s += f.t("story.done", f.at(t.UpdatedAt))
		if t.Due != nil {
			if late := t.UpdatedAt.Sub(*t.Due); late >= time.Minute {
				s += f.t("story.late", f.duration(late))
			} else {
				s += f.t("story.onTime")
			}
		}
	case crisis.TaskCancelled:
		s += f.t("story.cancelled", f.at(t.UpdatedAt))
	case crisis.TaskBlocked:
		s += f.t("story.blocked", f.at(t.UpdatedAt))
		if t.Reason != "" {
			s += f.t("colon") + crisis.SanitizeLine(t.Reason)
		}
	default:
		s += f.t("story.other", f.statusLabel(t.Status), f.at(t.UpdatedAt))
	}
	return s + "."
}

// tasksSummary counts the tasks by outcome.
func (f *facts) tasksSummary(tasks []crisis.Task) string {
	var done, late, open, cancelled int
	for _, t := range tasks {
		switch t.Status {
		case crisis.TaskDone:
			done++
			if t.Due != nil && t.UpdatedAt.Sub(*t.Due) >= time.Minute {
				late++
			}
		case crisis.TaskCancelled:
			cancelled++
		default:
			open++
		}
	}
	s := f.t("summary.done", f.n("n.task", len(tasks)), f.n("n.done", done))
	if late > 0 {
		s += f.n("n.late", late)
	}
	return s + f.t("summary.rest", f.n("n.stillOpen", open), f.n("n.cancelled", cancelled))
}

// phaseName is "Phase 1: Core infrastructure".
func (f *facts) phaseName(p crisis.PhaseView) string {
	return f.t("phase.name", p.Number, f.phaseTitle(p))
}

// phaseTitle is a phase's name: the built-in names in the report's
// language, a name from elsewhere (a newer record) as it is.
func (f *facts) phaseTitle(p crisis.PhaseView) string {
	if p.Number >= 1 && p.Number <= crisis.PhaseCount && p.Name == crisis.PhaseNames[p.Number-1] {
		return f.t("phase." + itoa(p.Number))
	}
	return crisis.SanitizeLine(p.Name)
}

// phaseStart is the earliest change recorded on a phase's items (a state
// change or a gate override); ok is false before any. An item keeps only
// its last change, so this is the earliest of the items' last changes:
// exact while each item changed once, later than the true start otherwise.
func phaseStart(p crisis.PhaseView) (time.Time, bool) {
	var first time.Time
	for _, it := range p.Items {
		for _, t := range []time.Time{it.UpdatedAt, overrideAt(it)} {
			if !t.IsZero() && (first.IsZero() || t.Before(first)) {
				first = t
			}
		}
	}
	if p.ValidatedAt != nil && (first.IsZero() || p.ValidatedAt.Before(first)) {
		first = *p.ValidatedAt
	}
	return first, !first.IsZero()
}

func overrideAt(it crisis.RecoveryItem) time.Time {
	if it.Override == nil {
		return time.Time{}
	}
	return it.Override.At
}

// planStarted reports whether anything happened in the plan yet.
func planStarted(plan crisis.RecoveryPlan) bool {
	for _, p := range plan.Phases {
		if _, ok := phaseStart(p); ok {
			return true
		}
	}
	return false
}

// planItems counts the plan's items.
func planItems(plan crisis.RecoveryPlan) int {
	n := 0
	for _, p := range plan.Phases {
		n += len(p.Items)
	}
	return n
}

// itemState is an item's state, with its count for a group: "verified,
// 32/50".
func (f *facts) itemState(it crisis.RecoveryItem) string {
	s := f.itemStateLabel(it.State)
	if it.IsGroup() {
		s += fmt.Sprintf(", %d/%d", it.Count, it.Total)
	}
	return s
}

// itemChange is the item's last change: "2022-09-14 09:00 by DSI", or "-".
func (f *facts) itemChange(it crisis.RecoveryItem) string {
	if it.UpdatedAt.IsZero() {
		return "-"
	}
	s := f.at(it.UpdatedAt)
	if it.UpdatedBy != "" {
		s += f.t("item.by", crisis.SanitizeLine(it.UpdatedBy))
	}
	return s
}

// overrideText tells a gate override.
func (f *facts) overrideText(it crisis.RecoveryItem) string {
	o := it.Override
	return f.t("recovery.override",
		crisis.SanitizeLine(it.Name), f.at(o.At), crisis.SanitizeLine(o.By), o.Entry, crisis.SanitizeLine(o.Reason))
}

// recoverySummary is where each phase stands, in one line.
func (f *facts) recoverySummary(plan crisis.RecoveryPlan) string {
	parts := make([]string, 0, len(plan.Phases))
	for _, p := range plan.Phases {
		parts = append(parts, f.t("recovery.phase", p.Number, f.phaseStateLabel(p.State), p.Progress))
	}
	return strings.Join(parts, f.t("list.sep"))
}

// runTitle is how a run is named: "Out-of-hours on-call — suspected
// compromise (night of 12 September)".
func (f *facts) runTitle(r crisis.ChecklistRun) string { return crisis.SanitizeLine(r.Name(f.l.code)) }

// runStory is who started the run and how far it went.
func (f *facts) runStory(r crisis.ChecklistRun) string {
	done, total := r.Progress()
	s := f.t("run.story", crisis.SanitizeLine(r.Template), f.at(r.StartedAt), crisis.SanitizeLine(r.StartedBy), done, total, f.n("n.stepDone", done))
	switch {
	case total > 0 && done == total:
		s += f.t("run.complete")
	case total > 0:
		s += f.t("run.next", r.Next())
	}
	return s + "."
}

// untickText tells a step's last un-tick.
func (f *facts) untickText(n int, st crisis.RunStep) string {
	s := f.t("run.untick", n, f.at(*st.UndoneAt), crisis.SanitizeLine(st.UndoneBy), crisis.SanitizeLine(st.UndoReason))
	if st.Done() {
		s += f.t("run.tickedAgain")
	}
	return s
}

// runsSummary counts the runs and how many are complete.
func (f *facts) runsSummary(runs []crisis.ChecklistRun) string {
	complete := 0
	for _, r := range runs {
		if r.Complete() {
			complete++
		}
	}
	return f.t("runs.summary", f.n("n.run", len(runs)), f.n("n.complete", complete))
}

// handoverAck tells whether and when the next shift read a handover.
func (f *facts) handoverAck(h crisis.Handover) string {
	if !h.Acked() {
		return f.t("handover.notAcked")
	}
	return f.t("handover.acked", f.at(*h.AckedAt), crisis.SanitizeLine(h.AckedBy))
}

// handoverParts are a handover's three parts, those written.
func (f *facts) handoverParts(h crisis.Handover) [][2]string {
	var out [][2]string
	for _, p := range [][2]string{{f.t("handover.situation"), h.Situation}, {f.t("handover.open"), h.OpenItems}, {f.t("handover.next"), h.NextSteps}} {
		if strings.TrimSpace(p[1]) != "" {
			out = append(out, p)
		}
	}
	return out
}

// handoversSummary counts the handovers and those awaiting their reader.
func (f *facts) handoversSummary(hs []crisis.Handover) string {
	pending := 0
	for _, h := range hs {
		if !h.Acked() {
			pending++
		}
	}
	if len(hs) == 0 {
		return f.t("handovers.nothing")
	}
	if pending == 0 {
		return f.t("handovers.allAcked", f.n("n.handover", len(hs)))
	}
	return f.t("handovers.pending", f.n("n.handover", len(hs)), f.n("n.notAcked", pending))
}

// resultLines are the Results section's lines: how the work ended.
func resultLines(f *facts) []string {
	var out []string
	if len(f.tasks) == 0 {
		out = append(out, f.t("results.noTask"))
	} else {
		out = append(out, f.tasksSummary(f.tasks)+".")
	}
	if planStarted(f.plan) {
		out = append(out, f.t("results.recovery", f.recoverySummary(f.plan)))
	} else {
		out = append(out, f.t("results.notStarted"))
	}
	if len(f.runs) == 0 {
		out = append(out, f.t("checklists.none"))
	} else {
		out = append(out, f.runsSummary(f.runs)+".")
	}
	return append(out, upperFirst(f.handoversSummary(f.handovers))+".")
}

// upperFirst capitalises a sentence's first letter, accented or not.
func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// directoryNote says why the reports do not list the on-call directory:
// a lessons-learned report travels (CNIL, insurer, police, other
// hospitals), and the staff's personal phone numbers teach nothing there.
// The JSON snapshot, the evidence, keeps them.
func (f *facts) directoryNote() string { return f.t("directoryNote") }

// The tables' cells below are shared by the Markdown and HTML sections:
// cell escapes user text for the format; the placeholders ("-", "not
// done") and the times are written as they are.

// phaseCells are a phase's first change and its validation.
func (f *facts) phaseCells(p crisis.PhaseView, cell func(string) string) (first, validated string) {
	first, validated = "-", "-"
	if t, ok := phaseStart(p); ok {
		first = f.at(t)
	}
	if p.ValidatedAt != nil {
		validated = f.t("atBy", f.at(*p.ValidatedAt), cell(p.ValidatedBy))
	}
	return first, validated
}

// itemCells are an item's owner and last change.
func (f *facts) itemCells(it crisis.RecoveryItem, cell func(string) string) (owner, change string) {
	owner, change = "-", "-"
	if it.Owner != "" {
		owner = cell(it.Owner)
	}
	if !it.UpdatedAt.IsZero() {
		change = cell(f.itemChange(it))
	}
	return owner, change
}

// overrides tells the gate overrides of a phase's items, in their order.
func (f *facts) overrides(p crisis.PhaseView) []string {
	var out []string
	for _, it := range p.Items {
		if it.Override != nil {
			out = append(out, f.overrideText(it))
		}
	}
	return out
}

// stepCells are when a run's step was done and by whom.
func (f *facts) stepCells(st crisis.RunStep, cell func(string) string) (when, by string) {
	if !st.Done() {
		return f.t("step.notDone"), "-"
	}
	return f.at(*st.DoneAt), cell(st.DoneBy)
}

// unticks tells the last un-tick of each step of a run that has one.
func (f *facts) unticks(r crisis.ChecklistRun) []string {
	var out []string
	for n, st := range r.Steps {
		if st.UndoneAt != nil {
			out = append(out, f.untickText(n+1, st))
		}
	}
	return out
}
