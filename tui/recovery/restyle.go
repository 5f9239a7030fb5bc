package recovery

import "cellule/tui/kit"

// Restyle takes the session's theme again (kit.Restyler).
func (r *recoveryTab) Restyle() { r.st = kit.ForTheme(r.s, "kit.recovery", kit.NewRecoveryStyles) }
