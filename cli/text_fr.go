package cli

// cliFrench is the command tree's sentences in French: the same codes and
// verbs as cliEnglish.
var cliFrench = map[string]string{
	"recorded":         "  (consigné le %s)",
	"corrects":         "  corrige n°%d",
	"amended-by":       "  [corrigée par %s]",
	"source":           "  source : %s",
	"verify":           "  [%s]",
	"stage":            "%s : %s",
	"whoami":           "%s %s",
	"no-contact":       "Aucun contact (cellule contacts import FICHIER.csv, en-tête name,role,organisation,phone,backup_phone,notes).",
	"no-contact-match": "aucun contact ne correspond à %s (%s dans l'annuaire ; `contacts` les liste tous)",
	"contacts-head":    "GARDE\tNOM\tRÔLE\tORGANISATION\tTÉLÉPHONE\tSECOURS\tNOTES",
	"contacts-import":  "%d ajoutés, %d remplacés, %d refusés",
	"user-added":       "%s ajouté (%s) avec la clé %s",
	"no-users":         "aucun utilisateur : cellule user add NOM --role lead --key-file FICHIER.pub",
	"users-head":       "NOM\tRÔLE\tÉTAT\tCLÉS\tAFFICHÉ",
	"revoked":          "%s révoqué",
	"now-role":         "%s est maintenant %s",
	"profile-set":      "%s : langue %s, affiché comme %s",
	"active":           "actif",
	"revoked-status":   "révoqué",
	"lang-none":        "celle du serveur",
	"error":            "cellule : %s",
	"validated-by":     " par %s le %s",
	"item-owner":       "  responsable %s",
	"item-override":    "  [verrou levé par %s]",
	"task-due":         "échéance %s",
	"task-late":        " (EN RETARD de %s)",
	"task-phase":       "  [phase %d]",
	"task-blocked":     "     bloquée : %s",
}
