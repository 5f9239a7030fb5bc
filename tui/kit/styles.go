package kit

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"cellule/crisis"
)

// Styles are built per session (never package variables) so a session could
// one day pick its own theme without touching the others.
type Styles struct {
	Product, CrisisName, Sep, Clock, Online, Me lipgloss.Style
	Stage                                       map[crisis.Stage]lipgloss.Style

	TabActive, TabInactive, TabRule lipgloss.Style

	Filter, FilterActive, Indicator lipgloss.Style

	Bar, ID, IdSelected, When, Recorded, Author, Text, Amended, Corrects lipgloss.Style
	Kind                                                                 map[crisis.Kind]lipgloss.Style
	Empty                                                                lipgloss.Style

	FormTitle, Label, LabelFocused, Choice, Chosen, Hint, FormError, Confirm, Original lipgloss.Style

	PickerCursor, PickerCurrent lipgloss.Style

	StatusOK, StatusErr lipgloss.Style

	Help help.Styles
}

// NewStyles draws a palette's styles.
func NewStyles(p Palette) *Styles {
	plain := lipgloss.NewStyle()
	fg := func(c color.Color) lipgloss.Style { return plain.Foreground(c) }

	s := &Styles{
		Product:    plain.Bold(true),
		CrisisName: plain.Bold(true),
		Sep:        fg(p.Muted),
		Clock:      fg(p.Accent).Bold(true),
		Online:     plain,
		Me:         fg(p.Muted),
		Stage: map[crisis.Stage]lipgloss.Style{
			crisis.StageAlert:         fg(p.Error).Bold(true),
			crisis.StageQualification: fg(p.Warning).Bold(true),
			crisis.StageContainment:   fg(p.Warning).Bold(true),
			crisis.StageInvestigation: fg(p.Info).Bold(true),
			crisis.StageRemediation:   fg(p.Accent).Bold(true),
			crisis.StageEnd:           fg(p.OK).Bold(true),
		},

		TabActive:   plain.Bold(true).Reverse(true),
		TabInactive: fg(p.Muted),
		TabRule:     fg(p.Muted),

		Filter:       fg(p.Muted),
		FilterActive: fg(p.Warning).Bold(true),
		Indicator:    fg(p.Accent),

		Bar:        fg(p.Selected).Bold(true),
		ID:         fg(p.Muted),
		IdSelected: plain.Bold(true),
		When:       plain,
		Recorded:   fg(p.Muted),
		Author:     fg(p.Accent),
		Text:       plain,
		Amended:    fg(p.Warning),
		Corrects:   fg(p.Warning),
		Kind: map[crisis.Kind]lipgloss.Style{
			crisis.KindFact:          fg(p.Accent).Bold(true),
			crisis.KindInfo:          fg(p.Info).Bold(true),
			crisis.KindDecision:      fg(p.Strong).Bold(true),
			crisis.KindAction:        fg(p.OK).Bold(true),
			crisis.KindCommunication: fg(p.Warning).Bold(true),
			crisis.KindEscalation:    fg(p.Error).Bold(true),
			crisis.KindClosure:       plain.Bold(true).Underline(true),
		},
		Empty: fg(p.Muted).Italic(true),

		FormTitle:    plain.Bold(true),
		Label:        fg(p.Muted),
		LabelFocused: fg(p.Accent).Bold(true),
		Choice:       fg(p.Muted),
		Chosen:       plain.Bold(true).Reverse(true),
		Hint:         fg(p.Muted),
		FormError:    fg(p.Error).Bold(true),
		Confirm:      fg(p.Warning).Bold(true),
		Original:     fg(p.Muted),

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

// KindStyle falls back to plain text for a kind this binary does not know.
func (s *Styles) KindStyle(k crisis.Kind) lipgloss.Style {
	if st, ok := s.Kind[k]; ok {
		return st
	}
	return lipgloss.NewStyle()
}

// StageStyle falls back to bold text for a stage this binary does not know.
func (s *Styles) StageStyle(st crisis.Stage) lipgloss.Style {
	if v, ok := s.Stage[st]; ok {
		return v
	}
	return lipgloss.NewStyle().Bold(true)
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
