package crisis

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"time"
)

// AuditRecord is one link of the tamper-evident trail: every mutation
// appends one, in the same transaction as the change it describes.
type AuditRecord struct {
	Seq         uint64    `json:"seq"`
	At          time.Time `json:"at"`
	Actor       string    `json:"actor"`
	Fingerprint string    `json:"fingerprint"`
	// Action is a short verb ("log", "correct", "stage", "user.add"...).
	Action string `json:"action"`
	// Subject names what changed ("entry/42", "user/alice", "crisis").
	Subject string `json:"subject"`
	// Detail is a human summary; Digest is the SHA-256 of the subject's
	// stored form after the change, so an edit of the data itself shows.
	Detail   string `json:"detail"`
	Digest   string `json:"digest,omitempty"`
	PrevHash string `json:"prev_hash"`
	Hash     string `json:"hash"`
}

// ComputeHash hashes every field but Hash, each length-prefixed so no two
// different records can produce the same input.
func (r AuditRecord) ComputeHash() string {
	h := sha256.New()
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], r.Seq)
	h.Write(n[:])
	for _, f := range []string{r.At.UTC().Format(time.RFC3339Nano), r.Actor, r.Fingerprint, r.Action, r.Subject, r.Detail, r.Digest, r.PrevHash} {
		binary.BigEndian.PutUint64(n[:], uint64(len(f)))
		h.Write(n[:])
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Chain links a record to the one before it and seals it.
func (r AuditRecord) Chain(prev *AuditRecord) AuditRecord {
	r.Seq, r.PrevHash = 1, ""
	if prev != nil {
		r.Seq, r.PrevHash = prev.Seq+1, prev.Hash
	}
	r.Hash = r.ComputeHash()
	return r
}

// Check verifies that r follows prev (nil for the first record) and that
// its hash matches its content.
func (r AuditRecord) Check(prev *AuditRecord) error {
	want := uint64(1)
	prevHash := ""
	if prev != nil {
		want, prevHash = prev.Seq+1, prev.Hash
	}
	switch {
	case r.Seq != want:
		return fmt.Errorf("audit record %d: expected sequence %d", r.Seq, want)
	case r.PrevHash != prevHash:
		return fmt.Errorf("audit record %d: does not follow record %d (previous hash differs)", r.Seq, want-1)
	case r.Hash != r.ComputeHash():
		return fmt.Errorf("audit record %d: content does not match its hash", r.Seq)
	}
	return nil
}

// Digest is the SHA-256 of a stored value, as recorded in audit records.
func Digest(stored []byte) string {
	sum := sha256.Sum256(stored)
	return hex.EncodeToString(sum[:])
}
