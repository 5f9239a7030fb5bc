package timeline

import "cellule/tui/kit"

// Restyle takes the session's theme again (kit.Restyler): the entries
// drawn in the former one are dropped.
func (t *timeline) Restyle() {
	t.st = kit.ForTheme(t.s, "timeline.styles", newStyles)
	t.searchInput.SetStyles(t.s.St.Input)
	t.rendered, t.plainDrawn = nil, nil
}
