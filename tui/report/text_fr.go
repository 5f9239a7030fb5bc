package report

// french is the Rapport tab's strings for a French crisis cell.
var french = Text{
	Tab:           "Rapport",
	Heading:       "Aperçu du rapport",
	Exports:       "rapport complet : export --format md|html|csv|json",
	ClosedLine:    "Clôturée le %s par %s : le dossier est en lecture seule",
	Loading:       "Lecture du dossier…",
	LoadFailed:    "Lecture du dossier impossible : %s",
	TakeawayForm:  "Nouveau point à retenir",
	TakeawayHint:  "Un enseignement pour le rapport, en une ou deux phrases.",
	CloseForm:     "Clôturer la crise : note de clôture",
	CloseHint:     "La clôture met tout le dossier en lecture seule, définitivement. Les exports restent possibles.",
	ConfirmClose:  "Clôturer la crise définitivement ? Toute modification sera refusée. o/n",
	Saving:        "Enregistrement…",
	TakeawaySaved: "Point à retenir #%d enregistré",
	CrisisClosed:  "Crise clôturée (#%d)",
	ReadOnly:      "La crise est clôturée : le dossier est en lecture seule",
	AddTakeaway:   "point à retenir",
	CloseCrisis:   "clôturer",
	PrintKey:      "kit papier",
	Printed:       "Kit papier enregistré sur le serveur : %s (à imprimer en A4)",
	PrintNowhere:  "Le kit papier : cellule export --format print > kit.html",

	ConfirmDiscardTakeaway: "Abandonner ce point à retenir ? o/n",
	ConfirmDiscardClose:    "Abandonner cette note de clôture ? o/n",
}
