package oncall

import "charm.land/bubbles/v2/key"

// onCallKeys are the On-call tab's own bindings, built per session from
// its language like the shell's.
type onCallKeys struct {
	Checklists, Directory, Handover key.Binding

	Up, Down, Move, PrevRun, NextRun, Runs, Tick, Untick, Start key.Binding

	// MoveList stands for Up and Down in lists other than the steps.
	MoveList, Search, Duty, SearchDone, SearchClear key.Binding
	// Invite makes a one-time code that enrols a newcomer's key (lead);
	// Close puts its card away.
	Invite, Close key.Binding

	Write, Ack key.Binding

	// Pickers, prompts and the handover form.
	Choose, Cancel, NextField, PrevField, Save, ForceQuit, Yes, No key.Binding
}

func newOnCallKeys(h HelpText) *onCallKeys {
	b := func(keys []string, label, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, desc))
	}
	return &onCallKeys{
		Checklists: b([]string{"c"}, "c", h.Checklists),
		Directory:  b([]string{"d"}, "d", h.Directory),
		Handover:   b([]string{"h"}, "h", h.Handover),

		Up:      b([]string{"up", "k"}, "↑/k", h.Move),
		Down:    b([]string{"down", "j"}, "↓/j", h.Move),
		Move:    b([]string{"up", "down", "k", "j"}, "↑/↓", h.Step),
		PrevRun: b([]string{"left", "["}, "←", h.Run),
		NextRun: b([]string{"right", "]"}, "→", h.Run),
		Runs:    b([]string{"left", "right"}, "←/→", h.Run),
		// Not enter: a stray Enter at 3 a.m. must not tick a step.
		Tick:   b([]string{"x", "space"}, "x", h.Tick),
		Untick: b([]string{"u"}, "u", h.Untick),
		Start:  b([]string{"n"}, "n", h.Start),

		MoveList:    b([]string{"up", "down"}, "↑/↓", h.Move),
		Search:      b([]string{"/"}, "/", h.Search),
		SearchDone:  b([]string{"enter"}, "enter", h.SearchDone),
		SearchClear: b([]string{"esc"}, "esc", h.SearchClear),
		Duty:        b([]string{"o"}, "o", h.Duty),
		Invite:      b([]string{"i"}, "i", h.Invite),
		Close:       b([]string{"esc"}, "any key", h.Close),

		Write: b([]string{"w"}, "w", h.Write),
		Ack:   b([]string{"a"}, "a", h.Ack),

		Choose:    b([]string{"enter"}, "enter", h.Choose),
		Cancel:    b([]string{"esc"}, "esc", h.Cancel),
		NextField: b([]string{"tab"}, "tab", h.Fields),
		PrevField: b([]string{"shift+tab"}, "shift+tab", h.Fields),
		Save:      b([]string{"ctrl+s"}, "ctrl+s", h.Save),
		ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", ""),
		Yes:       b([]string{"y", "Y", "o", "O"}, "y", ""), // o: oui
		No:        b([]string{"n", "N", "esc"}, "n", ""),
	}
}
