package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"cellule/crisis"
)

// palette names colours by what they mean. They are the terminal's 16 ANSI
// colours: the user's own theme decides the exact shade, so they read on
// dark and light backgrounds alike without asking the terminal which it is
// (a query per SSH session that some clients never answer).
type palette struct {
	ok, bad, warn, accent, muted, info, strong color.Color
}

func newPalette() palette {
	return palette{
		ok:     lipgloss.Green,
		bad:    lipgloss.Red,
		warn:   lipgloss.Yellow,
		accent: lipgloss.Cyan,
		muted:  lipgloss.BrightBlack,
		info:   lipgloss.Blue,
		strong: lipgloss.Magenta,
	}
}

// styles are built per session (never package variables) so a session could
// one day pick its own theme without touching the others.
type styles struct {
	product, crisisName, sep, clock, online, me lipgloss.Style
	stage                                       map[crisis.Stage]lipgloss.Style

	tabActive, tabInactive, tabRule lipgloss.Style

	filter, filterActive, indicator lipgloss.Style

	bar, id, idSelected, when, recorded, author, text, amended, corrects lipgloss.Style
	kind                                                                 map[crisis.Kind]lipgloss.Style
	empty                                                                lipgloss.Style

	formTitle, label, labelFocused, choice, chosen, hint, formError, confirm, original lipgloss.Style

	pickerCursor, pickerCurrent lipgloss.Style

	statusOK, statusErr lipgloss.Style

	help help.Styles
}

func newStyles() *styles {
	p := newPalette()
	plain := lipgloss.NewStyle()
	fg := func(c color.Color) lipgloss.Style { return plain.Foreground(c) }

	s := &styles{
		product:    plain.Bold(true),
		crisisName: plain.Bold(true),
		sep:        fg(p.muted),
		clock:      fg(p.accent).Bold(true),
		online:     plain,
		me:         fg(p.muted),
		stage: map[crisis.Stage]lipgloss.Style{
			crisis.StageAlert:         fg(p.bad).Bold(true),
			crisis.StageQualification: fg(p.warn).Bold(true),
			crisis.StageContainment:   fg(p.warn).Bold(true),
			crisis.StageInvestigation: fg(p.info).Bold(true),
			crisis.StageRemediation:   fg(p.accent).Bold(true),
			crisis.StageEnd:           fg(p.ok).Bold(true),
		},

		tabActive:   plain.Bold(true).Reverse(true),
		tabInactive: fg(p.muted),
		tabRule:     fg(p.muted),

		filter:       fg(p.muted),
		filterActive: fg(p.warn).Bold(true),
		indicator:    fg(p.accent),

		bar:        fg(p.accent).Bold(true),
		id:         fg(p.muted),
		idSelected: plain.Bold(true),
		when:       plain,
		recorded:   fg(p.muted),
		author:     fg(p.accent),
		text:       plain,
		amended:    fg(p.warn),
		corrects:   fg(p.warn),
		kind: map[crisis.Kind]lipgloss.Style{
			crisis.KindFact:          fg(p.accent).Bold(true),
			crisis.KindInfo:          fg(p.info).Bold(true),
			crisis.KindDecision:      fg(p.strong).Bold(true),
			crisis.KindAction:        fg(p.ok).Bold(true),
			crisis.KindCommunication: fg(p.warn).Bold(true),
			crisis.KindEscalation:    fg(p.bad).Bold(true),
			crisis.KindClosure:       plain.Bold(true).Underline(true),
		},
		empty: fg(p.muted).Italic(true),

		formTitle:    plain.Bold(true),
		label:        fg(p.muted),
		labelFocused: fg(p.accent).Bold(true),
		choice:       fg(p.muted),
		chosen:       plain.Bold(true).Reverse(true),
		hint:         fg(p.muted),
		formError:    fg(p.bad).Bold(true),
		confirm:      fg(p.warn).Bold(true),
		original:     fg(p.muted),

		pickerCursor:  fg(p.accent).Bold(true),
		pickerCurrent: fg(p.muted),

		statusOK:  fg(p.ok).Bold(true),
		statusErr: fg(p.bad).Bold(true),
	}
	key := plain.Bold(true)
	desc := fg(p.muted)
	s.help = help.Styles{
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

// kindStyle falls back to plain text for a kind this binary does not know.
func (s *styles) kindStyle(k crisis.Kind) lipgloss.Style {
	if st, ok := s.kind[k]; ok {
		return st
	}
	return lipgloss.NewStyle()
}

func (s *styles) stageStyle(st crisis.Stage) lipgloss.Style {
	if v, ok := s.stage[st]; ok {
		return v
	}
	return lipgloss.NewStyle().Bold(true)
}

// selBar marks the selected row of a list; other rows get as many blanks.
func (st *styles) selBar(selected bool) string {
	if selected {
		return st.bar.Render("▌ ")
	}
	return "  "
}
