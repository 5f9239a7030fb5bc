package crisis

// englishRules is the sentences of the rules on times, on closure entries
// and on role changes, merged into English at start.
var englishRules = map[string]string{
	"user.role-self":          "you cannot change your own role; ask another lead, or use the CLI on the host",
	"user.role-revoked":       "user %s is revoked; add them again with the role they should have",
	"user.role-same":          "user %s is already %s",
	"forbidden.restrict-user": "a %s may not manage users",
	"kind.closure-reserved":   "only closing the crisis writes a closure entry (close --note); give the entry another kind",
	"when.too-early":          "%q is too far back: a logbook time goes back at most to %s, a year before the crisis opened",
	"due.too-far":             "the due time %q is too far ahead: at most a year, until %s",
	"when.bad-offset":         "cannot read the offset %q (use +02:00 or -05:00)",
	"when.zone-not-here":      "%s is not a zone %s uses on %s: there the time is %s",
	"when.skipped":            "%s does not exist on %s in %s: clocks went from %s to %s",
	"when.twice":              "%s comes twice on %s in %s (clocks went back from %s to %s): which one, %s or %s? Type it with its zone",
}

func init() {
	for code, sentence := range englishRules {
		English[code] = sentence
	}
}
