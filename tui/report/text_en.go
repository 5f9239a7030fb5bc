package report

// Text is the Report tab's strings in one language, so that another
// language is one more table of this type.
type Text struct {
	Tab           string
	Heading       string // above the preview
	Exports       string // how to take the report away
	ClosedLine    string // "Closed %s by %s: read-only" (time, name)
	Loading       string
	LoadFailed    string // "Cannot read the record: %s"
	TakeawayForm  string
	TakeawayHint  string
	CloseForm     string
	CloseHint     string
	ConfirmClose  string
	Saving        string
	TakeawaySaved string // "Takeaway #%d saved"
	CrisisClosed  string // "Crisis closed (#%d)"
	ReadOnly      string
	// The paper kit: the key's help, where it was saved ("%s": the path
	// on the host), and what to do where the console cannot save it.
	PrintKey, Printed, PrintNowhere string
	// Help labels.
	AddTakeaway, CloseCrisis string

	// Asked before typed text is dropped.
	ConfirmDiscardTakeaway, ConfirmDiscardClose string
}

// textFor picks the tab's strings in a language; English is the fallback
// so a tab never shows blanks.
func textFor(lang string) *Text {
	var t Text
	switch lang {
	case "fr":
		t = french
	default: // "", "en"
		t = english // shared and never changed: sessions only read it
	}
	return &t
}

var english = Text{
	Tab:           "Report",
	Heading:       "Report preview",
	Exports:       "full report: export --format md|html|csv|json",
	ClosedLine:    "Closed %s by %s: the record is read-only",
	Loading:       "Reading the record…",
	LoadFailed:    "Cannot read the record: %s",
	TakeawayForm:  "New key takeaway",
	TakeawayHint:  "A lesson for the report, in a sentence or two.",
	CloseForm:     "Close the crisis: closing note",
	CloseHint:     "Closing makes the whole record read-only, for good. Exports still work.",
	ConfirmClose:  "Close the crisis for good? Every change will be refused. y/n",
	Saving:        "Saving…",
	TakeawaySaved: "Takeaway #%d saved",
	CrisisClosed:  "Crisis closed (#%d)",
	ReadOnly:      "The crisis is closed: the record is read-only",
	PrintKey:      "print kit",
	Printed:       "Paper kit saved on the host: %s (print it in A4)",
	PrintNowhere:  "The paper kit: cellule export --format print > kit.html",
	AddTakeaway:   "takeaway",
	CloseCrisis:   "close crisis",

	ConfirmDiscardTakeaway: "Discard this takeaway? y/n",
	ConfirmDiscardClose:    "Discard this closing note? y/n",
}
