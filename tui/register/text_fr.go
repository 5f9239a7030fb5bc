package register

import "cellule/crisis"

// french is the Registre tab's strings (comptes, machines et indicateurs
// compromis) for a French crisis cell. The kinds and states stay the
// codes the forms and the command line take.
var french = Text{
	Tab:      "Registre",
	AllKinds: "tous", AllStates: "tous", KindLabel: "type : ", StateLabel: "état : ", SearchLabel: "recherche : ",
	Count:         "%d actifs",
	CountOne:      "%d actif",
	Heading:       "%s (%d)",
	EmptyWriter:   "Le registre est vide. n enregistre un compte, une machine ou un indicateur ; register import charge un CSV.",
	EmptyViewer:   "Le registre est vide.",
	EmptyFiltered: "Aucun actif ne correspond aux filtres (t : type, f : état, / : recherche).",
	LoadFailed:    "Lecture du registre impossible : %s",
	Found:         "trouvé %s",
	ItemMark:      "élément %s",
	DayLayout:     "02/01 15:04",
	LongLayout:    "02/01/2006 15:04",

	AssetTitle: "Actif #%d", KindField: "Type", IdentifierField: "Identifiant", StateField: "État",
	OwnerField: "Responsable", ItemField: "Élément de reprise", NoteField: "Fait / note", EvidenceField: "Preuve",
	TasksField: "Tâches", FoundField: "Trouvé", HistoryTitle: "Historique",
	Registered: "enregistré comme %s", Moved: "%s -> %s", EntryLink: "#%d",
	DoneLabel: "fait : ", NoteLabel: "note : ", EvidenceLabel: "preuve : ",

	AddTitle:       "Enregistrer un actif",
	ChangeTitle:    "Modifier l'actif #%d (%s, maintenant %s)",
	ConfirmDiscard: "Abandonner la saisie ? o/n",
	Added:          "Actif #%d enregistré",
	Changed:        "L'actif #%d est maintenant %s",
	SearchPrompt:   "/ ",

	HelpOpen: "historique", HelpBack: "retour", HelpAdd: "enregistrer", HelpChange: "changer l'état",
	HelpKind: "filtre type", HelpState: "filtre état", HelpSearch: "chercher",

	States: map[crisis.AssetState]string{
		crisis.AssetSuspected: "suspect", crisis.AssetCompromised: "compromis", crisis.AssetContained: "confiné",
		crisis.AssetRemediated: "remédié", crisis.AssetCleared: "écarté", crisis.AssetConfirmed: "confirmé",
		crisis.AssetBlocked: "bloqué",
	},
}
