package timeline

import "charm.land/bubbles/v2/key"

// keys are the tab's own bindings, each with its help text; the ones
// every list shares (up, down, pages, new) are the kit's.
type keys struct {
	Correct, Filter, FilterBack, Search, Clear key.Binding
}

func newKeys(h HelpText) keys {
	b := func(keys []string, label, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, desc))
	}
	return keys{
		Correct:    b([]string{"c"}, "c", h.Correct),
		Filter:     b([]string{"f"}, "f", h.Filter),
		FilterBack: b([]string{"F"}, "F", h.FilterBack),
		Search:     b([]string{"/"}, "/", h.Search),
		Clear:      b([]string{"esc"}, "esc", h.Clear),
	}
}
