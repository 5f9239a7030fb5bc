package recovery

import "cellule/crisis"

// french is the Reprise tab's strings (remédiation plan) for a French
// crisis cell.
var french = Text{
	Tab:         "Reprise",
	Phase:       "%d %s",
	NoItems:     "(aucun élément)",
	Validated:   "validée par %s %s",
	Suspended:   "‖ suspendue : phase %d d'abord",
	Compromised: "[%d compromis]",
	Percent:     "%3d%%",
	Override:    "[verrou levé]",
	Owner:       "responsable %s",
	Updated:     "mis à jour par %s %s",
	OverrideBy:  "verrou levé par %s : %s",
	TimeLayout:  "02/01 15:04",
	LoadFailed:  "Lecture du plan de reprise impossible : %s",
	EmptyDetail: "",

	UpdateTitle:     "Mettre à jour %s",
	OverrideTitle:   "Lever le verrou pour %s (phase %d)",
	OverrideHint:    "Il pourra être remis en service avant la validation de la phase %d. Consigné comme décision.",
	AddTitle:        "Ajouter un élément au plan",
	RenameTitle:     "Renommer %s",
	MoveTitle:       "Déplacer %s",
	StateField:      "État",
	CountField:      "Nombre",
	CountHint:       "sur %d",
	OwnerField:      "Responsable",
	NoteField:       "Note",
	ReasonField:     "Motif",
	NameField:       "Nom",
	PhaseField:      "Phase",
	TotalField:      "Machines",
	TotalHint:       "vide pour un système ; un nombre pour un parc",
	FormHint:        "entrée enregistre · tab champ suivant · ←/→ choisir · échap annule",
	NotANumber:      "%s : un nombre entier, par ex. 612",
	Saving:          "Enregistrement…",
	ConfirmValidate: "Valider la phase %d (%s) ? Tous ses éléments sont vérifiés ou en service. o/n",
	ConfirmRemove:   "Retirer %s du plan ? o/n",
	ConfirmDiscard:  "Abandonner cette modification ? o/n",

	SetDone:       "%s : %s (#%d)",
	ValidatedDone: "Phase %d validée (#%d)",
	OverrideDone:  "Verrou levé pour %s (#%d)",
	AddDone:       "%s ajouté en phase %d",
	RenameDone:    "Renommé en %s",
	MoveDone:      "%s déplacé en phase %d",
	RemoveDone:    "%s retiré",

	Update: "modifier", Validate: "valider", OverrideKey: "forcer",
	Add: "ajouter", Rename: "renommer", Move: "changer de phase", Remove: "retirer", ChooseKey: "choisir",
	FirstKey: "premier élément", LastKey: "dernier élément",

	Columns: [4]string{"Élément", "État", "Fait", "Responsable, note"},

	PhaseNames: [crisis.PhaseCount]string{
		"Infrastructure cœur",
		"Services métier et messagerie",
		"Autres serveurs",
		"Postes de travail",
	},

	// The states in the words the French command line takes.
	States: map[crisis.ItemState]string{
		crisis.StateIsolated:      "isolé",
		crisis.StateInvestigating: "en-investigation",
		crisis.StateCleaned:       "nettoyé",
		crisis.StateRebuilt:       "reconstruit",
		crisis.StateVerified:      "vérifié",
		crisis.StateInService:     "en-service",
		crisis.StateCompromised:   "compromis",
	},
	PhaseStates: map[crisis.PhaseState]string{
		crisis.PhaseNotStarted: "non commencée",
		crisis.PhaseInProgress: "en cours",
		crisis.PhaseReady:      "prête à valider",
		crisis.PhaseValidated:  "validée",
	},
}
