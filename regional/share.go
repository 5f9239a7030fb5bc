package regional

import (
	"fmt"
	"time"

	"cellule/crisis"
)

// ChainLink is one audit record as the status share carries it: its place in
// the chain, without its content.
type ChainLink struct {
	Seq      uint64 `json:"seq"`
	PrevHash string `json:"prev_hash"`
	Hash     string `json:"hash"`
}

// Phase is one recovery phase's state and progress.
type Phase struct {
	Number   int    `json:"number"`
	State    string `json:"state"`
	Progress int    `json:"progress"`
}

// Share is one message an establishment sends: its status and counts,
// the audit chain's links since its previous message and, when it shares
// its record, those records whole and a consistent copy of the record.
type Share struct {
	Name        string     `json:"name"`
	SentAt      time.Time  `json:"sent_at"`
	Crisis      string     `json:"crisis"`
	Stage       string     `json:"stage"`
	OpenedAt    time.Time  `json:"opened_at"`
	EndedAt     *time.Time `json:"ended_at,omitempty"`
	Closed      bool       `json:"closed"`
	Phases      []Phase    `json:"phases"`
	OpenP1      int        `json:"open_p1"`
	Late        int        `json:"late_declarations"`
	Entries     uint64     `json:"entries"`
	LastEntryAt *time.Time `json:"last_entry_at,omitempty"`
	// Links are the chain's links after the previous message's head.
	Links []ChainLink `json:"links"`
	// Records and Record are sent with --hub-share record only.
	Records []crisis.AuditRecord `json:"records,omitempty"`
	Record  []byte               `json:"record,omitempty"`
}

// Head is the last link a message carries (the previous head if none).
func (s *Share) head(prev ChainLink) ChainLink {
	if len(s.Links) == 0 {
		return prev
	}
	return s.Links[len(s.Links)-1]
}

// follow checks that the message's links continue the chain from head,
// and that each whole record is the link it names and hashes right.
func (s *Share) follow(head ChainLink) error {
	for i, l := range s.Links {
		if l.Seq != head.Seq+1 || l.PrevHash != head.Hash {
			return fmt.Errorf("audit record %d does not follow record %d the hub holds (the chain forks or skips)", l.Seq, head.Seq)
		}
		if s.Records != nil {
			if i >= len(s.Records) {
				return fmt.Errorf("audit record %d is missing from the shared record", l.Seq)
			}
			r := s.Records[i]
			var prev *crisis.AuditRecord
			if head.Seq > 0 {
				prev = &crisis.AuditRecord{Seq: head.Seq, Hash: head.Hash}
			}
			if err := r.Check(prev); err != nil {
				return err
			}
			if r.Hash != l.Hash {
				return fmt.Errorf("audit record %d: its link and its content differ", l.Seq)
			}
		}
		head = l
	}
	return nil
}
