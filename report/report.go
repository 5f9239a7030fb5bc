// Package report renders a crisis snapshot as the exports people take away:
// a lessons-learned report in Markdown and in HTML (in the structure of
// CERT Santé's retour d'expérience), the timeline as CSV, and the complete
// JSON snapshot that import reads back. Every renderer reads one
// crisis.Snapshot, so an export is consistent whatever is written
// meanwhile, and streams the logbook: memory does not grow with its length.
package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"cellule/crisis"
)

// Format is an export format, as --format names it.
type Format string

const (
	Markdown Format = "md"
	JSON     Format = "json"
	CSV      Format = "csv"
	HTML     Format = "html"
	// Print is the paper kit: an A4 page made to be printed (print.go).
	Print Format = "print"
)

// Formats in the order the help lists them.
var Formats = []Format{Markdown, JSON, CSV, HTML, Print}

// ParseFormat accepts a format's name in any case ("markdown" for md).
func ParseFormat(s string) (Format, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	if v == "markdown" {
		v = "md"
	}
	for _, f := range Formats {
		if Format(v) == f {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q (use one of: %s)", crisis.SanitizeLine(s), strings.Join(names, ", "))
}

// Options tune a rendering.
type Options struct {
	// Limit caps the list sections (chronology, measures, decisions) at
	// their newest Limit items, for an on-screen preview; 0 lists all.
	Limit int
	// Printed is when the paper kit is printed, shown on its every page
	// (the service's clock; the zero time for an unknown time).
	Printed time.Time
	// Lang is the language of the reader: "en" (also for ""), "fr" (see
	// ParseLang). The JSON snapshot has none.
	Lang string
}

// Write renders snap in format f.
func Write(w io.Writer, snap *crisis.Snapshot, f Format, opt Options) error {
	switch f {
	case Markdown:
		return WriteMarkdown(w, snap, opt)
	case HTML:
		return WriteHTML(w, snap, opt)
	case Print:
		return WritePrint(w, snap, opt)
	case CSV:
		return WriteCSV(w, snap, opt)
	case JSON:
		return snap.WriteJSON(w)
	}
	return fmt.Errorf("unknown format %q", f)
}

// Preview is the Markdown report with its lists cut to their newest limit
// items: what the console's Report tab shows (tui.Options.Preview).
func Preview(w io.Writer, snap *crisis.Snapshot, limit int) error {
	return WriteMarkdown(w, snap, Options{Limit: limit})
}

// PreviewIn is Preview in lang ("en", "fr"), for a console session in
// that language.
func PreviewIn(lang string) func(io.Writer, *crisis.Snapshot, int) error {
	return func(w io.Writer, snap *crisis.Snapshot, limit int) error {
		return WriteMarkdown(w, snap, Options{Limit: limit, Lang: lang})
	}
}
