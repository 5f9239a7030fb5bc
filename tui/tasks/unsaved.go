package tasks

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
