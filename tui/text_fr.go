package tui

// frenchHeader is the header's third line for a French crisis cell.
var frenchHeader = HeaderText{
	RecoverySummary:      "Reprise",
	SuspendedMark:        "‖",
	RegisterCompromised:  "%d compromis",
	RegisterSuspected:    "%d suspects",
	RegisterSuspectedOne: "%d suspect",
	DeclarationDue:       "%s à faire dans %s",
	DeclarationLate:      "%s EN RETARD de %s",
	NewTaskOne:           "★ %d nouvelle tâche (2 : Tâches)",
	NewTasksMany:         "★ %d nouvelles tâches (2 : Tâches)",
	HandoverPending:      "⚑ Relève n°%d (%s) à accuser",
	HandoverPendingMany:  "⚑ %d relèves à accuser",
}
