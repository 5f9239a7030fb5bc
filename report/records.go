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

// reportLang is the language of the reports' built-in texts (checklist
// steps and titles exist in English and French).
const reportLang = crisis.LangEnglish

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
func (f *facts) at(t time.Time) string { return t.In(f.loc).Format(dayTime) }

// newest keeps the last n of list (all when n is 0), for a preview; more
// reports that some were left out.
func newest[T any](list []T, n int) (kept []T, more bool) {
	if n > 0 && len(list) > n {
		return list[len(list)-n:], true
	}
	return list, false
}

var (
	taskStatusLabels = map[crisis.TaskStatus]string{
		crisis.TaskTodo:       "to do",
		crisis.TaskInProgress: "in progress",
		crisis.TaskBlocked:    "blocked",
		crisis.TaskDone:       "done",
		crisis.TaskCancelled:  "cancelled",
	}
	itemStateLabels = map[crisis.ItemState]string{
		crisis.StateIsolated:      "isolated",
		crisis.StateInvestigating: "investigating",
		crisis.StateCleaned:       "cleaned",
		crisis.StateRebuilt:       "rebuilt",
		crisis.StateVerified:      "verified",
		crisis.StateInService:     "in service",
		crisis.StateCompromised:   "compromised",
	}
	phaseStateLabels = map[crisis.PhaseState]string{
		crisis.PhaseNotStarted: "not started",
		crisis.PhaseInProgress: "in progress",
		crisis.PhaseReady:      "ready for validation",
		crisis.PhaseValidated:  "validated",
	}
)

// label is a code's label in the reports; a code this version does not
// know (from a newer record) shows as itself, sanitised.
func label[K ~string](labels map[K]string, k K) string {
	if l, ok := labels[k]; ok {
		return l
	}
	return crisis.SanitizeLine(string(k))
}

// taskGroup is the tasks of one outcome, as the report groups them.
type taskGroup struct {
	title string
	tasks []crisis.Task
}

