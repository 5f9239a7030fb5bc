package cli

// cliEnglish is the command tree's sentences in English.
var cliEnglish = map[string]string{
	"recorded":         "  (recorded %s)",
	"corrects":         "  corrects #%d",
	"amended-by":       "  [amended by %s]",
	"source":           "  source: %s",
	"verify":           "  [%s]",
	"stage":            "%s: %s",
	"whoami":           "%s %s",
	"no-contact":       "No contact (cellule contacts import FILE.csv, header name,role,organisation,phone,backup_phone,notes).",
	"no-contact-match": "no contact matches %s (%s in the directory; `contacts` lists them all)",
	"contacts-head":    "DUTY\tNAME\tROLE\tORGANISATION\tPHONE\tBACKUP\tNOTES",
	"contacts-import":  "%d added, %d replaced, %d rejected",
	"user-added":       "added %s (%s) with key %s",
	"no-users":         "no users yet: cellule user add NAME --role lead --key-file FILE.pub",
	"users-head":       "NAME\tROLE\tSTATUS\tKEYS\tSHOWN AS",
	"revoked":          "revoked %s",
	"now-role":         "%s is now %s",
	"profile-set":      "%s: language %s, shown as %s",
	"active":           "active",
	"revoked-status":   "revoked",
	"lang-none":        "the server's",
	"error":            "cellule: %s",
}
