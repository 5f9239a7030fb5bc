package tasks

// Unsaved (kit.Tab): a task form with text typed or changed, or a due time or a
// blocking reason typed at its prompt.
func (b *tasksTab) Unsaved() bool {
	if b.form != nil && b.form.dirty() {
		return true
	}
	return b.prompt != nil && !b.prompt.unchanged()
}
