package crisis

import (
	"fmt"
	"strings"
	"time"
)

// Takeaway is one key lesson of the crisis, written by a lead for the
// lessons-learned report. Like the logbook, the list only grows: each
// takeaway is a record of its own, with its audit record.
type Takeaway struct {
	ID        uint64    `json:"id"`
	At        time.Time `json:"at"`
	Author    string    `json:"author"`
	AuthorKey string    `json:"author_key,omitempty"`
	Text      string    `json:"text"`
}

// MaxTakeawayBytes bounds one takeaway: a paragraph, not a document.
const MaxTakeawayBytes = 2048

// TakeawayReadTx reads the takeaways within a transaction.
type TakeawayReadTx interface {
	// ScanTakeaways visits takeaways oldest first until fn returns false.
	ScanTakeaways(fn func(Takeaway) (bool, error)) error
}

// TakeawayWriteTx stores takeaways.
type TakeawayWriteTx interface {
	// AppendTakeaway gives t the next id, stores it and returns it.
	AppendTakeaway(t Takeaway) (Takeaway, error)
}

// AddTakeaway records a key takeaway (leads only).
func (s *Service) AddTakeaway(a Actor, text string) (Takeaway, error) {
	if len(text) > MaxTakeawayBytes {
		return Takeaway{}, invalidf("takeaway.too-long", MaxTakeawayBytes)
	}
	text = strings.TrimSpace(Sanitize(text))
	if text == "" {
		return Takeaway{}, invalidf("takeaway.empty")
	}
	if len(text) > MaxTakeawayBytes {
		return Takeaway{}, invalidf("takeaway.too-long", MaxTakeawayBytes)
	}
	var t Takeaway
	err := s.write(a, ActTakeaway, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		var err error
		t, err = tx.AppendTakeaway(Takeaway{At: now, Author: a.Name, AuthorKey: a.Fingerprint, Text: text})
		if err != nil {
			return nil, err
		}
		return []AuditRecord{{Action: "takeaway.add", Subject: fmt.Sprintf("takeaway/%d", t.ID),
			Detail: fmt.Sprintf("takeaway #%d", t.ID), Digest: DigestOf(t)}}, nil
	})
	return t, err
}

// Takeaways lists the key takeaways, oldest first. Everyone may read them.
func (s *Service) Takeaways() ([]Takeaway, error) {
	var out []Takeaway
	err := s.store.View(func(tx ReadTx) error {
		var err error
		out, err = takeawaysOf(tx)
		return err
	})
	return out, err
}

func takeawaysOf(tx ReadTx) ([]Takeaway, error) {
	var out []Takeaway
	err := tx.ScanTakeaways(func(t Takeaway) (bool, error) {
		out = append(out, t)
		return true, nil
	})
	return out, err
}
