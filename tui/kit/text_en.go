package kit

import "cellule/crisis"

// Text holds every string the console shows, so that another language is one
// more file with one more value of this type. Strings with verbs are
// fmt formats; their comments say what the verbs receive.
type Text struct {
	Product string

	// Errors translates the service's refusals, by code (see crisis.Error);
	// nil for English, which the domain carries itself (crisis.English).
	Errors map[string]string

	// Header.
	StageLabel   string // "Stage: %s" (stage in words)
	ElapsedDays  string // days, hours, minutes since the crisis opened
	ElapsedHours string // hours, minutes
	// Ended prefixes the crisis's total duration once it has ended.
	Ended        string
	OnlineCount  string // "%d online:" (how many people)
	OnlineNobody string
	MoreNames    string // "+%d" (names that did not fit)
	Me           string // "me: %s (%s)" (name, role)

	// Tabs, in their fixed order; only the ones that exist are shown.
	TabTimeline string
	TabRecovery string

	// Timeline.
	FilterAll      string
	FilterKind     string // "kind %s" (kind label)
	FilterSearch   string // "search %q"
	EntriesCount   string // "%d entries"
	EntryOne       string // one entry
	EntriesMore    string // "%d+ entries" (older ones not loaded yet)
	FilterHint     string
	NewerBelow     string // "↓ %d newer (G)"
	LoadingOlder   string
	EmptyWriter    string
	EmptyViewer    string
	NoMatch        string
	RecordedAt     string // "(rec. %s)" (recording time)
	WhenLayout     string // time.Format layout of when an entry happened
	RecordedLayout string // the same for when it was recorded, shorter
	Corrects       string // "corrects #%d"
	AmendedBy      string // "[amended by %s]" (list of "#id")
	LoadFailed     string // "Cannot read the logbook: %s"
	SearchPrompt   string
	SearchHint     string

	// Entry form.
	NewEntryTitle   string
	CorrectTitle    string // "Correct #%d"
	Original        string // "Original #%d: %s"
	KindField       string
	TextField       string
	WhenField       string
	WhenHint        string // examples; %s is the time zone people type in
	WhenPlaceholder string
	TextPlaceholder string
	Saving          string
	ConfirmDiscard  string
	ConfirmQuit     string
	SavedAs         string // "Saved as #%d"

	// Session limits (session.go).
	IdleWarning        string // "closes in %s" (time left)
	IdleWarningUnsaved string // the same, when typed text is not saved yet
	PasteRefused       string // "%d" (the largest paste taken, in bytes)

	// Stage picker.
	PickerTitle   string
	PickerCurrent string
	// PickerConfirmEnd asks before the crisis is declared over.
	PickerConfirmEnd string
	StageSet         string // "Stage set to %s (#%d)"

	// Help: key labels and what they do.
	Help HelpText

	// Labels of the domain's codes, in words.
	Kinds  map[crisis.Kind]string
	Stages map[crisis.Stage]string
	Roles  map[crisis.Role]string
}

// HelpText describes the keys in the footer.
type HelpText struct {
	Up, Down, PageUp, PageDown, Home, End                  string
	New, Correct, Filter, FilterBack, Search, Clear, Stage string
	Tabs, NextTab, PrevTab, More, Less, Quit               string
	NextField, PrevField, Save, Cancel, Kind               string
	Yes, No, Apply, ClearSearch, Choose, Close             string
	Move                                                   string
}

