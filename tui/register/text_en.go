package register

import "cellule/crisis"

// Text holds the Register tab's strings (tab 6) in one language, and the
// words of its keys: another language is one more table of this type.
type Text struct {
	Tab string

	// The filter line.
	AllKinds, AllStates, KindLabel, StateLabel, SearchLabel string
	Count                                                   string // "%d assets"
	CountOne                                                string // its singular (kit.Text.Plural)
	Heading                                                 string // "%s (%d)": state, count
	EmptyWriter, EmptyViewer, EmptyFiltered                 string
	LoadFailed                                              string // "Cannot read the register: %s"
	Found                                                   string // "found %s"
	ItemMark                                                string // "item %s"
	DayLayout, LongLayout                                   string

	// The open asset.
	AssetTitle                                      string // "Asset #%d"
	KindField, IdentifierField, StateField          string
	OwnerField, ItemField, NoteField, EvidenceField string
	TasksField, FoundField, HistoryTitle            string
	Registered                                      string // "registered as %s"
	Moved                                           string // "%s -> %s"
	EntryLink                                       string // "#%d"
	DoneLabel, NoteLabel, EvidenceLabel             string

	// Forms.
	AddTitle, ChangeTitle string // ChangeTitle: "Change asset #%d (%s, now %s)"
	// ConfirmDiscard asks before a form with typed text is left.
	ConfirmDiscard string
	Added, Changed string // status-line outcomes
	SearchPrompt   string

	HelpOpen, HelpBack, HelpAdd, HelpChange, HelpKind, HelpState, HelpSearch string

	// States names the assets' states as the screens show them.
	States map[crisis.AssetState]string
}

// state is a state's label, or its code for one this language does not
// know.
func (t *Text) state(s crisis.AssetState) string {
	if l, ok := t.States[s]; ok {
		return l
	}
	return crisis.SanitizeLine(string(s))
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
	Tab:      "Register",
	AllKinds: "all", AllStates: "all", KindLabel: "kind: ", StateLabel: "state: ", SearchLabel: "search: ",
	Count:         "%d assets",
	CountOne:      "%d asset",
	Heading:       "%s (%d)",
	EmptyWriter:   "The register is empty. n registers an account, a machine or an indicator; register import loads a CSV.",
	EmptyViewer:   "The register is empty.",
	EmptyFiltered: "No asset matches the filters (t: kind, f: state, /: search).",
	LoadFailed:    "Cannot read the register: %s",
	Found:         "found %s",
	ItemMark:      "item %s",
	DayLayout:     "01-02 15:04",
	LongLayout:    "2006-01-02 15:04",

	AssetTitle: "Asset #%d", KindField: "Kind", IdentifierField: "Identifier", StateField: "State",
	OwnerField: "Owner", ItemField: "Recovery item", NoteField: "Done / note", EvidenceField: "Evidence",
	TasksField: "Tasks", FoundField: "Found", HistoryTitle: "History",
	Registered: "registered as %s", Moved: "%s -> %s", EntryLink: "#%d",
	DoneLabel: "done: ", NoteLabel: "note: ", EvidenceLabel: "evidence: ",

	AddTitle:       "Register an asset",
	ConfirmDiscard: "Discard what you typed? y/n",
	ChangeTitle:    "Change asset #%d (%s, now %s)",
	Added:          "Asset #%d registered",
	Changed:        "Asset #%d is now %s",
	SearchPrompt:   "/ ",

	HelpOpen: "history", HelpBack: "back", HelpAdd: "register", HelpChange: "change state",
	HelpKind: "kind filter", HelpState: "state filter", HelpSearch: "search",

	States: map[crisis.AssetState]string{
		crisis.AssetSuspected: "suspected", crisis.AssetCompromised: "compromised", crisis.AssetContained: "contained",
		crisis.AssetRemediated: "remediated", crisis.AssetCleared: "cleared", crisis.AssetConfirmed: "confirmed",
		crisis.AssetBlocked: "blocked",
	},
}
