package tui

import (
	"charm.land/lipgloss/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// stagePicker is the form a lead moves the crisis with: the stages (the
// current one marked and selected when it opens) and a note, which goes
// into the logbook entry as `stage --note` puts it.
type stagePicker struct {
	*kit.Form
	current crisis.Stage
	list    *kit.Field
	note    *kit.Field
	// confirming is set while "End the crisis?" waits for y.
	confirming bool
}

func newStagePicker(s *session, current crisis.Stage, width, height int) *stagePicker {
	p := &stagePicker{Form: kit.NewForm(s.Session, width, height), current: current}
	sty, t := s.St, s.text
	labels := make([]string, len(crisis.Stages))
	cur := -1
	for i, st := range crisis.Stages {
		labels[i] = t.Stage(st)
		if st == current {
			cur = i
		}
	}
	p.Head = func(int) []string { return []string{"", " " + sty.FormTitle.Render(t.PickerTitle), ""} }
	p.Foot = func(int) []string {
		if p.confirming {
			return []string{"", " " + sty.Confirm.Render(t.PickerConfirmEnd)}
		}
		return nil
	}
	p.Compact, p.EnterSaves = true, true
	p.Discard = t.PickerConfirmDiscard
	p.list = p.Picker("", labels, max(cur, 0), false)
	p.list.Current, p.list.CurrentText = cur, t.PickerCurrent
	p.list.ChosenStyle = func(i int) lipgloss.Style { return s.sh.stageStyle(crisis.Stages[i]) }
	p.note = p.Text(t.PickerNote, "", t.PickerNoteHint, crisis.MaxEntryBytes/2+1) // longer is refused with its message
	p.note.Gap = true
	p.note.Codes = []string{"stage.note"}
	return p
}

func (p *stagePicker) selected() crisis.Stage { return crisis.Stages[p.list.Chosen] }

// onList: the list has the keyboard (q closes there; in the note it is
// text).
func (p *stagePicker) onList() bool { return p.Focused() == p.list }

func (p *stagePicker) view() string { return p.View() }
