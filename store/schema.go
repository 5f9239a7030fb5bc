package store

import "encoding/binary"

// Every bucket name and key encoding lives in this file.
//
// Keys sort the way they are read: ids and sequence numbers are 8-byte
// big-endian, so a cursor walks the logbook and the audit trail in order.
var (
	// bucketMeta holds the schema version and the crisis record.
	bucketMeta = []byte("meta")
	// bucketEntries: entry id -> Entry (JSON).
	bucketEntries = []byte("entries")
	// bucketAmends: original id ++ correction id -> empty. An index, so the
	// original entry is never rewritten when it is corrected.
	bucketAmends = []byte("amends")
	// bucketUsers: user name -> User (JSON).
	bucketUsers = []byte("users")
	// bucketKeys: SHA256 key fingerprint -> user name, for the login lookup.
	bucketKeys = []byte("keys")
	// bucketAudit: sequence -> AuditRecord (JSON).
	bucketAudit = []byte("audit")
	// bucketTakeaways: takeaway id -> Takeaway (JSON).
	bucketTakeaways = []byte("takeaways")
	// bucketInvites: code selector (2 characters) -> Invite (JSON).
	bucketInvites = []byte("invites")

	// bucketTemplates: imported checklist template name -> ChecklistTemplate.
	bucketTemplates = []byte("checklist_templates")
	// bucketRuns: run id -> ChecklistRun.
	bucketRuns = []byte("checklist_runs")
	// bucketContacts: crisis.ContactKey(name) -> Contact.
	bucketContacts = []byte("contacts")
	// bucketHandovers: handover id -> Handover.
	bucketHandovers = []byte("handovers")

	// bucketRecoveryPhases: phase number -> RecoveryPhase (JSON).
	bucketRecoveryPhases = []byte("recovery_phases")
	// bucketRecoveryItems: item id -> RecoveryItem (JSON); a few dozen at
	// most, read whole and ordered by phase and position.
	bucketRecoveryItems = []byte("recovery_items")

	// bucketTasks: task id -> Task (JSON).
	bucketTasks = []byte("tasks")
	// bucketTaskUnseen: assignee ++ 0x00 ++ task id -> empty, for each task
	// its assignee has not opened yet (the header's flag reads only this).
	bucketTaskUnseen = []byte("task-unseen")

	// bucketDeclarations: declaration name -> imported Declaration.
	bucketDeclarations = []byte("declarations")
	// bucketClocks: declaration name -> Clock.
	bucketClocks = []byte("clocks")
	// bucketAssets: asset id -> Asset (JSON), the register of compromised
	// accounts, machines and indicators, each with its history.
	bucketAssets = []byte("assets")
	// bucketAssetNames: kind ++ 0x00 ++ lower-case identifier -> asset id,
	// so registering one more asset checks for a twin without reading the
	// register (crisis.AssetKey).
	bucketAssetNames = []byte("asset-names")
	// bucketAssetFlags: state ++ 0x00 ++ asset id -> empty, for each
	// account or machine compromised or suspected: the header's count
	// reads only this.
	bucketAssetFlags = []byte("asset-flags")

	allBuckets = [][]byte{bucketMeta, bucketEntries, bucketAmends, bucketUsers, bucketKeys, bucketAudit, bucketTasks, bucketTaskUnseen,
		bucketRecoveryPhases, bucketRecoveryItems,
		bucketTemplates, bucketRuns, bucketContacts, bucketHandovers,
		bucketTakeaways, bucketInvites, bucketDeclarations, bucketClocks, bucketAssets, bucketAssetNames, bucketAssetFlags}

	keySchema = []byte("schema")
	keyCrisis = []byte("crisis")
)

// schemaVersion is the layout this code reads and writes. A database with a
// higher number was written by a newer Cellule: refuse it rather than guess.
const schemaVersion = 1

func u64(n uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, n)
	return b
}

func fromU64(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

func amendKey(orig, corr uint64) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, orig)
	binary.BigEndian.PutUint64(k[8:], corr)
	return k
}

// unseenKey is a task's key in bucketTaskUnseen. User names never hold a
// 0x00 byte, so the name ends where it does.
func unseenKey(assignee string, id uint64) []byte {
	k := make([]byte, 0, len(assignee)+9)
	k = append(k, assignee...)
	k = append(k, 0)
	return append(k, u64(id)...)
}

// flagKey is an asset's key in bucketAssetFlags.
func flagKey(state string, id uint64) []byte {
	k := make([]byte, 0, len(state)+9)
	k = append(k, state...)
	k = append(k, 0)
	return append(k, u64(id)...)
}
