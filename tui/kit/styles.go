package kit

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles are built per session (never package variables) so a session could
// one day pick its own theme without touching the others.
type Styles struct {
	TabRule lipgloss.Style

	Filter, FilterActive, Indicator lipgloss.Style

	Bar, ID, IDSelected, Recorded, Author, Text, Amended lipgloss.Style
	Empty                                                lipgloss.Style

	FormTitle, Label, LabelFocused, Choice, Chosen, Hint, FormError, Confirm lipgloss.Style

	PickerCursor, PickerCurrent lipgloss.Style

	StatusOK, StatusErr lipgloss.Style

	Help help.Styles
}

// NewStyles draws a palette's styles.
func NewStyles(p Palette) *Styles {
	plain := lipgloss.NewStyle()
	fg := func(c color.Color) lipgloss.Style { return plain.Foreground(c) }

	s := &Styles{
		TabRule: fg(p.Muted),

		Filter:       fg(p.Muted),
		FilterActive: fg(p.Warning).Bold(true),
		Indicator:    fg(p.Accent),

		Bar:        fg(p.Selected).Bold(true),
		ID:         fg(p.Muted),
		IDSelected: plain.Bold(true),
		Recorded:   fg(p.Muted),
		Author:     fg(p.Accent),
		Text:       plain,
		Amended:    fg(p.Warning),
		Empty:      fg(p.Muted).Italic(true),

		FormTitle:    plain.Bold(true),
		Label:        fg(p.Muted),
		LabelFocused: fg(p.Accent).Bold(true),
		Choice:       fg(p.Muted),
		Chosen:       plain.Bold(true).Reverse(true),
		Hint:         fg(p.Muted),
		FormError:    fg(p.Error).Bold(true),
		Confirm:      fg(p.Warning).Bold(true),

		PickerCursor:  fg(p.Accent).Bold(true),
		PickerCurrent: fg(p.Muted),

		StatusOK:  fg(p.OK).Bold(true),
		StatusErr: fg(p.Error).Bold(true),
	}
	key := plain.Bold(true)
	desc := fg(p.Muted)
	s.Help = help.Styles{
		Ellipsis:       desc,
		ShortKey:       key,
		ShortDesc:      desc,
		ShortSeparator: desc,
		FullKey:        key,
		FullDesc:       desc,
		FullSeparator:  desc,
	}
	return s
}

// BarWidth is the cells SelBar takes before a row.
const BarWidth = 2

// SelBar marks the selected row of a list; other rows get as many blanks.
func (st *Styles) SelBar(selected bool) string {
	if selected {
		return st.Bar.Render("▌ ")
	}
	return "  "
}
