package tui

import "cellule/tui/kit"

// Text is the console's strings: the kit's, shared by every part, and the
// shell's own (the header's). Each tab holds its own table.
type Text struct {
	kit.Text
	// Header is the shell's own: the header's flags and summaries.
	Header HeaderText
}

// textFor picks the strings of a language; English is the fallback so a
// session never shows blanks.
func textFor(lang string) *Text {
	t := &Text{Text: *kit.TextFor(lang)}
	switch lang {
	case "fr":
		t.Header = frenchHeader
	default: // "", "en"
		t.Header = englishHeader
	}
	return t
}

// HeaderText is the strings of the header's third line.
type HeaderText struct {
	// RecoverySummary is the label before the four phase bars.
	RecoverySummary string
	// SuspendedMark follows a validated phase whose validation is
	// suspended (an earlier phase's was withdrawn), in place of its ✓.
	SuspendedMark string
	// NewTaskOne and NewTasksMany flag tasks given to me that I have not
	// opened yet: "%d new tasks for you" (how many), in the form its
	// count takes (kit.Text.Plural).
	NewTaskOne, NewTasksMany string
	// HandoverPending: "⚑ Handover #%d (%s) to acknowledge" (id, author);
	// HandoverPendingMany: "⚑ %d handovers to acknowledge".
	HandoverPending, HandoverPendingMany string
	// DeclarationDue: "%s due in %s" (declaration, time left);
	// DeclarationLate: "%s LATE %s" (declaration, how late).
	DeclarationDue, DeclarationLate string
	// RegisterCompromised and RegisterSuspected count the register's
	// accounts and machines, on the second line: "%d compromised".
	RegisterCompromised, RegisterSuspected string
	// RegisterSuspectedOne is the singular (kit.Text.Plural).
	RegisterSuspectedOne string
}

var englishHeader = HeaderText{
	RecoverySummary:      "Recovery",
	SuspendedMark:        "‖",
	NewTaskOne:           "★ %d new task for you (2: Tasks)",
	NewTasksMany:         "★ %d new tasks for you (2: Tasks)",
	HandoverPending:      "⚑ Handover #%d (%s) to acknowledge",
	HandoverPendingMany:  "⚑ %d handovers to acknowledge",
	DeclarationDue:       "%s due in %s",
	DeclarationLate:      "%s LATE %s",
	RegisterCompromised:  "%d compromised",
	RegisterSuspected:    "%d suspected",
	RegisterSuspectedOne: "%d suspected",
}
