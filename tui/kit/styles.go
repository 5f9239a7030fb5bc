package kit

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// Styles are built once per theme and shared by the consoles drawn in it
// (Session.SetTheme, through Caches: never package variables). They are
// never modified once built.
type Styles struct {
	TabRule lipgloss.Style

	Filter, FilterActive, Indicator lipgloss.Style

	Bar, ID, IDSelected, Recorded, Author, Text, Amended lipgloss.Style
	Empty                                                lipgloss.Style

	FormTitle, Label, LabelFocused, Choice, Chosen, Hint, FormError, Confirm lipgloss.Style

	PickerCursor, PickerCurrent lipgloss.Style

	StatusOK, StatusErr lipgloss.Style

	Help help.Styles

	// Input and Area are the text fields' styles: the palette's colours,
	// not the library's defaults (drawn for one background only).
	Input textinput.Styles
	Area  textarea.Styles

	// SelBg and SelText are the selected row's background and plain text
	// (SelectRow); MatchBg and MatchText a search match's (Highlight).
	SelBg, SelText, MatchBg, MatchText color.Color
	// Header is the column names over a list with columns.
	Header lipgloss.Style
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
	s.SelBg, s.SelText, s.MatchBg, s.MatchText = p.SelectedBg, p.SelectedText, p.MatchBg, p.MatchText
	s.Header = fg(p.Muted).Bold(true)
	s.Input = textinput.Styles{
		Focused: textinput.StyleState{Placeholder: s.Hint, Suggestion: s.Hint, Prompt: fg(p.Accent), Text: plain},
		Blurred: textinput.StyleState{Placeholder: s.Hint, Suggestion: s.Hint, Prompt: s.Label, Text: fg(p.Muted)},
		// A blinking cursor is a frame twice a second.
		Cursor: textinput.CursorStyle{Color: p.Accent, Shape: tea.CursorBlock},
	}
	area := textarea.StyleState{
		Base: plain, Text: plain, LineNumber: fg(p.Muted), CursorLineNumber: fg(p.Muted),
		CursorLine: plain, EndOfBuffer: fg(p.Muted), Placeholder: s.Hint, Prompt: s.LabelFocused,
		Selection: plain.Background(p.SelectedBg).Foreground(p.SelectedText),
	}
	blurred := area
	blurred.Prompt, blurred.Text = s.Label, fg(p.Muted)
	s.Area = textarea.Styles{Focused: area, Blurred: blurred, Cursor: textarea.CursorStyle{Color: p.Accent, Shape: tea.CursorBlock}}
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
