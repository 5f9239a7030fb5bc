package cli

// cliEnglish is the command tree's sentences in English.
var cliEnglish = map[string]string{
	"recorded":           "  (recorded %s)",
	"corrects":           "  corrects #%d",
	"amended-by":         "  [amended by %s]",
	"source":             "  source: %s",
	"verify":             "  [%s]",
	"stage":              "%s: %s",
	"whoami":             "%s %s",
	"no-contact":         "No contact (cellule contacts import FILE.csv, header name,role,organisation,phone,backup_phone,notes).",
	"no-contact-match":   "no contact matches %s (%s in the directory; `contacts` lists them all)",
	"contacts-head":      "DUTY\tNAME\tROLE\tORGANISATION\tPHONE\tBACKUP\tNOTES",
	"contacts-import":    "%d added, %d replaced, %d rejected",
	"user-added":         "added %s (%s) with key %s",
	"no-users":           "no users yet: cellule user add NAME --role lead --key-file FILE.pub",
	"users-head":         "NAME\tROLE\tSTATUS\tKEYS\tSHOWN AS",
	"revoked":            "revoked %s",
	"now-role":           "%s is now %s",
	"nothing-to-set":     "nothing to set: give --lang, --name, --org or --theme",
	"theme-set":          "%s's theme is %s",
	"profile-set":        "%s: language %s, shown as %s",
	"active":             "active",
	"revoked-status":     "revoked",
	"lang-none":          "the server's",
	"error":              "cellule: %s",
	"validated-by":       " by %s %s",
	"item-owner":         "  owner %s",
	"item-override":      "  [override by %s]",
	"no-handover":        "No handover yet.",
	"handover-unacked":   "NOT ACKNOWLEDGED (handover --ack %d)",
	"handover-acked":     "acknowledged by %s at %s",
	"handover-head":      "Handover #%d  %s  by %s  %s",
	"handover-situation": "  Situation:  %s",
	"handover-open":      "  Open items: %s",
	"handover-next":      "  Next steps: %s",
	"task-due":           "due %s",
	"task-late":          " (LATE %s)",
	"task-phase":         "  [phase %d]",
	"task-blocked":       "     blocked: %s",
}

// cliEnglishClocksRegister is the clocks' and the register's output,
// merged into cliEnglish.
var cliEnglishClocksRegister = map[string]string{
	"clock-line":          "%-18s %-8s %s (%s, %s)",
	"clock-no-delay":      "without delay",
	"clock-aware":         "  awareness %s by %s",
	"clock-due-late":      ", due %s: LATE by %s",
	"clock-due-left":      ", due %s: %s left",
	"clock-due":           ", due %s",
	"clock-running":       ": running for %s",
	"clock-sent":          "  sent %s by %s to %s, ref %s",
	"clock-sent-late":     ": LATE by %s (%s)",
	"clock-sent-early":    ": %s early",
	"clock-skipped":       "  does not apply (%s, %s): %s",
	"clock-turned":        "%s: %s",
	"clock-on":            "on",
	"clock-off":           "off",
	"clock-imported":      "imported %s",
	"clock-replaced":      "replaced %s",
	"clock-state.off":     "off",
	"clock-state.waiting": "waiting",
	"clock-state.running": "running",
	"clock-state.sent":    "sent",
	"clock-state.skipped": "skipped",
	"asset-owner":         "  owner %s",
	"asset-item":          "  item %s",
	"asset-tasks":         "  tasks %s",
	"asset-found":         "  found %s",
	"register-import":     "%d added, %d rejected",
}

func init() {
	for code, s := range cliEnglishClocksRegister {
		cliEnglish[code] = s
	}
}
