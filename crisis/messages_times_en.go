package crisis

// englishRules is the sentences of the rules on times, on closure entries
// and on role changes, merged into English at start.
var englishRules = map[string]string{
	"user.role-self":          "you cannot change your own role; ask another lead, or use the CLI on the host",
	"user.role-revoked":       "user %s is revoked; add them again with the role they should have",
	"user.role-same":          "user %s is already %s",
	"forbidden.restrict-user": "a %s may not manage users",
}

func init() {
	for code, sentence := range englishRules {
		English[code] = sentence
	}
}
