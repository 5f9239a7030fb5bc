package kit

import "cellule/crisis"

// french is the console's shared strings for a French crisis cell: the
// words of the main courante and of the cellule de crise.
var french = Text{
	Lang:    "fr",
	Product: "Cellule",

	Calendar: Calendar{
		Months:        [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		MonthsShort:   [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		Weekdays:      [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		WeekdaysShort: [7]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."},
	},
	DateTime: "02/01/2006 15:04",
	DayTime:  "02/01 15:04",

	StageLabel:   "Phase : %s",
	ElapsedDays:  "J+%d %02dh%02d",
	ElapsedHours: "H+%02dh%02d",
	Ended:        "Terminée le %s",
	Lasted:       "durée %s",
	EndedLayout:  "02/01/2006 15:04",
	LastedDays:   "%d j %02dh%02d",
	LastedHours:  "%dh%02d",
	Closed:       "CLÔTURÉE · lecture seule",
	OnlineCount:  "%d en ligne :",
	OnlineNobody: "personne en ligne",
	MoreNames:    "+%d",
	Me:           "moi : %s (%s)",

	// The domain's French sentences, with the console's own wording of a
	// few refusals (the keys to press) over them.
	Errors: over(crisis.French, map[string]string{
		"recovery.gate":            "%[1]s est en phase %[2]d : pas de remise en service avant la validation de la phase %[3]d (%[4]s) par un pilote, ou la levée du verrou par un pilote (o sur l'onglet Reprise)",
		"recovery.override-reason": "lever le verrou demande un motif : saisissez-le dans le champ Motif",
		"store.read-only":          "NON ENREGISTRÉ : le dossier est en lecture seule : ce serveur a ouvert sa base en lecture seule, comme pour un fichier endommagé. Rien n'a été écrit ; la lecture fonctionne. Prévenez l'exploitant du serveur et gardez votre texte.",
		"kind.closure-reserved":    "seule la clôture de la crise écrit une entrée de clôture (C sur l'onglet Rapport) : choisissez un autre type",
	}),

	Saving:         "Enregistrement…",
	ConfirmDiscard: "Abandonner cette entrée ? o/n",
	ConfirmQuit:    "Quitter et perdre la saisie ? o/n",

	IdleWarning:        "Aucune touche depuis un moment : fermeture dans %s. Appuyez sur une touche pour rester.",
	IdleWarningUnsaved: "Saisie non enregistrée ! Fermeture dans %s : une touche, puis Ctrl+S.",
	PasteRefused:       "Collage refusé : plus de %d octets. Rien n'a été ajouté.",
	FieldFull:          "Ce champ est plein (%d caractères au plus) : la suite n'a pas été ajoutée.",

	SearchHint: "tapez pour chercher",
	NoMatch:    "(aucun résultat : changez la recherche)",

	PickerTitle:      "Faire passer la crise en phase :",
	PickerCurrent:    "(actuelle)",
	PickerConfirmEnd: "Terminer la crise ? Une entrée de clôture est écrite et l'horloge de crise s'arrête. o/n",
	StageSet:         "Phase : %s (n°%d)",

	PickerNote:           "Note",
	PickerNoteHint:       "pourquoi (facultatif) : ajouté à l'entrée de la main courante",
	PickerConfirmDiscard: "Abandonner cette note ? o/n",

	Help: HelpText{
		Up: "haut", Down: "bas", PageUp: "page préc.", PageDown: "page suiv.",
		Home: "plus ancienne", End: "plus récente",
		New: "créer", Stage: "phase",
		Tabs: "onglet", NextTab: "onglet suivant", PrevTab: "onglet précédent",
		More: "aide", Less: "moins", Quit: "quitter",
		NextField: "champ suivant", PrevField: "champ précédent", Save: "enregistrer",
		Cancel: "annuler", Kind: "type",
		Yes: "oui", No: "non", Apply: "appliquer", ClearSearch: "effacer",
		Choose: "choisir la phase", Close: "fermer", Move: "déplacer",
		Pick: "choisir", Search: "tapez pour chercher",
		Lang: "english", YesKey: "o",
	},

	Kinds: map[crisis.Kind]string{
		crisis.KindFact:          "FAIT",
		crisis.KindInfo:          "INFO",
		crisis.KindDecision:      "DÉCISION",
		crisis.KindAction:        "ACTION",
		crisis.KindCommunication: "COMM",
		crisis.KindEscalation:    "ESCALADE",
		crisis.KindClosure:       "CLÔTURE",
	},
	Stages: map[crisis.Stage]string{
		crisis.StageAlert:         "Alerte",
		crisis.StageQualification: "Qualification",
		crisis.StageContainment:   "Confinement",
		crisis.StageInvestigation: "Investigation",
		crisis.StageRemediation:   "Remédiation",
		crisis.StageEnd:           "Sortie de crise",
	},
	Roles: map[crisis.Role]string{
		crisis.RoleLead:      "pilote",
		crisis.RoleResponder: "intervenant",
		crisis.RoleViewer:    "lecteur",
	},
}

// over is base with the entries of top put over it, in a new map.
func over(base, top map[string]string) map[string]string {
	m := make(map[string]string, len(base)+len(top))
	for k, v := range base {
		m[k] = v
	}
	for k, v := range top {
		m[k] = v
	}
	return m
}
