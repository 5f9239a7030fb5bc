package oncall

// Text holds the strings of the On-call tab in one language, so that
// another language is one more table. Verbs are fmt formats; comments
// say what they receive.
type Text struct {
	// Lang picks the language of the domain's own texts (built-in
	// checklists): a code of crisis.Localized, "en" or "fr".
	Lang string

	Tab string

	// Sections line.
	SecChecklists, SecDirectory, SecHandover string
	SecHandoverPending                       string // "Handover (%d to acknowledge)"

	// Header flag.

	// Checklists.
	NoRuns       string
	NoRunsViewer string
	RunLine      string // "#%d %s" (id, name)
	RunStarted   string // "started %s by %s" (time, who)
	Progress     string // "%d/%d" (done, total)
	NextStep     string // "next: %d %s" (number, text)
	Complete     string
	DoneBy       string // "— %s %s" (when, who)
	UndoneBy     string // "un-ticked by %s: %s" (who, reason)
	Call         string // "☎ %s" (contact line)
	NotInDir     string // "%s (not in the directory)"
	Backup       string // "backup %s"
	TimeLayout   string
	Ticked       string // "Step %d ticked (#%d)" (step, entry)
	Unticked     string // "Step %d un-ticked (#%d)"
	Started      string // "Run #%d started: %s" (id, title)
	LoadFailed   string // "Cannot read the on-call data: %s"
	PickerTitle  string
	PickerSteps  string // "%d steps"
	// PickerStepOne is its singular (kit.Text.Plural).
	PickerStepOne string
	LabelPrompt   string // "Label for this run of %s (optional): " (title)
	LabelHint     string
	ReasonPrompt  string // "Why un-tick step %d? " (number)
	ReasonHint    string
	PromptKeys    string

	// Directory.
	SearchPrompt string
	SearchHint   string
	ColName      string
	ColRole      string
	ColPhone     string
	ColBackup    string
	NoContacts   string
	NoMatch      string // "No contact matches “%s”." (the search as typed)
	OnDuty       string
	ContactsOf   string // "%d of %d contacts" (shown, all)
	DutySet      string // "%s is on duty"
	DutyUnset    string // "%s is off duty"
	// ConfirmOnDuty and ConfirmOffDuty ask before the mark changes (name).
	ConfirmOnDuty, ConfirmOffDuty string
	// ReasonNeeded answers Enter on an empty un-tick reason.
	ReasonNeeded string

	// Inviting someone (a lead, from the directory).
	InviteName, InviteNameHint string
	InviteRole                 string // "Role of %s:" (name)
	Invited                    string // "Invite for %s made" (name)
	// The invite's card: title (name, role), code, expiry (time, how long
	// from now), what the invitee runs (port, host), the host key
	// (fingerprint) or, unknown, where to read it, and the way out.
	CardTitle, CardCode, CardUntil, CardRun, CardHostKey, CardNoHostKey, CardOnce string
	CardKeys                                                                      string

	// Handover.
	NoHandover       string
	NoHandoverViewer string
	Pending          string // "NOT ACKNOWLEDGED"
	AckedBy          string // "acknowledged by %s at %s" (who, when)
	HandoverLine     string // "#%d  %s  by %s" (id, when, who)
	Situation        string
	OpenItems        string
	NextSteps        string
	ConfirmAck       string // "Acknowledge handover #%d from %s? y/n" (id, author)
	AckOwn           string
	Acked            string // "Handover #%d acknowledged (#%d)" (id, entry)
	HandoverSaved    string // "Handover #%d written (#%d)" (id, entry)
	FormTitle        string
	FormHint         string
	ConfirmDiscard   string
	ConfirmQuit      string
	SituationHolder  string
	OpenHolder       string
	NextHolder       string

	Help HelpText

	ConfirmDiscardText string // a reason or a label typed at a prompt
}

