package crisis

// englishInvite is the sentences of enrolment by invite, merged into
// English at start.
var englishInvite = map[string]string{
	"invite.invalid": "This code is not valid.",
	"invite.bad-ttl": "an invite lasts from %s to %s (e.g. --for 15m, --for 2h)",
	"invite.full":    "too many invites are open at once; wait for some to be used or to expire",
}

func init() {
	for code, sentence := range englishInvite {
		English[code] = sentence
	}
}
