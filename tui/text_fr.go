package tui

// frenchHeader is the header's third line for a French crisis cell.
var frenchHeader = HeaderText{
	RecoverySummary:     "Reprise",
	NewTaskOne:          "★ %d nouvelle tâche pour vous (2 : Tâches)",
	NewTasksMany:        "★ %d nouvelles tâches pour vous (2 : Tâches)",
	HandoverPending:     "⚑ Relève n°%d (%s) à accuser",
	HandoverPendingMany: "⚑ %d relèves à accuser",
}
