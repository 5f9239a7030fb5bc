package crisis

// englishClocks is the declarations' clocks' sentences: the refusals, and
// the sentences the service writes into the logbook ("log.clock.*"),
// merged into English at start.
var englishClocks = map[string]string{
	"clock.missing":            "there is no declaration %q (use one of: %s)",
	"clock.off":                "the declaration %s is off: a lead turns it on with: clock enable %s",
	"clock.off-started":        "the clock of %s has started: it cannot be turned off; if it does not apply, say why with: clock skip %[1]s --reason TEXT",
	"clock.enabled-already":    "%s is already %s",
	"clock.started-already":    "the clock of %s started already (awareness at %s, recorded by %s)",
	"clock.ended":              "the declaration %s is already %s",
	"clock.starts-after":       "the clock of %s starts when %s is recorded as sent, not by hand",
	"clock.not-started":        "the clock of %s has not started: record the moment of awareness first (clock start %[1]s --at TIME)",
	"clock.sent-before-start":  "the declaration %s cannot have been sent before its clock started (%s)",
	"clock.late-reason-needed": "%s is past its deadline by %s: give the reasons for the delay with --reason (the authority asks for them)",
	"clock.skip-reason-needed": "say why the declaration does not apply, with --reason",
	"clock.ref-needed":         "give the declaration's reference with --ref (the portal's number, the complaint's record number)",
	"clock.ref-long":           "the reference is too long (at most %d characters)",
	"clock.to-long":            "the recipient is too long (at most %d characters)",
	"clock.reason-long":        "the reason is too long (at most %d characters)",
	"clock.deadline-bad":       "cannot read the deadline %q (use 72h, 3d, 1 month, or leave it empty for \"without delay\")",
	"clock.bad-name":           "invalid declaration name %q: use lower-case letters, digits and '-', at most 32",
	"clock.after-unknown":      "%s starts after %s, which is no declaration here",
	"clock.after-self":         "%s cannot start after itself",
	"clock.title-long":         "the title is too long (at most %d characters)",
	"clock.title-empty":        "the declaration %s needs a title",
	"clock.basis-long":         "the legal basis is too long (at most %d characters)",
	"clock.yaml-syntax":        "not YAML: %s",
	"clock.yaml-list":          "expected a list of declarations (or declarations: [...])",
	"clock.yaml-item":          "a declaration is a mapping (name:, title:, deadline:, ...)",
	"clock.yaml-field":         "cannot read this declaration: %s",
	"clock.yaml-unknown-key":   "unknown key %q (use: %s)",
	"clock.yaml-twice":         "the declaration %s is given twice in this file",
	"clock.too-many":           "too many declarations (at most %d in a file)",
	"clock.import-rejected":    "%d line(s) rejected: nothing was imported",
	"forbidden.run-clock":      "a %s may not start or end a declaration's clock",
	"forbidden.manage-clocks":  "a %s may not skip, turn on or off, or import declarations (leads only)",
}

func init() {
	for code, sentence := range englishClocks {
		English[code] = sentence
	}
}
