package crisis

import (
	"strings"
	"time"
)

// Check is where a piece of information received stands: the main
// courante's convention of marking what is still to be checked.
type Check string

const (
	ToVerify Check = "to-verify"
	Verified Check = "verified"
	Refuted  Check = "refuted"
)

// Checks in the order forms offer them.
var Checks = []Check{ToVerify, Verified, Refuted}

// ParseCheck accepts a status's code, or its French word, with or
// without accents (à-vérifier, vérifiée, réfutée).
func ParseCheck(s string) (Check, error) {
	v := fromFrench(s)
	if v == "verifier" || v == "to-check" || v == "unverified" {
		v = string(ToVerify)
	}
	for _, known := range Checks {
		if Check(v) == known {
			return known, nil
		}
	}
	return "", invalidf("verify.unknown", SanitizeLine(s))
}

// MaxSource bounds an entry's source: who told us, and how.
const MaxSource = 200

// cleanSource tidies the source of an entry ("CERT Santé, by phone").
func cleanSource(s string) (string, error) {
	s = strings.Join(strings.Fields(SanitizeLine(s)), " ")
	if len([]rune(s)) > MaxSource {
		return "", invalidf("entry.source-long", MaxSource)
	}
	return s, nil
}

// SetVerification records that entry id is now to verify, verified or
// refuted: a new entry that points at it (Verifies), never an edit of it.
// note says how it was checked; it may be empty.
func (s *Service) SetVerification(a Actor, id uint64, v Check, note, source string) (Entry, error) {
	v, err := ParseCheck(string(v))
	if err != nil {
		return Entry{}, err
	}
	note = strings.TrimSpace(Sanitize(note))
	if len(note) > MaxEntryBytes/2 {
		return Entry{}, invalidf("entry.too-long", MaxEntryBytes)
	}
	if source, err = cleanSource(source); err != nil {
		return Entry{}, err
	}
	var e Entry
	err = s.write(a, ActWriteLog, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		orig, ok, err := tx.Entry(id)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, notFoundf("entry.missing", id)
		}
		if orig.Verify == "" || orig.Verifies != 0 {
			return nil, invalidf("verify.not-info", id)
		}
		m := say("entry.verify", num(id), string(v))
		if note != "" {
			m = say("entry.verify-note", num(id), string(v), note)
		}
		e = systemEntry(a, now, KindInfo, m)
		e.Verify, e.Verifies, e.Source = v, id, source
		if e, err = tx.AppendEntry(e); err != nil {
			return nil, err
		}
		return []AuditRecord{entryRecord("verify", e)}, nil
	})
	return e, err
}

// VerificationOf is where each piece of information with a status stands
// now, by entry id: the status of the latest entry that verifies it, or its
// own.
func (s *Service) VerificationOf() (map[uint64]Check, error) {
	out := map[uint64]Check{}
	err := s.EachEntry(func(e Entry) error {
		switch {
		case e.Verifies != 0:
			if _, ok := out[e.Verifies]; ok {
				out[e.Verifies] = e.Verify
			}
		case e.Verify != "":
			out[e.ID] = e.Verify
		}
		return nil
	})
	return out, err
}
