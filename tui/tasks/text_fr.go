package tasks

import "cellule/crisis"

// french is the task board's strings for a French crisis cell.
var french = Text{
	Tab:  "Tâches",
	Link: "tâche %d",

	ViewAll: "Toutes les tâches", ViewMine: "Mes tâches", ViewByAssignee: "Par responsable", ViewByStatus: "Par statut",
	Count: "%d tâches", CountOne: "%d tâche", Open: "%d ouvertes", Late: "%d en retard", Blocked: "%d bloquées",
	OpenOne: "%d ouverte", LateOne: "%d en retard", BlockedOne: "%d bloquée",
	ViewHint:  "entrée : ouvrir  v : vue",
	Nobody:    "—",
	NewMark:   "NOUV ",
	LateBy:    "RETARD %s",
	BlockedBy: "bloquée : %s",
	DueLayout: "02/01 15:04",

	EmptyWriter: "Aucune tâche. Appuyez sur n pour ajouter la première.",
	EmptyViewer: "Aucune tâche.",
	EmptyMine:   "Rien ne vous est attribué. Appuyez sur v pour voir toutes les tâches.",
	LoadFailed:  "Lecture des tâches impossible : %s",

	TaskTitle: "Tâche #%d",
	Status:    "Statut", Priority: "Priorité", Assignee: "Responsable", Due: "Échéance", Phase: "Phase",
	Details: "Détails", Created: "Créée", Updated: "Modifiée",
	CreatedBy: "%s par %s",
	NoDue:     "aucune", NoPhase: "aucune", NoDetails: "(pas de détails)",
	PhaseNames: [crisis.PhaseCount + 1]string{"aucune", "1 Infrastructure cœur", "2 Services métier et messagerie",
		"3 Autres serveurs", "4 Postes de travail"},
	LongLayout: "02/01/2006 15:04",

	StatusSet:    "Tâche #%d : %s",
	Assigned:     "Tâche #%d attribuée à %s",
	Unassigned:   "Tâche #%d attribuée à personne",
	Added:        "Tâche #%d ajoutée",
	Saved:        "Tâche #%d enregistrée",
	TakenAlready: "La tâche #%d est déjà à vous",
	AssignTitle:  "Attribuer la tâche #%d à :",
	StatusTitle:  "Statut de la tâche #%d :",
	Current:      "(actuel)",
	ReasonPrompt: "Bloquée par : ",
	ReasonHint:   "qu'attend-elle ?",
	DuePrompt:    "Échéance : ",
	DueHint:      "17:00, +2h, 2022-09-13 08:00 ; vide = aucune",

	NewTitle: "Nouvelle tâche", EditTitle: "Modifier la tâche #%d",
	TitleField: "Titre", DetailsField: "Détails", PriorityField: "Priorité",
	PhaseField: "Phase", AssigneeField: "Responsable", DueField: "Échéance",
	TitlePlaceholder:   "Ce qu'il faut faire",
	DetailsPlaceholder: "Comment, où, qui appeler…",
	DueEmpty:           "aucune",
	DueFormHint:        "17:00, +2h, 2022-09-13 08:00, 2022-09-13 ; vide = aucune ; heure %s",
	ConfirmDiscard:     "Abandonner cette tâche ? o/n",

	Statuses: map[crisis.TaskStatus]string{
		crisis.TaskTodo:       "à faire",
		crisis.TaskInProgress: "en cours",
		crisis.TaskBlocked:    "bloquée",
		crisis.TaskDone:       "faite",
		crisis.TaskCancelled:  "annulée",
	},

	HelpOpen: "ouvrir", HelpNew: "créer", HelpEdit: "modifier", HelpAssign: "confier", HelpTake: "prendre",
	HelpStatus: "état", HelpDue: "échéance", HelpView: "vue", HelpViewBack: "vue préc.",
	HelpBack: "retour", HelpChoose: "choisir",

	ConfirmDiscardReason: "Abandonner ce motif ? o/n",

	Unchanged: "Rien n'a changé : la tâche #%d est déjà ainsi",
	Columns:   [6]string{"#", "P", "Statut", "Resp.", "Échéance", "Tâche"},

	NoAssignee: "Aucun nom ne correspond à la recherche du responsable : changez la recherche",
}
