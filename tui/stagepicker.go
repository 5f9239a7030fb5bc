package tui

import (
	"strings"

	"cellule/crisis"
	"cellule/tui/kit"
)

// stagePicker lists the crisis stages for a lead to choose from; the
// current one is marked and selected when it opens.
type stagePicker struct {
	cursor  int
	current crisis.Stage
	// confirming is set while "End the crisis?" waits for y.
	confirming bool
}

func newStagePicker(current crisis.Stage) *stagePicker {
	p := &stagePicker{current: current}
	for i, st := range crisis.Stages {
		if st == current {
			p.cursor = i
		}
	}
	return p
}

func (p *stagePicker) move(delta int) {
	p.cursor = kit.MoveCursor(p.cursor, delta, len(crisis.Stages))
}

func (p *stagePicker) selected() crisis.Stage { return crisis.Stages[p.cursor] }

func (p *stagePicker) view(s *session, width, height int) string {
	sty, t := s.St, s.text
	lines := []string{"", " " + sty.FormTitle.Render(t.PickerTitle), ""}
	for i, st := range crisis.Stages {
		marker := "   "
		label := s.sh.stageStyle(st).Render(t.Stage(st))
		if i == p.cursor {
			marker = sty.PickerCursor.Render(" › ")
			label = sty.Chosen.Render(" " + t.Stage(st) + " ")
		} else {
			label = " " + label + " "
		}
		line := marker + label
		if st == p.current {
			line += " " + sty.PickerCurrent.Render(t.PickerCurrent)
		}
		if i == p.cursor {
			line = sty.SelectRow(kit.Cut(line, width), width)
		}
		lines = append(lines, line)
	}
	if p.confirming {
		lines = append(lines, "", " "+sty.Confirm.Render(t.PickerConfirmEnd))
	}
	return strings.Join(lines, "\n")
}
