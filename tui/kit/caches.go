package kit

import (
	"time"

	"cellule/crisis"
	"cellule/internal/sharedcache"
)

// Caches keeps what every console of the process draws the same way, so
// that it is drawn once: a new entry reaches hundreds of consoles, which
// would each render, measure and cut the same text. The server creates one
// Caches and hands it to every console (tui.Options.Caches); nothing of it
// is a package variable. Every key holds all a drawing is drawn from (the
// Look, and the content itself), so consoles that draw differently never
// share a drawing, and two crises served by one process (tests) never mix.
type Caches struct {
	// Entries are logbook entries drawn as lines (newest pages of a few
	// widths).
	Entries sharedcache.Cache[EntryKey, []string]
	// Filters are the logbook's filter lines.
	Filters sharedcache.Cache[FilterKey, string]
	// Fits are screen lines cut to a width.
	Fits sharedcache.Cache[FitKey, string]
	// Shared are the styles and key maps of each theme and language
	// (Shared).
	Shared sharedcache.Cache[SharedKey, any]
}

// NewCaches makes the caches of one process, with their bounds.
func NewCaches() *Caches {
	return &Caches{
		Entries: sharedcache.Cache[EntryKey, []string]{Size: 2048},
		Filters: sharedcache.Cache[FilterKey, string]{Size: 1024},
		Fits:    sharedcache.Cache[FitKey, string]{Size: 4096},
		Shared:  sharedcache.Cache[SharedKey, any]{Size: 256},
	}
}

// Look is what, besides its content, changes how a console draws
// anything: its language, theme, time zone and width.
type Look struct {
	Lang, Theme string
	Loc         *time.Location
	Width       int
}

// EntryKey is one way a logbook entry is drawn: the look, whether it is
// selected, and every field of the entry that its lines show.
type EntryKey struct {
	Look
	Selected bool

	ID                     uint64
	OccurredAt, RecordedAt time.Time
	Author, Text           string
	Kind                   crisis.Kind
	Amends, Task, Asset    uint64
	AmendedBy              string
	// Search is the search whose matches are highlighted.
	Search string
}

// FilterKey is everything the logbook's filter line is drawn from.
type FilterKey struct {
	Look
	Kind         crisis.Kind
	Search       string
	Entries      int
	More         bool
	OlderPending bool
	NewerBelow   int // -1 while following the newest entry
}

// FitKey is a screen line and the width it is cut to.
type FitKey struct {
	Line  string
	Width int
}

// Fit is FitScreen of one line, kept in c. A line that has fewer bytes
// than the width has fewer cells: it fits as it is.
func (c *Caches) Fit(line string, width int) string {
	if len(line) <= width {
		return line
	}
	return c.Fits.Get(FitKey{line, width}, func() string { return FitScreen(line, width, 1) })
}
