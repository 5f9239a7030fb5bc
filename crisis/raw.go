package crisis

// The raw view of the store: every stored record as it is on disk, bucket
// by bucket. The JSON snapshot is written from it, so that a snapshot holds
// everything the database holds, including what features added after this
// code store; import writes it back byte for byte; verify recomputes the
// audit digests from it. The store decides how keys read (see RawBucket).

// RawBucket describes one bucket of the store.
type RawBucket struct {
	Name string
	// Sequence is the bucket's id counter: it must come back with the
	// records, or the next id handed out would overwrite one.
	Sequence uint64
	// KeyForm says how the bucket's keys are written in readable form:
	// "id" (a number), "id-pair" ("3/17"), "text". A key that does not fit
	// its bucket's form is written in hex instead.
	KeyForm string
	// Audit marks the bucket of the audit trail, whose records import
	// checks link by link before writing anything.
	Audit bool
	// Counted marks a bucket whose new ids come from Sequence: a record
	// with an id above it would be overwritten by the next one added, so
	// import refuses such a snapshot.
	Counted bool
}

// RawReadTx reads stored records as they are. Keys and values handed to
// fn are valid only during the call.
type RawReadTx interface {
	// SchemaVersion is the layout version of the database.
	SchemaVersion() (uint64, error)
	// RawBuckets lists every bucket, in name order.
	RawBuckets() ([]RawBucket, error)
	// RawRecords visits a bucket's records in key order; key is in the
	// bucket's key form, or hex when hexKey is set.
	RawRecords(bucket string, fn func(key string, hexKey bool, value []byte) error) error
	// StoredForm is the stored value an audit subject ("entry/42",
	// "crisis", "user/alice") names; known is false for a subject the
	// store cannot map, value nil when the record is missing.
	StoredForm(subject string) (value []byte, known bool, err error)
	// Empty reports that the database holds nothing but its schema.
	Empty() (bool, error)
}

// RawWriteTx writes stored records as they are (import).
type RawWriteTx interface {
	// RawPut stores value under key, given as RawRecords gives it (in the
	// key form form, or hex), in an existing bucket.
	RawPut(bucket, form, key string, hexKey bool, value []byte) error
	// SetRawSequence sets a bucket's id counter.
	SetRawSequence(bucket string, seq uint64) error
}
