package recovery

import (
	"charm.land/bubbles/v2/key"

	"cellule/tui/kit"
)

// recoveryKeys are the Recovery tab's own keys, each with its help.
type recoveryKeys struct {
	Update, Validate, Override, Add, Rename, Move, Remove, Save, Choose key.Binding
	// First and Last are the shell's Home and End, named for a plan: its
	// first and last item, not the logbook's oldest and newest entry.
	First, Last key.Binding
}

func newRecoveryKeys(t *Text, h kit.HelpText) recoveryKeys {
	b := func(keys []string, label, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, desc))
	}
	return recoveryKeys{
		Update:   b([]string{"enter", "e"}, "enter", t.Update),
		Validate: b([]string{"v"}, "v", t.Validate),
		Override: b([]string{"o"}, "o", t.OverrideKey),
		Add:      b([]string{"a"}, "a", t.Add),
		Rename:   b([]string{"r"}, "r", t.Rename),
		Move:     b([]string{"m"}, "m", t.Move),
		Remove:   b([]string{"x", "delete"}, "x", t.Remove),
		Save:     b([]string{"enter", "ctrl+s"}, "enter", h.Save),
		Choose:   b([]string{"left", "right"}, "←/→", t.ChooseKey),
		First:    b([]string{"home", "g"}, "g/home", t.FirstKey),
		Last:     b([]string{"end", "G"}, "G/end", t.LastKey),
	}
}
