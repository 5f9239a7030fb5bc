package tui

import (
	"strings"
)

// The Unsaved methods of the tabs with forms (see unsavedText): typed text
// that a save has not taken yet gets the louder idle warning, because the
// idle close would lose it.

// Unsaved: a task form with text typed or changed, or a due time or a
// blocking reason typed at its prompt.
func (b *tasksTab) Unsaved() bool {
	if b.form != nil && b.form.dirty() {
		return true
	}
	return b.prompt != nil && b.prompt.dirty()
}

// Unsaved: a handover being written, or a reason or label typed at a
// prompt. A directory search is not unsaved work.
func (o *onCall) Unsaved() bool {
	if o.form != nil && !o.form.empty() {
		return true
	}
	return o.prompt != nil && o.prompt.dirty()
}

// dirty: something other than blanks typed at an on-call prompt.
func (p *onCallPrompt) dirty() bool { return strings.TrimSpace(p.input.Value()) != "" }
