package timeline

// Text is the Timeline tab's strings in one language, so that another
// language is one more table of this type. Strings with verbs are fmt
// formats; their comments say what the verbs receive.
type Text struct {
	// Tab is the tab's title.
	Tab string

	FilterAll       string
	FilterKind      string // "kind %s" (kind label)
	FilterSearch    string // "search %q"
	EntriesCount    string // "%d entries"
	EntryOne        string // "%d entry": the singular (kit.Text.Plural)
	EntriesMore     string // "%d+ entries" (older ones not loaded yet)
	FilterHint      string
	NewerBelow      string // "↓ %d newer (G)"
	LoadingOlder    string
	EmptyWriter     string
	EmptyViewer     string
	NoMatch         string
	NoMatchSearch   string // "No entry matches “%s”…" (the search as typed)
	RecordedAt      string // "(rec. %s)" (recording time)
	WhenLayout      string // time.Format layout of when an entry happened
	RecordedLayout  string // the same for when it was recorded, shorter
	Corrects        string // "corrects #%d"
	AmendedBy       string // "[amended by %s]" (list of "#id")
	LoadFailed      string // "Cannot read the logbook: %s"
	SearchPrompt    string
	SearchHint      string
	NewEntryTitle   string
	CorrectTitle    string // "Correct #%d"
	Original        string // "Original #%d: %s"
	KindField       string
	TextField       string
	WhenField       string
	WhenHint        string // examples; %s is the time zone people type in
	WhenPlaceholder string
	TextPlaceholder string
	SavedAs         string // "Saved as #%d"
	// Help describes the tab's own keys.
	Help HelpText

	// TaskLink marks an entry that records a task's change: "task %d".
	TaskLink string
	// AssetLink marks an entry that records a change in the register:
	// "asset %d".
	AssetLink string
}

// HelpText describes the tab's own keys in the footer and the help.
type HelpText struct {
	Correct, Filter, FilterBack, Search, Clear string
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
	Tab: "Timeline",

	FilterAll:       "All kinds",
	FilterKind:      "Kind %s",
	FilterSearch:    "search %q",
	EntriesCount:    "%d entries",
	EntryOne:        "%d entry",
	EntriesMore:     "%d+ entries",
	FilterHint:      "f: kind  /: search",
	NewerBelow:      "↓ %d newer (G)",
	LoadingOlder:    "loading older entries…",
	EmptyWriter:     "The logbook is empty. Press n to write the first entry.",
	EmptyViewer:     "Nothing has been logged yet.",
	NoMatch:         "No entry matches. Press esc to show them all.",
	NoMatchSearch:   "No entry matches “%s”. Press esc to show them all.",
	RecordedAt:      "(rec. %s)",
	WhenLayout:      "2006-01-02 15:04",
	RecordedLayout:  "01-02 15:04",
	Corrects:        "corrects #%d",
	AmendedBy:       "[amended by %s]",
	LoadFailed:      "Cannot read the logbook: %s",
	SearchPrompt:    "Search: ",
	SearchHint:      "words in the text or the author's name",
	NewEntryTitle:   "New entry",
	CorrectTitle:    "Correct #%d",
	Original:        "Original #%d: %s",
	KindField:       "Kind",
	TextField:       "Text",
	WhenField:       "Happened at",
	WhenHint:        "14:05, 2022-09-12 03:40, -20m; empty = now; %s time",
	WhenPlaceholder: "now",
	TextPlaceholder: "What happened, what was decided, who was told…",
	SavedAs:         "Saved as #%d",
	TaskLink:        "task %d",
	AssetLink:       "asset %d",

	Help: HelpText{Correct: "correct", Filter: "kind", FilterBack: "kind back", Search: "search", Clear: "show all"},
}
