package crisis

// englishRecovery is the recovery tracker's sentences, merged into English at start:
// a file of their own keeps those codes together.
var englishRecovery = map[string]string{
	"forbidden.update-recovery":    "a %s may not update the recovery",
	"forbidden.validate-recovery":  "a %s may not validate a recovery phase (leads do)",
	"forbidden.override-recovery":  "a %s may not override the recovery gate (leads do)",
	"forbidden.edit-recovery-plan": "a %s may not edit the recovery plan (leads do)",
	"recovery.state-unknown":       "unknown recovery state %q (use one of: %s)",
	"recovery.phase-unknown":       "there is no phase %q (use 1 to %d)",
	"recovery.item-which":          "name the recovery item (its id, or its name)",
	"recovery.item-missing":        "there is no recovery item %q (`recovery` lists them)",
	"recovery.item-ambiguous":      "%q matches several recovery items (%s): use the item's id",
	"recovery.item-name-empty":     "the item needs a name",
	"recovery.item-name-long":      "the item name is too long (at most %d characters)",
	"recovery.item-name-taken":     "an item is already named %q (id %s)",
	"recovery.item-history":        "%s already has a history in the logbook: it can be renamed, not moved or removed",
	"recovery.phase-closed":        "phase %d is validated: it takes no new items",
	"recovery.move-same":           "%s is already in phase %d",
	"recovery.total-bad":           "a group's total must be between 1 and %d (0 for a single item)",
	"recovery.note-long":           "the note is too long (at most %d characters)",
	"recovery.owner-long":          "the owner is too long (at most %d characters)",
	"recovery.count-negative":      "the count cannot be negative",
	"recovery.count-above":         "the count %d is above the total of %s (%d)",
	"recovery.not-group":           "%s is a single item, not a group: it has no count",
	"recovery.no-change":           "%s is already as asked: nothing changed",
	"recovery.gate":                "%s is in phase %d: it cannot go back in service before phase %d (%s) is validated by a lead, or a lead overrides the gate for it (recovery override %s --reason ...)",
	"recovery.phase-validated":     "phase %d is already validated (by %s)",
	"recovery.phase-not-ready":     "phase %d cannot be validated yet: not verified or back in service: %s",
	"recovery.override-reason":     "an override needs a reason (--reason TEXT)",
	"recovery.override-long":       "the reason is too long (at most %d bytes)",
	"recovery.override-done":       "%s already has an override (by %s)",
	"recovery.override-first":      "%s is in phase 1: no gate holds it back",
	"recovery.override-open":       "%s needs no override: the phases up to %d are validated",
}

func init() {
	for code, sentence := range englishRecovery {
		English[code] = sentence
	}
}