// HelpText describes the tab's keys.
type HelpText struct {
	Step, Run, Tick, Untick, Start, Checklists, Directory, Handover string
	Search, Duty, Write, Ack, Move, Choose, Cancel, Submit, Fields  string
	Save, SearchDone, SearchClear                                   string
	Invite, Close                                                   string
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
	Lang: "en",
	Tab:  "On-call",

	SecChecklists:      "Checklists",
	SecDirectory:       "Directory",
	SecHandover:        "Handover",
	SecHandoverPending: "Handover (%d to acknowledge)",

	NoRuns:        "No checklist is running. Press n to start one (hno: out-of-hours on-call).",
	NoRunsViewer:  "No checklist is running.",
	RunLine:       "#%d %s",
	RunStarted:    "started %s by %s",
	Progress:      "%d/%d",
	NextStep:      "next: %d %s",
	Complete:      "complete",
	DoneBy:        "— %s %s",
	UndoneBy:      "un-ticked by %s: %s",
	Call:          "☎ %s",
	NotInDir:      "%s (not in the directory)",
	Backup:        "backup %s",
	TimeLayout:    "01-02 15:04",
	Ticked:        "Step %d ticked (#%d)",
	Unticked:      "Step %d un-ticked (#%d)",
	Started:       "Run #%d started: %s",
	LoadFailed:    "Cannot read the on-call data: %s",
	PickerTitle:   "Start a checklist:",
	PickerSteps:   "%d steps",
	PickerStepOne: "%d step",
	LabelPrompt:   "Label (optional): ",
	LabelHint:     "night of 12 September",
	ReasonPrompt:  "Why un-tick step %d? ",
	ReasonHint:    "the reason goes to the logbook",
	PromptKeys:    "enter: confirm · esc: cancel",

	SearchPrompt: "Search: ",
	SearchHint:   "name, role, organisation, number…",
	ColName:      "NAME",
	ColRole:      "ROLE",
	ColPhone:     "PHONE",
	ColBackup:    "BACKUP",
	NoContacts:   "The directory is empty. On the host: cellule contacts import FILE.csv",
	NoMatch:      "No contact matches “%s”.",
	OnDuty:       "on duty",
	ContactsOf:   "%d of %d contacts",
	DutySet:      "%s is on duty",
	DutyUnset:    "%s is off duty",

	ConfirmOnDuty:  "Mark %s on duty? The logbook records it. y/n",
	ConfirmOffDuty: "Mark %s off duty? The logbook records it. y/n",
	ReasonNeeded:   "An un-tick needs a reason: type why, then enter (esc cancels).",

	InviteName:     "Invite: their user name? ",
	InviteNameHint: "e.g. dominique (letters, digits, - . _)",
	InviteRole:     "Role of %s:",
	Invited:        "Invite for %s made: read them the code",
	CardTitle:      "Invite for %s (%s)",
	CardCode:       "Code:      %s",
	CardUntil:      "Works once, until %s (%s).",
	CardRun:        "They run:  ssh -p %s invite@%s   and type the code.",
	CardHostKey:    "Host key:  %s: they check it when ssh asks, on that first connection.",
	CardNoHostKey:  "Host key:  not known here: on the host, cellule fingerprint prints it.",
	CardOnce:       "The code is shown only now: it is not kept in clear.",
	CardKeys:       "any key: close",

	NoHandover:       "No handover yet. Press w to write one at the end of your shift.",
	NoHandoverViewer: "No handover yet.",
	Pending:          "NOT ACKNOWLEDGED",
	AckedBy:          "acknowledged by %s at %s",
	HandoverLine:     "#%d  %s  by %s",
	Situation:        "Situation",
	OpenItems:        "Open items",
	NextSteps:        "Next steps",
	ConfirmAck:       "Acknowledge handover #%d from %s? y/n",
	AckOwn:           "This handover is yours: the next shift acknowledges it.",
	Acked:            "Handover #%d acknowledged (#%d)",
	HandoverSaved:    "Handover #%d written (#%d)",
	FormTitle:        "Shift handover (relève)",
	FormHint:         "tab: next field · ctrl+s: save · esc: cancel",
	ConfirmDiscard:   "Discard this handover? y/n",
	ConfirmQuit:      "Quit and discard this handover? y/n",
	SituationHolder:  "Where things stand: what is cut, what runs, what was decided…",
	OpenHolder:       "What is under way or waiting (optional)",
	NextHolder:       "What the next shift should do first (optional)",

	Help: HelpText{
		Step: "step", Run: "run", Tick: "tick", Untick: "un-tick", Start: "start",
		Checklists: "checklists", Directory: "directory", Handover: "handover",
		Search: "search", Duty: "on duty", Write: "write", Ack: "acknowledge",
		Move: "move", Choose: "choose", Cancel: "cancel", Submit: "confirm",
		Fields: "next field", Save: "save", SearchDone: "done", SearchClear: "clear",
		Invite: "invite", Close: "close",
	},

	ConfirmDiscardText: "Discard what you typed? y/n",
}
