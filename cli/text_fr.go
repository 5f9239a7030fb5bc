package cli

// cliFrench is the command tree's sentences in French: the same codes and
// verbs as cliEnglish.
var cliFrench = map[string]string{
	"recorded":           "  (consigné le %s)",
	"corrects":           "  corrige n°%d",
	"amended-by":         "  [corrigée par %s]",
	"source":             "  source : %s",
	"verify":             "  [%s]",
	"stage":              "%s : %s",
	"whoami":             "%s %s",
	"no-contact":         "Aucun contact (cellule contacts import FICHIER.csv, en-tête name,role,organisation,phone,backup_phone,notes).",
	"no-contact-match":   "aucun contact ne correspond à %s (%s dans l'annuaire ; `contacts` les liste tous)",
	"contacts-head":      "GARDE\tNOM\tRÔLE\tORGANISATION\tTÉLÉPHONE\tSECOURS\tNOTES",
	"contacts-import":    "%d ajoutés, %d remplacés, %d refusés",
	"user-added":         "%s ajouté (%s) avec la clé %s",
	"no-users":           "aucun utilisateur : cellule user add NOM --role lead --key-file FICHIER.pub",
	"users-head":         "NOM\tRÔLE\tÉTAT\tCLÉS\tAFFICHÉ",
	"revoked":            "%s révoqué",
	"now-role":           "%s est maintenant %s",
	"nothing-to-set":     "rien à changer : indiquez --lang, --name, --org ou --theme",
	"theme-set":          "thème de %s : %s",
	"profile-set":        "%s : langue %s, affiché comme %s",
	"active":             "actif",
	"revoked-status":     "révoqué",
	"lang-none":          "celle du serveur",
	"error":              "cellule : %s",
	"validated-by":       " par %s le %s",
	"item-owner":         "  responsable %s",
	"item-override":      "  [verrou levé par %s]",
	"no-handover":        "Aucune relève pour l'instant.",
	"handover-unacked":   "NON PRISE EN COMPTE (handover --ack %d)",
	"handover-acked":     "prise en compte par %s le %s",
	"handover-head":      "Relève n°%d  %s  par %s  %s",
	"handover-situation": "  Situation :          %s",
	"handover-open":      "  Points ouverts :     %s",
	"handover-next":      "  Prochaines étapes :  %s",
	"task-due":           "échéance %s",
	"task-late":          " (EN RETARD de %s)",
	"task-phase":         "  [phase %d]",
	"task-blocked":       "     bloquée : %s",
}

// cliFrenchClocksRegister is cliEnglishClocksRegister in French, merged
// into cliFrench.
var cliFrenchClocksRegister = map[string]string{
	"clock-line":          "%-18s %-8s %s (%s, %s)",
	"clock-no-delay":      "sans délai",
	"clock-aware":         "  prise de connaissance %s par %s",
	"clock-due-late":      ", échéance %s : EN RETARD de %s",
	"clock-due-left":      ", échéance %s : reste %s",
	"clock-due":           ", échéance %s",
	"clock-running":       " : en cours depuis %s",
	"clock-sent":          "  envoyée %s par %s à %s, réf. %s",
	"clock-sent-late":     " : EN RETARD de %s (%s)",
	"clock-sent-early":    " : %s d'avance",
	"clock-skipped":       "  sans objet (%s, %s) : %s",
	"clock-turned":        "%s : %s",
	"clock-on":            "activées",
	"clock-off":           "désactivées",
	"clock-imported":      "importée : %s",
	"clock-replaced":      "remplacée : %s",
	"clock-state.off":     "désactivée",
	"clock-state.waiting": "en attente",
	"clock-state.running": "en cours",
	"clock-state.sent":    "envoyée",
	"clock-state.skipped": "sans objet",
	"asset-owner":         "  propriétaire %s",
	"asset-item":          "  élément %s",
	"asset-tasks":         "  tâches %s",
	"asset-found":         "  découvert %s",
	"register-import":     "%d ajoutés, %d refusés",
}

func init() {
	for code, s := range cliFrenchClocksRegister {
		cliFrench[code] = s
	}
}
