package kit

import "charm.land/bubbles/v2/key"

// Keys holds every binding of the console, each with its own help text.
// It is built per session from the session's language.
type Keys struct {
	// Shell: work whenever no text field has the focus.
	Quit, Help, NextTab, PrevTab, JumpTab, Stage key.Binding
	// Lang switches the session to the other language.
	Lang key.Binding

	// Lists.
	Up, Down, PageUp, PageDown, Home, End key.Binding
	// Move stands for Up and Down in the one-line help.
	Move key.Binding
	New  key.Binding

	// Entry form.
	NextField, PrevField, Save, Cancel, KindPrev, KindNext, ForceQuit key.Binding

	// Yes/no questions.
	Yes, No key.Binding

	// Search field.
	Apply, ClearSearch key.Binding

	// Stage picker.
	PickUp, PickDown, Choose, Close key.Binding

	// Form fields: a choice's arrows, a picker's search.
	Pick, Search key.Binding
}

// NewKeys builds the bindings with the help texts of a language.
func NewKeys(h HelpText) *Keys {
	b := func(keys []string, label, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, desc))
	}
	return &Keys{
		Quit:    b([]string{"q", "ctrl+c"}, "q", h.Quit),
		Help:    b([]string{"?"}, "?", h.More),
		NextTab: b([]string{"tab"}, "tab", h.NextTab),
		PrevTab: b([]string{"shift+tab"}, "shift+tab", h.PrevTab),
		JumpTab: b([]string{"1", "2", "3", "4", "5", "6"}, "1-6", h.Tabs),
		Stage:   b([]string{"s"}, "s", h.Stage),
		Lang:    b([]string{"L"}, "L", h.Lang),

		Up:       b([]string{"up", "k"}, "↑/k", h.Up),
		Down:     b([]string{"down", "j"}, "↓/j", h.Down),
		Move:     b([]string{"up", "down", "k", "j"}, "↑/↓", h.Move),
		PageUp:   b([]string{"pgup", "ctrl+b"}, "pgup", h.PageUp),
		PageDown: b([]string{"pgdown", "ctrl+f", "space"}, "pgdn", h.PageDown),
		Home:     b([]string{"home", "g"}, "g/home", h.Home),
		End:      b([]string{"end", "G"}, "G/end", h.End),
		New:      b([]string{"n"}, "n", h.New),

		NextField: b([]string{"tab"}, "tab", h.NextField),
		PrevField: b([]string{"shift+tab"}, "shift+tab", h.PrevField),
		Save:      b([]string{"ctrl+s"}, "ctrl+s", h.Save),
		Cancel:    b([]string{"esc"}, "esc", h.Cancel),
		KindPrev:  b([]string{"left"}, "←/→", h.Kind),
		KindNext:  b([]string{"right"}, "→", h.Kind),
		ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", h.Quit),

		Yes: b([]string{"y", "Y", "o", "O"}, h.YesKey, h.Yes), // o: oui
		No:  b([]string{"n", "N", "esc"}, "n", h.No),

		Apply:       b([]string{"enter"}, "enter", h.Apply),
		ClearSearch: b([]string{"esc"}, "esc", h.ClearSearch),

		PickUp:   b([]string{"up", "k"}, "↑/↓", h.Move),
		PickDown: b([]string{"down", "j"}, "↓", h.Down),
		Choose:   b([]string{"enter"}, "enter", h.Choose),
		Close:    b([]string{"esc", "q"}, "esc", h.Close),

		Pick:   b([]string{"left", "right"}, "←/→", h.Pick),
		Search: b([]string{"a"}, "a-z", h.Search),
	}
}

// HelpKeys is what the footer shows at one moment: a short line and the
// full columns behind `?`. Views build it from the keys that work now.
type HelpKeys struct {
	Short []key.Binding
	Full  [][]key.Binding
}

// ShortHelp is the one-line footer's keys (help.KeyMap).
func (h HelpKeys) ShortHelp() []key.Binding { return h.Short }

// FullHelp is the columns of the full help (help.KeyMap).
func (h HelpKeys) FullHelp() [][]key.Binding { return h.Full }
