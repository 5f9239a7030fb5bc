package kit

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Palette names every colour of the console by what it means, in one
// place: a view asks for Late or Selected, never for red or cyan, so a
// light palette can one day sit next to Dark without touching a view.
type Palette struct {
	// OK: done, in service, saved.
	OK color.Color
	// Error: refused, failed, compromised, the alert stage.
	Error color.Color
	// Warning: needs attention (blocked, amended, a question asked).
	Warning color.Color
	// Late: past its due time.
	Late color.Color
	// Accent: names, the clock, what has the keyboard.
	Accent color.Color
	// Selected: the mark of the selected row.
	Selected color.Color
	// Muted: labels, hints, what is secondary.
	Muted color.Color
	// Info: information, work under way.
	Info color.Color
	// Strong: decisions and overrides.
	Strong color.Color
}

// Dark is the palette every console uses today. Its colours are the
// terminal's 16 ANSI colours: the user's own theme decides the exact
// shade, so they read on dark and light backgrounds alike without asking
// the terminal which it is (a query per SSH session that some clients
// never answer).
func Dark() Palette {
	return Palette{
		OK:       lipgloss.Green,
		Error:    lipgloss.Red,
		Warning:  lipgloss.Yellow,
		Late:     lipgloss.Red,
		Accent:   lipgloss.Cyan,
		Selected: lipgloss.Cyan,
		Muted:    lipgloss.BrightBlack,
		Info:     lipgloss.Blue,
		Strong:   lipgloss.Magenta,
	}
}

// PaletteFor is the palette a theme names; Dark for any other name.
func PaletteFor(theme string) Palette {
	switch theme {
	default: // "dark"
		return Dark()
	}
}