var english = Text{
	Product: "Cellule",

	StageLabel:   "Stage: %s",
	ElapsedDays:  "T+%dd %02dh%02d",
	ElapsedHours: "T+%02dh%02d",
	Ended:        "ended ",
	OnlineCount:  "%d online:",
	OnlineNobody: "nobody online",
	MoreNames:    "+%d",
	Me:           "me: %s (%s)",

	TabTimeline: "Timeline",
	TabRecovery: "Recovery",

	FilterAll:      "All kinds",
	FilterKind:     "Kind %s",
	FilterSearch:   "search %q",
	EntriesCount:   "%d entries",
	EntryOne:       "1 entry",
	EntriesMore:    "%d+ entries",
	FilterHint:     "f: kind  /: search",
	NewerBelow:     "↓ %d newer (G)",
	LoadingOlder:   "loading older entries…",
	EmptyWriter:    "The logbook is empty. Press n to write the first entry.",
	EmptyViewer:    "Nothing has been logged yet.",
	NoMatch:        "No entry matches. Press esc to show them all.",
	RecordedAt:     "(rec. %s)",
	WhenLayout:     "2006-01-02 15:04",
	RecordedLayout: "01-02 15:04",
	Corrects:       "corrects #%d",
	AmendedBy:      "[amended by %s]",
	LoadFailed:     "Cannot read the logbook: %s",
	SearchPrompt:   "Search: ",
	SearchHint:     "words in the text or the author's name",

	NewEntryTitle:   "New entry",
	CorrectTitle:    "Correct #%d",
	Original:        "Original #%d: %s",
	KindField:       "Kind",
	TextField:       "Text",
	WhenField:       "Happened at",
	WhenHint:        "14:05, 2022-09-12 03:40, -20m; empty = now; %s time",
	WhenPlaceholder: "now",
	TextPlaceholder: "What happened, what was decided, who was told…",
	Saving:          "Saving…",
	ConfirmDiscard:  "Discard this entry? y/n",
	ConfirmQuit:     "Quit and discard what you typed? y/n",
	SavedAs:         "Saved as #%d",

	IdleWarning:        "No key pressed for a while: closing in %s. Press a key to stay.",
	IdleWarningUnsaved: "Unsaved text! Closing in %s if idle: press a key, then Ctrl+S.",
	PasteRefused:       "Paste refused: over %d bytes. Nothing was added.",

	PickerTitle:      "Move the crisis to the stage:",
	PickerCurrent:    "(current)",
	PickerConfirmEnd: "End the crisis? This logs a closure entry and stops the crisis clock. y/n",
	StageSet:         "Stage set to %s (#%d)",

	Help: HelpText{
		Up: "up", Down: "down", PageUp: "page up", PageDown: "page down",
		Home: "oldest", End: "newest",
		New: "new", Correct: "correct", Filter: "kind", FilterBack: "kind back", Search: "search",
		Clear: "show all", Stage: "stage",
		Tabs: "go to tab", NextTab: "next tab", PrevTab: "previous tab",
		More: "help", Less: "less", Quit: "quit",
		NextField: "next field", PrevField: "previous field", Save: "save",
		Cancel: "cancel", Kind: "kind",
		Yes: "yes", No: "no", Apply: "apply", ClearSearch: "clear",
		Choose: "set stage", Close: "close", Move: "move",
	},

	Kinds: map[crisis.Kind]string{
		crisis.KindFact:          "FACT",
		crisis.KindInfo:          "INFO",
		crisis.KindDecision:      "DECISION",
		crisis.KindAction:        "ACTION",
		crisis.KindCommunication: "COMM",
		crisis.KindEscalation:    "ESCALATION",
		crisis.KindClosure:       "CLOSURE",
	},
	Stages: map[crisis.Stage]string{
		crisis.StageAlert:         "Alert",
		crisis.StageQualification: "Qualification",
		crisis.StageContainment:   "Containment",
		crisis.StageInvestigation: "Investigation",
		crisis.StageRemediation:   "Remediation",
		crisis.StageEnd:           "End of crisis",
	},
	Roles: map[crisis.Role]string{
		crisis.RoleLead:      "lead",
		crisis.RoleResponder: "responder",
		crisis.RoleViewer:    "viewer",
	},
}

// TextFor picks the strings of a language; English is the fallback so a
// session never shows blanks.
func TextFor(lang string) *Text {
	var t Text
	switch lang {
	default: // "", "en"
		t = english // shared and never changed: sessions only read it
	}
	return &t
}

// ErrText is a refusal or failure in this language.
func (t *Text) ErrText(err error) string {
	return crisis.SanitizeLine(crisis.MessageIn(err, t.Errors))
}

// Kind returns a kind's label, or its code for a kind this language does
// not know (a newer database read by an older binary).
func (t *Text) Kind(k crisis.Kind) string {
	if s, ok := t.Kinds[k]; ok {
		return s
	}
	return crisis.SanitizeLine(string(k))
}

// Stage is a stage's label, or its code for one this language does not know.
func (t *Text) Stage(s crisis.Stage) string {
	if l, ok := t.Stages[s]; ok {
		return l
	}
	return crisis.SanitizeLine(string(s))
}

// Role is a role's label, or its code for one this language does not know.
func (t *Text) Role(r crisis.Role) string {
	if l, ok := t.Roles[r]; ok {
		return l
	}
	return crisis.SanitizeLine(string(r))
}
