package tasks

import "charm.land/bubbles/v2/key"

// taskKeys are the board's own keys; the arrows are the timeline's.
type taskKeys struct {
	Open, New, Edit, Assign, Take, Status, Due, View, ViewBack, Back, Choose key.Binding
}

func newTaskKeys(h Text) taskKeys {
	b := func(keys []string, label, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, desc))
	}
	return taskKeys{
		Open:     b([]string{"enter"}, "enter", h.HelpOpen),
		New:      b([]string{"n"}, "n", h.HelpNew),
		Edit:     b([]string{"e"}, "e", h.HelpEdit),
		Assign:   b([]string{"a"}, "a", h.HelpAssign),
		Take:     b([]string{"t"}, "t", h.HelpTake),
		Status:   b([]string{"c"}, "c", h.HelpStatus),
		Due:      b([]string{"d"}, "d", h.HelpDue),
		View:     b([]string{"v"}, "v", h.HelpView),
		ViewBack: b([]string{"V"}, "V", h.HelpViewBack),
		Back:     b([]string{"esc"}, "esc", h.HelpBack),
		Choose:   b([]string{"enter"}, "enter", h.HelpChoose),
	}
}
