package kit

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// The themes a console is drawn in (crisis.User.Theme picks one; auto
// follows the terminal's background).
const (
	ThemeDark  = "dark"
	ThemeLight = "light"
)

// Palette names every colour of the console by what it means, in one
// place: a view asks for Late or Selected, never for red or cyan. Each
// theme has its palette; palette_test.go checks that every foreground
// reads on the backgrounds it is drawn on (WCAG contrast >= 4.5:1).
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

	// SelectedBg is the background of the selected row, across its whole
	// width; SelectedText is the row's plain text on it (the terminal's
	// own foreground might not read there).
	SelectedBg, SelectedText color.Color
	// MatchBg and MatchText draw a search match.
	MatchBg, MatchText color.Color
	// Background is the terminal background the palette is made for
	// (never drawn: the terminal keeps its own; the contrast test checks
	// against it).
	Background color.Color
}

// Dark is the palette for a dark terminal background, and the one used
// when the terminal does not say which it has.
func Dark() Palette {
	return Palette{
		OK:           lipgloss.Color("#5fd75f"),
		Error:        lipgloss.Color("#ff7b7b"),
		Warning:      lipgloss.Color("#e5c07b"),
		Late:         lipgloss.Color("#ff7b7b"),
		Accent:       lipgloss.Color("#56c8e0"),
		Selected:     lipgloss.Color("#56c8e0"),
		Muted:        lipgloss.Color("#a8a8a8"),
		Info:         lipgloss.Color("#7ab0ff"),
		Strong:       lipgloss.Color("#e896e8"),
		SelectedBg:   lipgloss.Color("#26303c"),
		SelectedText: lipgloss.Color("#e6e6e6"),
		MatchBg:      lipgloss.Color("#e5c07b"),
		MatchText:    lipgloss.Color("#000000"),
		Background:   lipgloss.Color("#1e1e1e"),
	}
}

// Light is the palette for a light terminal background: darker shades
// of the same meanings (cyan names, yellow warnings and green stages
// washed out on white).
func Light() Palette {
	return Palette{
		OK:           lipgloss.Color("#1a6b1a"),
		Error:        lipgloss.Color("#b3261e"),
		Warning:      lipgloss.Color("#8a5a00"),
		Late:         lipgloss.Color("#b3261e"),
		Accent:       lipgloss.Color("#00697a"),
		Selected:     lipgloss.Color("#00697a"),
		Muted:        lipgloss.Color("#5f5f5f"),
		Info:         lipgloss.Color("#1f5fbf"),
		Strong:       lipgloss.Color("#8a2f8a"),
		SelectedBg:   lipgloss.Color("#e3ebf5"),
		SelectedText: lipgloss.Color("#1a1a1a"),
		MatchBg:      lipgloss.Color("#ffd75f"),
		MatchText:    lipgloss.Color("#000000"),
		Background:   lipgloss.Color("#ffffff"),
	}
}

// PaletteFor is the palette a theme names; Dark for any other name.
func PaletteFor(theme string) Palette {
	if theme == ThemeLight {
		return Light()
	}
	return Dark()
}
