package tui

import "cellule/tui/kit"

// Text is the console's strings: the kit's, shared by every part, and the
// tables of the tabs not in packages of their own yet.
type Text struct {
	kit.Text
	Recovery RecoveryText
	// Tasks is the task board's text.
	Tasks TaskText
	// OnCall: the On-call tab and the header's handover flag.
	OnCall OnCallText
}

// textFor picks the strings of a language; English is the fallback so a
// session never shows blanks.
func textFor(lang string) *Text {
	t := &Text{Text: *kit.TextFor(lang)}
	switch lang {
	default: // "", "en"
		t.Recovery, t.Tasks, t.OnCall = englishRecovery, englishTasks, onCallEnglish
	}
	return t
}
