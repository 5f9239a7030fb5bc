package crisis

import (
	"encoding/json"
	"errors"
	"strconv"
)

// Store is the persistence the service needs. The bbolt implementation
// lives in store/; the domain only states what it needs.
//
// Update runs fn in one read-write transaction and returns only after the
// transaction committed (or failed): that is what lets the service
// acknowledge a write. View runs fn in one read-only transaction, so what it
// reads is a consistent snapshot.
type Store interface {
	View(fn func(tx ReadTx) error) error
	Update(fn func(tx WriteTx) error) error
}

// ReadTx reads within one transaction. Values returned are copies, safe to
// keep after the transaction ends.
type ReadTx interface {
	Crisis() (Crisis, bool, error)
	// LastEntryID is the highest entry id, 0 when the logbook is empty.
	// Ids are dense (1..LastEntryID): entries are never deleted.
	LastEntryID() (uint64, error)
	Entry(id uint64) (Entry, bool, error)
	// ScanEntries visits entries from id `from` (inclusive) towards newer
	// ids, or towards older ids when reverse is set, until fn returns false.
	// from = 0 means the oldest (or, reversed, the newest). Each entry's
	// AmendedBy is filled in.
	ScanEntries(from uint64, reverse bool, fn func(Entry) (bool, error)) error
	User(name string) (User, bool, error)
	UserByFingerprint(fp string) (User, bool, error)
	Users() ([]User, error)
	// AuditHead is the newest audit record, if any.
	AuditHead() (AuditRecord, bool, error)
	// ScanAudit visits audit records oldest first until fn returns false.
	ScanAudit(fn func(AuditRecord) (bool, error)) error
	// RecoveryPhases lists the stored phases (none before the plan exists);
	// RecoveryItems lists every item, in no particular order.
	RecoveryPhases() ([]RecoveryPhase, error)
	RecoveryItems() ([]RecoveryItem, error)
	// Task reads one task; Tasks reads them all, by id.
	Task(id uint64) (Task, bool, error)
	Tasks() ([]Task, error)
	// UnseenTasks counts, by assignee, the tasks given to them that they
	// have not opened yet (an index: it does not read the tasks).
	UnseenTasks() (map[string]int, error)

	// On-call: imported checklist templates (by name), checklist runs (by
	// id), the contacts directory (by ContactKey) and handovers (by id).
	ChecklistTemplates() ([]ChecklistTemplate, error)
	ChecklistRun(id uint64) (ChecklistRun, bool, error)
	ChecklistRuns() ([]ChecklistRun, error)
	Contacts() ([]Contact, error)
	Handover(id uint64) (Handover, bool, error)
	Handovers() ([]Handover, error)
	// Asset reads one asset of the register; Assets reads them all, by id.
	Asset(id uint64) (Asset, bool, error)
	Assets() ([]Asset, error)
	// AssetNamed finds the asset registered under AssetKey(kind,
	// identifier); RegisterCount counts the flagged ones (see Flagged).
	// Both read an index, not the register.
	AssetNamed(key string) (uint64, bool, error)
	RegisterCount() (RegisterCount, error)
	// LastAssetID is the highest asset id handed out: assets are never
	// deleted, so it is how many the register holds.
	LastAssetID() (uint64, error)
	TakeawayReadTx
	InviteReadTx
	ClockReadTx
	RawReadTx
}

// WriteTx changes within one transaction; nothing is visible to others or
// durable until the enclosing Update returns nil.
type WriteTx interface {
	ReadTx
	PutCrisis(c Crisis) error
	// AppendEntry gives e the next id, stores it, indexes e.Amends and
	// returns the entry as stored.
	AppendEntry(e Entry) (Entry, error)
	// PutUser creates or replaces a user and keeps the fingerprint index
	// in step with its keys.
	PutUser(u User) error
	// AppendAudit chains r after the current head (see AuditRecord.Chain)
	// and stores it.
	AppendAudit(r AuditRecord) (AuditRecord, error)
	PutRecoveryPhase(p RecoveryPhase) error
	PutRecoveryItem(it RecoveryItem) error
	DeleteRecoveryItem(id string) error
	// AppendTask gives t the next task id and stores it; PutTask replaces
	// a stored task. Both keep the UnseenTasks index in step.
	AppendTask(t Task) (Task, error)
	PutTask(t Task) error

	// PutChecklistTemplate creates or replaces an imported template.
	PutChecklistTemplate(t ChecklistTemplate) error
	// AddChecklistRun gives r the next run id and stores it; PutChecklistRun
	// replaces a stored run.
	AddChecklistRun(r ChecklistRun) (ChecklistRun, error)
	PutChecklistRun(r ChecklistRun) error
	// PutContact creates or replaces the contact of the same ContactKey.
	PutContact(c Contact) error
	// AddHandover gives h the next handover id and stores it; PutHandover
	// replaces a stored one.
	AddHandover(h Handover) (Handover, error)
	PutHandover(h Handover) error
	// AppendAsset gives a the next asset id and stores it; PutAsset
	// replaces a stored asset.
	AppendAsset(a Asset) (Asset, error)
	PutAsset(a Asset) error
	TakeawayWriteTx
	InviteWriteTx
	ClockWriteTx
	RawWriteTx
}

// Encode is the stored form of every value. Stores use it, so that the
// digests in audit records can be recomputed from what is on disk.
func Encode(v any) ([]byte, error) { return json.Marshal(v) }

// DigestOf is Digest(Encode(v)).
func DigestOf(v any) string {
	b, err := Encode(v)
	if err != nil {
		return ""
	}
	return Digest(b)
}

// MaxID bounds every id and counter a store hands out or an import
// accepts: 2^53, the largest integer every JSON reader (JavaScript's
// included) holds exactly, and far below where int64 arithmetic on ids
// would wrap.
const MaxID = 1 << 53

// IDTakenError is a store's refusal to add a record under an id that
// already holds one (or that is past MaxID): its counter is behind its
// records, so the file was altered or damaged. Nothing was written.
type IDTakenError struct {
	Bucket string
	ID     uint64
}

func (e *IDTakenError) Error() string {
	return "store: " + e.Bucket + " #" + strconv.FormatUint(e.ID, 10) + " is taken or out of range: the counter is behind the records"
}

// DamageError is a store's finding that its file is damaged: which page,
// in which bucket ("" when the page belongs to none, or to the list of
// buckets), and what is wrong with it. More counts further findings.
type DamageError struct {
	Page   uint64
	Bucket string
	Reason string
	More   int
}

func (e *DamageError) Error() string {
	s := "the database file is damaged: "
	if e.Page != 0 {
		s += "page " + strconv.FormatUint(e.Page, 10)
		if e.Bucket != "" {
			s += " (records of " + SanitizeLine(e.Bucket) + ")"
		}
		s += ": "
	}
	s += SanitizeLine(e.Reason)
	if e.More > 0 {
		s += " (and " + strconv.Itoa(e.More) + " more problems)"
	}
	return s
}

// StructureChecker is a store that can check its file's structure (its
// pages, below the records): verify does before it reads the records.
type StructureChecker interface {
	CheckStructure() error
}

// ErrReadOnly: the store was opened read-only (serve --read-only, for a
// damaged file): every write is refused, reading goes on.
var ErrReadOnly = errors.New("the record is read-only")
