package kit

import "cellule/crisis"

// Text holds every string the console shows, so that another language is one
// more file with one more value of this type. Strings with verbs are
// fmt formats; their comments say what the verbs receive.
type Text struct {
	// Lang is the table's language code ("en", "fr"): plural rules.
	Lang    string
	Product string

	// Calendar names months and weekdays (Date); DateTime is the layout
	// of a full date and time, DayTime of a day and time in the crisis.
	Calendar          Calendar
	DateTime, DayTime string

	// Errors translates the service's refusals, by code (see crisis.Error).
	// The domain carries the English (crisis.English), shared with the
	// command line, whose sentences name its flags; here are the codes
	// whose console wording names the key instead, and in another
	// language every code it translates.
	Errors map[string]string

	// Header.
	StageLabel   string // "Stage: %s" (stage in words)
	ElapsedDays  string // days, hours, minutes since the crisis opened
	ElapsedHours string // hours, minutes
	// An ended crisis says when it ended ("Ended %s": the date and time in
	// EndedLayout, in place of the stage) and how long it lasted ("lasted
	// %s": LastedDays or LastedHours), not a T+ clock that reads as still
	// counting.
	Ended, Lasted, EndedLayout string
	LastedDays, LastedHours    string // days, hours, minutes; hours, minutes
	// Closed flags a record a lead closed: the console then offers no write.
	Closed       string
	OnlineCount  string // "%d online:" (how many people)
	OnlineNobody string
	MoreNames    string // "+%d" (names that did not fit)
	Me           string // "me: %s (%s)" (name, role)

	// Tabs, in their fixed order; only the ones that exist are shown.

	Saving         string
	ConfirmDiscard string
	ConfirmQuit    string

	// Session limits (tui/session.go).
	IdleWarning        string // "closes in %s" (time left)
	IdleWarningUnsaved string // the same, when typed text is not saved yet
	PasteRefused       string // "%d" (the largest paste taken, in bytes)
	// FieldFull: a field dropped what was typed past its limit: "%d"
	// (the limit, in characters).
	FieldFull string

	// Form pickers: the search field's hint, and what a search that lets
	// nothing through shows.
	SearchHint, NoMatch string

	// Stage picker.
	PickerTitle   string
	PickerCurrent string
	// PickerConfirmEnd asks before the crisis is declared over.
	PickerConfirmEnd string
	StageSet         string // "Stage set to %s (#%d)"

	// PickerNote labels the note a stage change takes; the hint says where
	// it goes; PickerConfirmDiscard asks before a typed note is dropped.
	PickerNote, PickerNoteHint, PickerConfirmDiscard string

	// Help: key labels and what they do.
	Help HelpText

	// Labels of the domain's codes, in words.
	Kinds  map[crisis.Kind]string
	Stages map[crisis.Stage]string
	Roles  map[crisis.Role]string
}

// HelpText describes the keys in the footer.
type HelpText struct {
	Up, Down, PageUp, PageDown, Home, End      string
	New, Stage                                 string
	Tabs, NextTab, PrevTab, More, Less, Quit   string
	NextField, PrevField, Save, Cancel, Kind   string
	Yes, No, Apply, ClearSearch, Choose, Close string
	Move, Pick, Search                         string
	// Lang is the key that switches the console to the other language:
	// named in that language.
	Lang string
	// YesKey is the letter a yes/no question shows for yes (y, or o for
	// oui); both work in every language.
	YesKey string
}

var english = Text{
	Lang:    "en",
	Product: "Cellule",

	Calendar: Calendar{
		Months:        [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		MonthsShort:   [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		Weekdays:      [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		WeekdaysShort: [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
	},
	DateTime: "2006-01-02 15:04",
	DayTime:  "01-02 15:04",

	// Explicit argument indexes: a sentence may leave out an argument the
	// command line's wording uses (the item's id for its command).
	Errors: map[string]string{
		"recovery.gate":            "%[1]s is in phase %[2]d: it cannot go back in service before phase %[3]d (%[4]s) is validated by a lead, or a lead lifts the gate for it (o on the Recovery tab)",
		"recovery.override-reason": "lifting the gate needs a reason: type it in the Reason field",
		"store.read-only":          "NOT SAVED: the record is read-only: this server opened its database read-only, as it does for a damaged file. Nothing was written; reading still works. Tell the host's operator and keep your text.",
		"kind.closure-reserved":    "only closing the crisis writes a closure entry (C on the Report tab); give the entry another kind",
	},

	StageLabel:   "Stage: %s",
	ElapsedDays:  "T+%dd %02dh%02d",
	ElapsedHours: "T+%02dh%02d",
	Ended:        "Ended %s",
	Lasted:       "lasted %s",
	EndedLayout:  "2006-01-02 15:04",
	LastedDays:   "%dd %02dh%02d",
	LastedHours:  "%dh%02d",
	Closed:       "CLOSED · read-only",
	OnlineCount:  "%d online:",
	OnlineNobody: "nobody online",
	MoreNames:    "+%d",
	Me:           "me: %s (%s)",

	Saving:         "Saving…",
	ConfirmDiscard: "Discard this entry? y/n",
	ConfirmQuit:    "Quit and discard what you typed? y/n",

	IdleWarning:        "No key pressed for a while: closing in %s. Press a key to stay.",
	IdleWarningUnsaved: "Unsaved text! Closing in %s if idle: press a key, then Ctrl+S.",
	PasteRefused:       "Paste refused: over %d bytes. Nothing was added.",
	FieldFull:          "This field is full (%d characters at most): the rest was not added.",

	SearchHint: "type to search",
	NoMatch:    "(no match: change the search)",

	PickerTitle:      "Move the crisis to the stage:",
	PickerCurrent:    "(current)",
	PickerConfirmEnd: "End the crisis? This logs a closure entry and stops the crisis clock. y/n",
	StageSet:         "Stage set to %s (#%d)",

	PickerNote:           "Note",
	PickerNoteHint:       "why (optional): added to the logbook entry",
	PickerConfirmDiscard: "Discard this note? y/n",

	Help: HelpText{
		Up: "up", Down: "down", PageUp: "page up", PageDown: "page down",
		Home: "oldest", End: "newest",
		New: "new", Stage: "stage",
		Tabs: "go to tab", NextTab: "next tab", PrevTab: "previous tab",
		More: "help", Less: "less", Quit: "quit",
		NextField: "next field", PrevField: "previous field", Save: "save",
		Cancel: "cancel", Kind: "kind",
		Yes: "yes", No: "no", Apply: "apply", ClearSearch: "clear",
		Choose: "set stage", Close: "close", Move: "move",
		Pick: "choose", Search: "type to search",
		Lang: "français", YesKey: "y",
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
	case "fr":
		t = french
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
