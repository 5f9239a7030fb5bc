package tasks

import "cellule/tui/kit"

// Restyle takes the session's theme again (kit.Restyler).
func (b *tasksTab) Restyle() { b.st = kit.ForTheme(b.s, "tasks.styles", newTaskStyles) }
