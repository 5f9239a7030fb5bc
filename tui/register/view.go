package register

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// Columns of an asset's line: bar, number, kind, then the identifier and
// what else fits.
const (
	colID   = 6
	colKind = 16
)

func (r *registerTab) View() string {
	if r.form != nil {
		return r.form.view(r.height)
	}
	var body []string
	if a, ok := r.selected(); ok && r.openID != 0 {
		body = r.detailLines(a)
	} else {
		as := r.shown()
		body = append([]string{r.filterLine(as)}, r.listLines(r.height-1, as)...)
	}
	h := r.height
	if r.search != nil {
		h--
	}
	out := kit.FitHeight(strings.Join(body, "\n"), h)
	if r.search != nil {
		out += "\n" + kit.Cut(" "+r.search.View(), r.width)
	}
	return out
}

// filterLine says which filters are on and how many assets they show.
func (r *registerTab) filterLine(as []crisis.Asset) string {
	sty, tx := r.s.St, r.tx
	word := func(label, value string, on bool) string {
		if on {
			return sty.FilterActive.Render(label + value)
		}
		return sty.Filter.Render(label + value)
	}
	kind, state := tx.AllKinds, tx.AllStates
	if r.kind > 0 {
		kind = string(crisis.AssetKinds[r.kind-1])
	}
	if r.state > 0 {
		state = tx.state(crisis.AssetStates[r.state-1])
	}
	parts := []string{sty.Filter.Render(r.s.Text.Plural(len(as), tx.CountOne, tx.Count)), word(tx.KindLabel, kind, r.kind > 0), word(tx.StateLabel, state, r.state > 0)}
	if r.query != "" {
		parts = append(parts, word(tx.SearchLabel, crisis.SanitizeLine(r.query), true))
	}
	return kit.Cut(" "+strings.Join(parts, sty.Filter.Render(" · ")), r.width)
}

// listLines renders the shown assets grouped by state, each group with
// its count, scrolled so the selected one shows.
func (r *registerTab) listLines(h int, as []crisis.Asset) []string {
	sty, tx := r.s.St, r.tx
	if r.loadErr != nil && !r.loaded {
		return []string{"", "  " + sty.FormError.Render(fmt.Sprintf(tx.LoadFailed, r.s.Text.ErrText(r.loadErr)))}
	}
	if len(as) == 0 {
		msg := tx.EmptyViewer
		switch {
		case len(r.assets) > 0:
			msg = tx.EmptyFiltered
		case r.s.Allowed(crisis.ActWriteRegister):
			msg = tx.EmptyWriter
		}
		return []string{"", "  " + sty.Empty.Render(msg)}
	}
	counts := map[crisis.AssetState]int{}
	for _, a := range as {
		counts[a.State]++
	}
	cur := r.cursor(as)
	var lines []string
	sel := 0
	loc := r.s.Svc.Location()
	for i, a := range as {
		if i == 0 || as[i-1].State != a.State {
			if len(lines) > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, " "+r.stateStyle(a.State).Underline(true).Render(fmt.Sprintf(tx.Heading, tx.state(a.State), counts[a.State])))
		}
		if i == cur {
			sel = len(lines)
		}
		id := kit.PadRight(strconv.FormatUint(a.ID, 10), colID)
		if i == cur {
			id = sty.IDSelected.Render(id)
		} else {
			id = sty.ID.Render(id)
		}
		line := sty.SelBar(i == cur) + id + kit.PadRight(string(a.Kind), colKind) + crisis.SanitizeLine(a.Identifier)
		var extra []string
		if a.Owner != "" {
			extra = append(extra, crisis.SanitizeLine(a.Owner))
		}
		if a.Item != "" {
			extra = append(extra, fmt.Sprintf(tx.ItemMark, crisis.SanitizeLine(a.Item)))
		}
		if a.FoundAt != nil {
			extra = append(extra, fmt.Sprintf(tx.Found, r.s.Text.Date(a.FoundAt.In(loc), tx.DayLayout)))
		}
		if len(extra) > 0 {
			line += "  " + sty.Hint.Render(strings.Join(extra, " · "))
		}
		lines = append(lines, kit.Cut(line, r.width))
	}
	r.top = kit.Scroll(r.top, sel, sel, h, len(lines))
	end := min(r.top+h, len(lines))
	return lines[r.top:end]
}

func (r *registerTab) stateStyle(st crisis.AssetState) lipgloss.Style {
	sty := r.s.St
	switch st {
	case crisis.AssetCompromised, crisis.AssetConfirmed:
		return sty.FormError
	case crisis.AssetSuspected, crisis.AssetContained, crisis.AssetBlocked:
		return sty.FilterActive
	}
	return sty.Filter
}

// detailLines is one asset in full, with its history newest first: the
// latest step is what the cell asks about, and a long history runs off
// the bottom, not the top.
func (r *registerTab) detailLines(a crisis.Asset) []string {
	sty, tx := r.s.St, r.tx
	loc := r.s.Svc.Location()
	w := r.width - 1
	lines := []string{" " + sty.FormTitle.Render(fmt.Sprintf(tx.AssetTitle, a.ID)) + "  " + r.stateStyle(a.State).Render(tx.state(a.State)), ""}
	add := func(label, value string) {
		if value == "" {
			return
		}
		for _, l := range kit.AfterLabel(sty.Label.Render(label), crisis.SanitizeLine(value), w) {
			lines = append(lines, " "+l)
		}
	}
	add(tx.KindField, string(a.Kind))
	add(tx.IdentifierField, a.Identifier)
	add(tx.OwnerField, a.Owner)
	add(tx.ItemField, a.Item)
	add(tx.NoteField, a.Notes)
	if len(a.Tasks) > 0 {
		ts := make([]string, len(a.Tasks))
		for i, t := range a.Tasks {
			ts[i] = "#" + strconv.FormatUint(t, 10)
		}
		add(tx.TasksField, strings.Join(ts, ", "))
	}
	if a.FoundAt != nil {
		add(tx.FoundField, r.s.Text.Date(a.FoundAt.In(loc), tx.LongLayout))
	}
	lines = append(lines, "", " "+sty.FormTitle.Render(tx.HistoryTitle))
	for i := len(a.History) - 1; i >= 0; i-- {
		h := a.History[i]
		what := fmt.Sprintf(tx.Registered, h.To)
		if h.From != "" {
			what = fmt.Sprintf(tx.Moved, h.From, h.To)
		}
		head := r.s.Text.Date(h.At.In(loc), tx.LongLayout) + "  " + sty.Author.Render(crisis.SanitizeLine(h.By)) + "  " + what
		if h.Entry != 0 {
			head += "  " + sty.ID.Render(fmt.Sprintf(tx.EntryLink, h.Entry))
		}
		lines = append(lines, kit.Cut(" "+head, r.width))
		if h.Note != "" {
			label := tx.DoneLabel
			if h.From == "" {
				label = tx.NoteLabel // registering: what is known
			}
			lines = append(lines, kit.AfterLabel("   "+label, crisis.SanitizeLine(h.Note), w)...)
		}
		if h.Evidence != "" {
			lines = append(lines, kit.AfterLabel("   "+tx.EvidenceLabel, crisis.SanitizeLine(h.Evidence), w)...)
		}
	}
	return lines
}
