package crisis

import (
	"fmt"
	"strings"
	"time"
)

// Handover is a shift handover (relève): the outgoing person says where
// things stand, and the incoming person acknowledges it. Both are logbook
// entries; until the acknowledgement, every header shows it.
type Handover struct {
	ID        uint64    `json:"id"`
	WrittenAt time.Time `json:"written_at"`
	By        string    `json:"by"`
	ByKey     string    `json:"by_key,omitempty"`
	Situation string    `json:"situation"`
	OpenItems string    `json:"open_items,omitempty"`
	NextSteps string    `json:"next_steps,omitempty"`
	// Entry is the logbook entry of the note; AckEntry that of the
	// acknowledgement.
	Entry    uint64     `json:"entry"`
	AckedAt  *time.Time `json:"acked_at,omitempty"`
	AckedBy  string     `json:"acked_by,omitempty"`
	AckEntry uint64     `json:"ack_entry,omitempty"`
}

// Acked reports whether the incoming shift has acknowledged the handover.
func (h Handover) Acked() bool { return h.AckedAt != nil }

// HandoverNote is what the outgoing person writes.
type HandoverNote struct {
	Situation, OpenItems, NextSteps string
}

// MaxHandoverPart bounds each part, so the three fit one logbook entry.
const MaxHandoverPart = 2 * 1024

// WriteHandover records a handover note and logs it.
func (s *Service) WriteHandover(a Actor, n HandoverNote) (Handover, Entry, error) {
	parts := []*string{&n.Situation, &n.OpenItems, &n.NextSteps}
	for _, p := range parts {
		if len(*p) > MaxHandoverPart {
			return Handover{}, Entry{}, invalidf("handover.too-long", MaxHandoverPart)
		}
		*p = strings.TrimSpace(Sanitize(*p))
		if len(*p) > MaxHandoverPart {
			return Handover{}, Entry{}, invalidf("handover.too-long", MaxHandoverPart)
		}
	}
	if n.Situation == "" {
		return Handover{}, Entry{}, invalidf("handover.no-situation")
	}
	var h Handover
	var e Entry
	err := s.write(a, ActHandover, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		h = Handover{WrittenAt: now, By: a.Name, ByKey: a.Fingerprint, Situation: n.Situation, OpenItems: n.OpenItems, NextSteps: n.NextSteps}
		var err error
		if h, err = tx.AddHandover(h); err != nil {
			return nil, err
		}
		if e, err = tx.AppendEntry(systemEntry(a, now, KindCommunication, h.logText())); err != nil {
			return nil, err
		}
		h.Entry = e.ID
		if err := tx.PutHandover(h); err != nil {
			return nil, err
		}
		return []AuditRecord{handoverRecord("handover.write", fmt.Sprintf("handover #%d by %s", h.ID, a.Name), h), entryRecord("log", e)}, nil
	})
	return h, e, err
}

func (h Handover) logText() Msg {
	m := say("handover.written", num(h.ID), h.By, h.Situation)
	if h.OpenItems != "" {
		m.Parts = append(m.Parts, say("handover.open", h.OpenItems))
	}
	if h.NextSteps != "" {
		m.Parts = append(m.Parts, say("handover.next", h.NextSteps))
	}
	return m
}

// AckHandover records that a, the incoming person, has read handover id.
// The author cannot acknowledge their own note: the point is that the
// next shift has read it.
func (s *Service) AckHandover(a Actor, id uint64) (Handover, Entry, error) {
	var h Handover
	var e Entry
	err := s.write(a, ActHandover, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		var ok bool
		var err error
		if h, ok, err = tx.Handover(id); err != nil {
			return nil, err
		}
		if !ok {
			return nil, notFoundf("handover.missing", id)
		}
		if h.Acked() {
			return nil, conflictf("handover.acked", id, h.AckedBy)
		}
		if h.By == a.Name {
			return nil, conflictf("handover.own", id)
		}
		text := say("handover.ack-entry", num(h.ID), h.By, a.Name)
		if e, err = tx.AppendEntry(systemEntry(a, now, KindCommunication, text)); err != nil {
			return nil, err
		}
		h.AckedAt, h.AckedBy, h.AckEntry = &now, a.Name, e.ID
		if err := tx.PutHandover(h); err != nil {
			return nil, err
		}
		return []AuditRecord{handoverRecord("handover.ack", e.Text, h), entryRecord("log", e)}, nil
	})
	return h, e, err
}

// Handovers reads every handover, newest first.
func (s *Service) Handovers() ([]Handover, error) {
	var hs []Handover
	err := s.store.View(func(tx ReadTx) error {
		var err error
		hs, err = tx.Handovers()
		return err
	})
	for i, j := 0, len(hs)-1; i < j; i, j = i+1, j-1 {
		hs[i], hs[j] = hs[j], hs[i]
	}
	return hs, err
}

// pendingHandovers lists the handovers not yet acknowledged, newest first,
// for the header.
func pendingHandovers(tx ReadTx) ([]Handover, error) {
	all, err := tx.Handovers()
	var out []Handover
	for i := len(all) - 1; i >= 0; i-- {
		if !all[i].Acked() {
			out = append(out, all[i])
		}
	}
	return out, err
}

func handoverRecord(action, detail string, h Handover) AuditRecord {
	return AuditRecord{Action: action, Subject: fmt.Sprintf("handover/%d", h.ID), Detail: detail, Digest: DigestOf(h)}
}
