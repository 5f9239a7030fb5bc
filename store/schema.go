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

	allBuckets = [][]byte{bucketMeta, bucketEntries, bucketAmends, bucketUsers, bucketKeys, bucketAudit, bucketTakeaways}

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