// taskGroups sorts tasks by outcome (done, still open, cancelled), each
// group in the order the tasks were created.
func taskGroups(tasks []crisis.Task) []taskGroup {
	groups := []taskGroup{{title: "Done"}, {title: "Still open"}, {title: "Cancelled"}}
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
func taskTags(t crisis.Task) string {
	s := fmt.Sprintf("task %d, P%d", t.ID, t.Priority)
	if t.Phase >= 1 && t.Phase <= crisis.PhaseCount {
		s += fmt.Sprintf(", recovery phase %d %s", t.Phase, crisis.PhaseNames[t.Phase-1])
	}
	return s
}

// taskStory is who had the task, when it was given, its due time and how
// it ended. A task keeps the time of its last change, which is when it was
// done or cancelled unless it was edited afterwards.
func (f *facts) taskStory(t crisis.Task) string {
	owner := "nobody"
	if t.Assignee != "" {
		owner = crisis.SanitizeLine(t.Assignee)
	}
	s := "Owner: " + owner + ". Created " + f.at(t.CreatedAt) + " by " + crisis.SanitizeLine(t.CreatedBy)
	if t.Due != nil {
		s += "; due " + f.at(*t.Due)
	}
	switch t.Status {
	case crisis.TaskDone:
		s += "; done " + f.at(t.UpdatedAt)
		if t.Due != nil {
			if late := t.UpdatedAt.Sub(*t.Due); late >= time.Minute {
				s += ", " + duration(late) + " late"
			} else {
				s += ", on time"
			}
		}
	case crisis.TaskCancelled:
		s += "; cancelled " + f.at(t.UpdatedAt)
	case crisis.TaskBlocked:
		s += "; blocked since " + f.at(t.UpdatedAt)
		if t.Reason != "" {
			s += ": " + crisis.SanitizeLine(t.Reason)
		}
	default:
		s += "; " + label(taskStatusLabels, t.Status) + ", last changed " + f.at(t.UpdatedAt)
	}
	return s + "."
}

// tasksSummary counts the tasks by outcome.
func tasksSummary(tasks []crisis.Task) string {
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
	s := fmt.Sprintf("%s: %d done", plural(len(tasks), "task"), done)
	if late > 0 {
		s += fmt.Sprintf(" (%d after its due time)", late)
		if late > 1 {
			s = strings.Replace(s, "its due time", "their due time", 1)
		}
	}
	return s + fmt.Sprintf(", %d still open, %d cancelled", open, cancelled)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// phaseName is "Phase 1: Core infrastructure".
func phaseName(p crisis.PhaseView) string {
	return fmt.Sprintf("Phase %d: %s", p.Number, crisis.SanitizeLine(p.Name))
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
func itemState(it crisis.RecoveryItem) string {
	s := label(itemStateLabels, it.State)
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
		s += " by " + crisis.SanitizeLine(it.UpdatedBy)
	}
	return s
}

// overrideText tells a gate override.
func (f *facts) overrideText(it crisis.RecoveryItem) string {
	o := it.Override
	return fmt.Sprintf("%s may go back in service before the earlier phases are validated: decided %s by %s (entry #%d). Reason: %s",
		crisis.SanitizeLine(it.Name), f.at(o.At), crisis.SanitizeLine(o.By), o.Entry, crisis.SanitizeLine(o.Reason))
}

// recoverySummary is where each phase stands, in one line.
func recoverySummary(plan crisis.RecoveryPlan) string {
	parts := make([]string, 0, len(plan.Phases))
	for _, p := range plan.Phases {
		parts = append(parts, fmt.Sprintf("phase %d %s (%d%%)", p.Number, label(phaseStateLabels, p.State), p.Progress))
	}
	return strings.Join(parts, "; ")
}

// runTitle is how a run is named: "Out-of-hours on-call — suspected
// compromise (night of 12 September)".
func runTitle(r crisis.ChecklistRun) string { return crisis.SanitizeLine(r.Name(reportLang)) }

// runStory is who started the run and how far it went.
func (f *facts) runStory(r crisis.ChecklistRun) string {
	done, total := r.Progress()
	s := fmt.Sprintf("Checklist %s, started %s by %s: %d of %d steps done", crisis.SanitizeLine(r.Template), f.at(r.StartedAt), crisis.SanitizeLine(r.StartedBy), done, total)
	switch {
	case total > 0 && done == total:
		s += ", complete"
	case total > 0:
		s += fmt.Sprintf(", next step %d", r.Next())
	}
	return s + "."
}

// untickText tells a step's last un-tick.
func (f *facts) untickText(n int, st crisis.RunStep) string {
	s := fmt.Sprintf("Step %d un-ticked %s by %s. Reason: %s", n, f.at(*st.UndoneAt), crisis.SanitizeLine(st.UndoneBy), crisis.SanitizeLine(st.UndoReason))
	if st.Done() {
		s += " (ticked again since)"
	}
	return s
}

// runsSummary counts the runs and how many are complete.
func runsSummary(runs []crisis.ChecklistRun) string {
	complete := 0
	for _, r := range runs {
		if r.Complete() {
			complete++
		}
	}
	return fmt.Sprintf("%s, %d complete", plural(len(runs), "checklist run"), complete)
}

// handoverAck tells whether and when the next shift read a handover.
func (f *facts) handoverAck(h crisis.Handover) string {
	if !h.Acked() {
		return "Not acknowledged."
	}
	return "Acknowledged " + f.at(*h.AckedAt) + " by " + crisis.SanitizeLine(h.AckedBy) + "."
}

// handoverParts are a handover's three parts, those written.
func handoverParts(h crisis.Handover) [][2]string {
	var out [][2]string
	for _, p := range [][2]string{{"Situation", h.Situation}, {"Open items", h.OpenItems}, {"Next steps", h.NextSteps}} {
		if strings.TrimSpace(p[1]) != "" {
			out = append(out, p)
		}
	}
	return out
}

// handoversSummary counts the handovers and those awaiting their reader.
func handoversSummary(hs []crisis.Handover) string {
	pending := 0
	for _, h := range hs {
		if !h.Acked() {
			pending++
		}
	}
	if len(hs) == 0 {
		return "no shift handover written"
	}
	if pending == 0 {
		return plural(len(hs), "shift handover") + ", all acknowledged"
	}
	return fmt.Sprintf("%s, %d not acknowledged", plural(len(hs), "shift handover"), pending)
}

// resultLines are the Results section's lines: how the work ended.
func resultLines(f *facts) []string {
	var out []string
	if len(f.tasks) == 0 {
		out = append(out, "No task was recorded.")
	} else {
		out = append(out, tasksSummary(f.tasks)+".")
	}
	if planStarted(f.plan) {
		out = append(out, "Recovery: "+recoverySummary(f.plan)+".")
	} else {
		out = append(out, "Recovery: not started.")
	}
	if len(f.runs) == 0 {
		out = append(out, "No checklist was run.")
	} else {
		out = append(out, runsSummary(f.runs)+".")
	}
	h := handoversSummary(f.handovers)
	return append(out, strings.ToUpper(h[:1])+h[1:]+".")
}

// directoryNote says why the reports do not list the on-call directory:
// a lessons-learned report travels (CNIL, insurer, police, other
// hospitals), and the staff's personal phone numbers teach nothing there.
// The JSON snapshot, the evidence, keeps them.
const directoryNote = "kept in the JSON snapshot, not reproduced in this report"

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
		validated = f.at(*p.ValidatedAt) + " by " + cell(p.ValidatedBy)
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
		return "not done", "-"
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
