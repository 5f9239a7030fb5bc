package crisis

// englishRegister is the register's sentences (refusals and the logbook's
// system sentences), merged into English at start. A translation is a
// table of the same codes and verbs.
var englishRegister = map[string]string{
	"register.kind-unknown":     "unknown kind %q (use one of: %s)",
	"register.state-unknown":    "unknown state %q (an asset of class %s is one of: %s)",
	"register.state-needed":     "give the new state (--state)",
	"register.identifier-empty": "the asset needs an identifier (an account's login, a machine's name, an indicator)",
	"register.identifier-long":  "the identifier is too long (at most %d characters)",
	"register.ip-bad":           "%q is not an IP address or network (e.g. 203.0.113.7 or 203.0.113.0/24)",
	"register.cve-bad":          "%q is not a CVE number (e.g. CVE-2023-4966)",
	"register.hash-bad":         "%q is not a hash (MD5, SHA-1, SHA-256 or SHA-512, in hexadecimal)",
	"register.domain-bad":       "%q is not a domain name (e.g. update-check.example)",
	"register.owner-long":       "the owner is too long (at most %d characters)",
	"register.note-long":        "the note is too long (at most %d characters)",
	"register.evidence-long":    "the evidence is too long (at most %d characters): say where the rest is kept",
	"register.tasks-many":       "an asset links at most %d tasks",
	"register.full":             "the register holds at most %d assets",
	"register.exists":           "the %s %q is already registered, as asset %d",
	"register.which":            "name the asset: its number or its identifier",
	"register.missing":          "there is no asset %s in the register",
	"register.ambiguous":        "several assets are named %q: %s; give the number",
	"register.state-same":       "asset %d (%s) is already %s",
	"register.move-refused":     "asset %d (%s) cannot go from %s to %s (from %s it goes to: %s)",
	"register.clear-reason":     "clearing a suspicion needs its reason: say why in --note or --evidence",
	"register.history-full":     "asset %d has %d changes already; register it again under a new identifier",
	"register.header":           "the first line must name the columns, at least identifier and kind (known: %s)",
	"register.csv":              "unreadable CSV: %s",
	"register.columns":          "%d columns where the header has %d",
	"register.row-twice":        "%s is already on line %d",
	"register.gate":             "phase %d cannot be validated: %s still compromised (not remediated); remediate them, or a lead lifts the register's gate with its reason",
	"register.gate-reason":      "lifting the register's gate needs a reason",
	"register.gate-long":        "the reason is too long (at most %d characters)",
	"register.gate-lifted":      "the register's gate of phase %d was already lifted by %s",
	"register.gate-open":        "no asset linked to phase %d is compromised: there is no gate to lift",
	"forbidden.write-register":  "a %s may not change the register",
}

func init() {
	for code, sentence := range englishRegister {
		English[code] = sentence
	}
}
