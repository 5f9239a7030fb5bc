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

// Unsaved: a recovery form with a text field changed from what it opened
// with (a note, an owner, a name, a reason, a count).
func (r *recoveryTab) Unsaved() bool { return r.form != nil && r.form.dirty() }

func (f *recoveryForm) dirty() bool {
	for _, fl := range f.fields {
		if fl.choices == nil && fl.value() != fl.initial {
			return true
		}
	}
	return false
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
