package recovery

import "cellule/crisis"

// Text is the Recovery tab's strings in one language, so that another
// language is one more table of this type.
type Text struct {
	// Tab is the tab's title.
	Tab       string
	Phase     string // "%d %s" (number, name)
	NoItems   string
	Validated string // "validated by %s, %s" (name, time)
	// Suspended is the state of a validated phase while an earlier one is
	// not validated.
	Suspended string
	Percent   string // "%3d%%"
	Override  string // marker of an item whose gate a lead lifted
	// Compromised counts the register's assets linked to the item and not
	// yet remediated: "[%d compromised]".
	Compromised string
	Owner       string // "owner %s"
	Updated     string // "updated by %s %s" (name, time)
	OverrideBy  string // "gate lifted by %s: %s" (name, reason)
	TimeLayout  string
	LoadFailed  string // "Cannot read the recovery plan: %s"
	EmptyDetail string // detail line when nothing is selected

	// Forms and questions.
	UpdateTitle     string // "Update %s" (item name)
	OverrideTitle   string // "Lift the gate for %s (phase %d)"
	OverrideHint    string // "It may go back in service before phase %d is validated. Logged as a decision."
	AddTitle        string
	RenameTitle     string // "Rename %s"
	MoveTitle       string // "Move %s to phase"
	StateField      string
	CountField      string
	CountHint       string // "of %d" (total)
	OwnerField      string
	NoteField       string
	ReasonField     string
	NameField       string
	PhaseField      string
	TotalField      string
	TotalHint       string
	FormHint        string
	NotANumber      string // "%s: a whole number, e.g. 612" (field)
	Saving          string
	ConfirmValidate string // "Validate phase %d (%s)? y/n"
	ConfirmRemove   string // "Remove %s from the plan? y/n"
	ConfirmDiscard  string

	// Outcomes, on the status line.
	SetDone       string // "%s: %s (#%d)" (item, state, entry)
	ValidatedDone string // "Phase %d validated (#%d)"
	OverrideDone  string // "Gate lifted for %s (#%d)"
	AddDone       string // "Added %s to phase %d"
	RenameDone    string // "Renamed to %s"
	MoveDone      string // "Moved %s to phase %d"
	RemoveDone    string // "Removed %s"

	// Help.
	Update, Validate, OverrideKey, Add, Rename, Move, Remove, ChooseKey string
	FirstKey, LastKey                                                   string

	// PhaseNames names the four phases, by number - 1.
	PhaseNames [crisis.PhaseCount]string

	States      map[crisis.ItemState]string
	PhaseStates map[crisis.PhaseState]string

	// Columns are the list's column names: item, state, count, notes.
	Columns [4]string
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
	Tab:         "Recovery",
	Phase:       "%d %s",
	NoItems:     "(no items)",
	Columns:     [4]string{"Item", "State", "Done", "Owner, note"},
	Validated:   "validated by %s %s",
	Suspended:   "‖ suspended: phase %d first",
	Percent:     "%3d%%",
	Override:    "[gate lifted]",
	Compromised: "[%d compromised]",
	Owner:       "owner %s",
	Updated:     "updated by %s %s",
	OverrideBy:  "gate lifted by %s: %s",
	TimeLayout:  "01-02 15:04",
	LoadFailed:  "Cannot read the recovery plan: %s",
	EmptyDetail: "",

	UpdateTitle:     "Update %s",
	OverrideTitle:   "Lift the gate for %s (phase %d)",
	OverrideHint:    "It may go back in service before phase %d is validated. Logged as a decision.",
	AddTitle:        "Add an item to the plan",
	RenameTitle:     "Rename %s",
	MoveTitle:       "Move %s",
	StateField:      "State",
	CountField:      "Count",
	CountHint:       "of %d",
	OwnerField:      "Owner",
	NoteField:       "Note",
	ReasonField:     "Reason",
	NameField:       "Name",
	PhaseField:      "Phase",
	TotalField:      "Machines",
	TotalHint:       "empty for one system; a number for a group",
	FormHint:        "enter saves · tab next field · ←/→ choose · esc cancels",
	NotANumber:      "%s: a whole number, e.g. 612",
	Saving:          "Saving…",
	ConfirmValidate: "Validate phase %d (%s)? Its items are all verified or in service. y/n",
	ConfirmRemove:   "Remove %s from the plan? y/n",
	ConfirmDiscard:  "Discard this change? y/n",

	SetDone:       "%s: %s (#%d)",
	ValidatedDone: "Phase %d validated (#%d)",
	OverrideDone:  "Gate lifted for %s (#%d)",
	AddDone:       "Added %s to phase %d",
	RenameDone:    "Renamed to %s",
	MoveDone:      "Moved %s to phase %d",
	RemoveDone:    "Removed %s",

	Update: "update", Validate: "validate", OverrideKey: "override",
	Add: "add item", Rename: "rename", Move: "move to phase", Remove: "remove", ChooseKey: "choose",
	FirstKey: "first item", LastKey: "last item",

	PhaseNames: crisis.PhaseNames,

	// The states in the words the logbook and the command line use, so
	// one state has one name everywhere.
	States: map[crisis.ItemState]string{
		crisis.StateIsolated:      "isolated",
		crisis.StateInvestigating: "investigating",
		crisis.StateCleaned:       "cleaned",
		crisis.StateRebuilt:       "rebuilt",
		crisis.StateVerified:      "verified",
		crisis.StateInService:     "in-service",
		crisis.StateCompromised:   "compromised",
	},
	PhaseStates: map[crisis.PhaseState]string{
		crisis.PhaseNotStarted: "not started",
		crisis.PhaseInProgress: "in progress",
		crisis.PhaseReady:      "ready for validation",
		crisis.PhaseValidated:  "validated",
	},
}

func (t *Text) state(s crisis.ItemState) string {
	if l, ok := t.States[s]; ok {
		return l
	}
	return crisis.SanitizeLine(string(s))
}

func (t *Text) phaseState(s crisis.PhaseState) string {
	if l, ok := t.PhaseStates[s]; ok {
		return l
	}
	return crisis.SanitizeLine(string(s))
}

// phaseName is a phase's name in this language, or the name it carries
// for a number this language does not know.
func (t *Text) phaseName(ph crisis.PhaseView) string {
	if ph.Number >= 1 && ph.Number <= len(t.PhaseNames) {
		return t.PhaseNames[ph.Number-1]
	}
	return crisis.SanitizeLine(ph.Name)
}
