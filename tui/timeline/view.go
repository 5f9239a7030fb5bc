package timeline

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
	"cellule/tui/kit"
)

// entryLines is renderEntry, remembered. The lines returned are shared:
// callers must not change them.
func (t *timeline) entryLines(e crisis.Entry, selected bool) []string {
	if t.rendered == nil || t.renderedWidth != t.width || len(t.rendered) > 4*len(t.entries)+64 {
		t.rendered, t.renderedWidth = map[renderKey][]string{}, t.width
	}
	k := renderKey{id: e.ID, amended: len(e.AmendedBy), selected: selected, search: t.shownSearch}
	if lines, ok := t.rendered[k]; ok {
		return lines
	}
	lines := t.sharedRender(e, selected)
	t.rendered[k] = lines
	return lines
}

// renderEntry renders one entry: its meta line (#id, when it happened, when
// it was recorded if later, author, kind, correction marks), then its text,
// wrapped and indented. Text from users is sanitized again here.
func (t *timeline) renderEntry(e crisis.Entry, selected bool) []string {
	sty, tx, ttx := t.s.St, t.s.Text, t.tx
	loc := t.s.Svc.Location()
	inner := max(t.width-kit.BarWidth, 10)

	id := sty.ID.Render(fmt.Sprintf("#%d", e.ID))
	if selected {
		id = sty.IDSelected.Render(fmt.Sprintf("#%d", e.ID))
	}
	parts := []string{id, t.st.when.Render(tx.Date(e.OccurredAt.In(loc), ttx.WhenLayout))}
	if e.Backdated() {
		parts = append(parts, sty.Recorded.Render(fmt.Sprintf(ttx.RecordedAt, tx.Date(e.RecordedAt.In(loc), ttx.RecordedLayout))))
	}
	parts = append(parts,
		sty.Author.Render(crisis.SanitizeLine(e.Author)),
		t.st.kindStyle(e.Kind).Render(tx.Kind(e.Kind)))
	if e.Amends != 0 {
		parts = append(parts, t.st.corrects.Render(fmt.Sprintf(ttx.Corrects, e.Amends)))
	}
	if e.Task != 0 {
		parts = append(parts, sty.ID.Render(fmt.Sprintf(ttx.TaskLink, e.Task)))
	}
	if e.Asset != 0 {
		parts = append(parts, sty.ID.Render(fmt.Sprintf(ttx.AssetLink, e.Asset)))
	}
	if e.Amended() {
		ids := make([]string, len(e.AmendedBy))
		for i, a := range e.AmendedBy {
			ids[i] = fmt.Sprintf("#%d", a)
		}
		parts = append(parts, sty.Amended.Render(fmt.Sprintf(ttx.AmendedBy, strings.Join(ids, ", "))))
	}
	lines := strings.Split(ansi.Wrap(strings.Join(parts, "  "), inner, ""), "\n")

	text := strings.TrimRight(crisis.Sanitize(e.TextIn(t.s.Lang)), "\n ") // the system's sentences in the reader's language
	indent := strings.Repeat(" ", textIndent)
	if text != "" {
		for _, l := range strings.Split(ansi.Wrap(text, max(inner-textIndent, 10), ""), "\n") {
			lines = append(lines, indent+sty.Text.Render(l))
		}
	}

	bar := strings.Repeat(" ", kit.BarWidth)
	if selected {
		bar = sty.Bar.Render("▌ ")
	}
	for i, l := range lines {
		// The search's matches, in the entry's text and its meta line.
		lines[i] = bar + sty.Highlight(l, t.shownSearch)
		if selected {
			lines[i] = sty.SelectRow(lines[i], t.width)
		}
	}
	return lines
}

func (t *timeline) View() string {
	if t.form != nil {
		return t.form.view()
	}
	return strings.Join(t.ViewLines(), "\n")
}

// ViewLines is View as lines, for the shell's Frame.
func (t *timeline) ViewLines() []string {
	if t.form != nil {
		return kit.AppendLines(nil, t.form.view())
	}
	h := t.listHeight()
	out := make([]string, 0, h+2)
	out = kit.AppendLines(out, t.filterLine())
	for _, l := range t.listLines(h) {
		out = kit.AppendLines(out, l)
	}
	for len(out) < 1+h {
		out = append(out, "")
	}
	if t.searchOpen {
		out = kit.AppendLines(out, " "+t.searchInput.View())
	}
	return out
}

// filterLine says what the list shows (all kinds or one, a search) and
// whether there is more above or below.
func (t *timeline) filterLine() string {
	return t.sharedFilterLine()
}

// drawFilterLine draws filterLine.
func (t *timeline) drawFilterLine() string {
	sty, tx, ttx := t.s.St, t.s.Text, t.tx
	var left []string
	if t.kind == "" {
		left = append(left, t.plain(ttx.FilterAll))
	} else {
		left = append(left, sty.FilterActive.Render(fmt.Sprintf(ttx.FilterKind, tx.Kind(t.kind))))
	}
	if t.search != "" {
		left = append(left, sty.FilterActive.Render(fmt.Sprintf(ttx.FilterSearch, t.search)))
	}
	count := tx.Plural(len(t.entries), ttx.EntryOne, ttx.EntriesCount)
	if t.more {
		count = fmt.Sprintf(ttx.EntriesMore, len(t.entries))
	}
	left = append(left, t.plain(count))
	if t.kind == "" && t.search == "" {
		left = append(left, t.plain(ttx.FilterHint))
	}
	var right string
	switch {
	case t.olderPending:
		right = sty.Indicator.Render(ttx.LoadingOlder)
	case !t.following():
		right = sty.Indicator.Render(fmt.Sprintf(ttx.NewerBelow, len(t.entries)-1-t.cursor))
	}
	return " " + kit.Spread(strings.Join(left, t.plain(" · ")), right, t.width-2)
}

func (t *timeline) listLines(h int) []string {
	sty, tx, ttx := t.s.St, t.s.Text, t.tx
	if t.loadErr != nil && len(t.entries) == 0 {
		return []string{"", "  " + sty.FormError.Render(fmt.Sprintf(ttx.LoadFailed, tx.ErrText(t.loadErr)))}
	}
	if len(t.entries) == 0 {
		msg := ttx.EmptyViewer
		switch {
		case t.search != "":
			msg = fmt.Sprintf(ttx.NoMatchSearch, crisis.SanitizeLine(t.search))
		case t.kind != "":
			msg = ttx.NoMatch
		case t.s.Allowed(crisis.ActWriteLog):
			msg = ttx.EmptyWriter
		}
		return []string{"", "  " + sty.Empty.Render(msg)}
	}
	var lines []string
	for i := t.top; i < len(t.entries) && len(lines) < h; i++ {
		block := t.entryLines(t.entries[i], i == t.cursor)
		if i == t.top {
			block = block[min(t.topSkip, len(block)):]
		}
		lines = append(lines, block...)
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return lines
}
