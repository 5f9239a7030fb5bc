package crisis

import (
	"fmt"
	"strings"
	"time"
)

// clockTime is how the logbook's sentences write a moment: in the crisis's
// zone, with the zone's name, so a deadline across a change of clocks is
// not misread.
const clockTime = "2006-01-02 15:04 MST"

// Clocks reads every declaration in force and its clock, built-in ones
// first. Everyone may read them.
func (s *Service) Clocks() ([]DeclarationClock, error) {
	var out []DeclarationClock
	err := s.store.View(func(tx ReadTx) error {
		var err error
		out, err = clocksOf(tx)
		return err
	})
	return out, err
}

func clocksOf(tx ReadTx) ([]DeclarationClock, error) {
	decls, err := declarationsOf(tx)
	if err != nil {
		return nil, err
	}
	stored, err := tx.Clocks()
	if err != nil {
		return nil, err
	}
	byName := map[string]Clock{}
	for _, c := range stored {
		byName[c.Name] = c
	}
	out := make([]DeclarationClock, 0, len(decls))
	for _, d := range decls {
		c, ok := byName[d.Name]
		if !ok {
			c = Clock{Name: d.Name}
		}
		on := !d.Off
		if c.Enabled != nil {
			on = *c.Enabled
		}
		out = append(out, DeclarationClock{Declaration: d, Clock: c, On: on})
	}
	return out, nil
}

// clockOf finds one declaration's clock by name.
func clockOf(tx ReadTx, name string) (DeclarationClock, []DeclarationClock, error) {
	all, err := clocksOf(tx)
	if err != nil {
		return DeclarationClock{}, nil, err
	}
	name = strings.ToLower(strings.TrimSpace(name))
	names := make([]string, 0, len(all))
	for _, c := range all {
		if c.Declaration.Name == name {
			return c, all, nil
		}
		names = append(names, c.Declaration.Name)
	}
	return DeclarationClock{}, nil, notFoundf("clock.missing", SanitizeLine(name), strings.Join(names, ", "))
}

// declTitle is a declaration as the record's sentences name it.
func declTitle(d Declaration) string {
	return fmt.Sprintf("%s (%s)", d.Title.In(LangEnglish), d.Name)
}

// StartClock records the moment of awareness that starts a declaration's
// clock: now, or at (a ParseWhen expression: awareness is often written
// down later), and logs it with the deadline.
func (s *Service) StartClock(a Actor, name, at string) (DeclarationClock, Entry, error) {
	aware, err := s.optionalWhen(at)
	if err != nil {
		return DeclarationClock{}, Entry{}, err
	}
	var c DeclarationClock
	var e Entry
	err = s.write(a, ActRunClock, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		var err error
		if c, _, err = clockOf(tx, name); err != nil {
			return nil, err
		}
		d := c.Declaration
		switch c.State() {
		case ClockOff:
			return nil, conflictf("clock.off", d.Name, enableName(d))
		case ClockRunning:
			return nil, conflictf("clock.started-already", d.Name, c.Clock.StartedAt.In(s.loc).Format(clockTime), SanitizeLine(c.Clock.StartedBy))
		case ClockSent, ClockSkipped:
			return nil, conflictf("clock.ended", d.Name, string(c.State()))
		}
		if d.After != "" {
			return nil, conflictf("clock.starts-after", d.Name, d.After)
		}
		start := now
		if !aware.IsZero() {
			start = aware
		}
		e, err = s.startClock(tx, a, now, &c, start, "")
		if err != nil {
			return nil, err
		}
		return []AuditRecord{clockRecord("clock.start", e.Text, c.Clock), entryRecord("log", e)}, nil
	})
	return c, e, err
}

// startClock starts c at start and logs it: as recorded by a, or, when
// after names a declaration, as started by sending that one.
func (s *Service) startClock(tx WriteTx, a Actor, now time.Time, c *DeclarationClock, start time.Time, after string) (Entry, error) {
	d := c.Declaration
	start = start.UTC()
	c.Clock.StartedAt, c.Clock.StartedBy, c.Clock.StartedKey = &start, a.Name, a.Fingerprint
	var text Msg
	if dl := d.deadline(); dl.None() {
		c.Clock.Due = nil
		text = clockSay("log.clock.started-now", d, start.In(s.loc).Format(clockTime), a.Name)
	} else {
		due := dl.From(start, s.loc)
		c.Clock.Due = &due
		aware, dueAt := start.In(s.loc).Format(clockTime), due.In(s.loc).Format(clockTime)
		switch late := now.After(due); {
		case after != "" && late:
			text = clockSay("log.clock.chained-past", d, after, aware, dueAt, minutes(now.Sub(due)))
		case after != "":
			text = clockSay("log.clock.chained", d, after, aware, dueAt)
		case late:
			text = clockSay("log.clock.started-past", d, aware, dueAt, minutes(now.Sub(due)), a.Name)
		default:
			text = clockSay("log.clock.started", d, aware, dueAt, a.Name)
		}
	}
	e := systemEntry(a, now, KindFact, text)
	e.OccurredAt = start
	e, err := tx.AppendEntry(e)
	if err != nil {
		return Entry{}, err
	}
	c.Clock.StartEntry = e.ID
	return e, tx.PutClock(c.Clock)
}

// ClockDone is what recording a declaration sent takes.
type ClockDone struct {
	// Ref is the declaration's reference (the portal's number, the
	// complaint's record number); required.
	Ref string
	// To is whom it was sent to; the definition's To when empty.
	To string
	// At is when it was sent (a ParseWhen expression); now when empty.
	At string
	// Reason is why it was late; required past the deadline when the
	// definition says so (the CNIL).
	Reason string
}

// DoneClock records that a running declaration was sent, and logs it
// with how early or late it was. Sending the one another waits for
// (nis2-notification) starts that one's clock.
func (s *Service) DoneClock(a Actor, name string, in ClockDone) (DeclarationClock, Entry, error) {
	ref, err := cleanText(in.Ref, MaxClockRef, "clock.ref-long")
	if err != nil {
		return DeclarationClock{}, Entry{}, err
	}
	if ref == "" {
		return DeclarationClock{}, Entry{}, invalidf("clock.ref-needed")
	}
	to, err := cleanText(in.To, MaxClockTo, "clock.to-long")
	if err != nil {
		return DeclarationClock{}, Entry{}, err
	}
	reason, err := cleanText(in.Reason, MaxClockReason, "clock.reason-long")
	if err != nil {
		return DeclarationClock{}, Entry{}, err
	}
	sentAt, err := s.optionalWhen(in.At)
	if err != nil {
		return DeclarationClock{}, Entry{}, err
	}
	var c DeclarationClock
	var e Entry
	err = s.write(a, ActRunClock, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		var all []DeclarationClock
		var err error
		if c, all, err = clockOf(tx, name); err != nil {
			return nil, err
		}
		d := c.Declaration
		switch c.State() {
		case ClockOff:
			return nil, conflictf("clock.off", d.Name, enableName(d))
		case ClockWaiting:
			return nil, conflictf("clock.not-started", d.Name)
		case ClockSent, ClockSkipped:
			return nil, conflictf("clock.ended", d.Name, string(c.State()))
		}
		sent := now
		if !sentAt.IsZero() {
			sent = sentAt
		}
		if sent.Before(*c.Clock.StartedAt) {
			return nil, invalidf("clock.sent-before-start", d.Name, c.Clock.StartedAt.In(s.loc).Format(clockTime))
		}
		late := c.Clock.Due != nil && sent.After(*c.Clock.Due)
		if late && d.LateReason && reason == "" {
			return nil, invalidf("clock.late-reason-needed", d.Name, DurationText(sent.Sub(*c.Clock.Due)))
		}
		if to == "" {
			to = d.To
		}
		c.Clock.SentAt, c.Clock.SentBy, c.Clock.SentKey = &sent, a.Name, a.Fingerprint
		c.Clock.Ref, c.Clock.To, c.Clock.LateReason = ref, to, reason
		// One sentence per case, each a code of its own: how early or
		// late, and the reason when one was given.
		code, span := "log.clock.sent-early", time.Duration(0)
		switch {
		case c.Clock.Due == nil:
			code, span = "log.clock.sent-after", sent.Sub(*c.Clock.StartedAt)
		case late:
			code, span = "log.clock.sent-late", sent.Sub(*c.Clock.Due)
		default:
			span = c.Clock.Due.Sub(sent)
		}
		args := []string{to, ref, minutes(span)}
		if reason != "" {
			code += "-reason"
			args = append(args, reason)
		}
		ent := systemEntry(a, now, KindCommunication, clockSay(code, d, args...))
		ent.OccurredAt = sent
		if e, err = tx.AppendEntry(ent); err != nil {
			return nil, err
		}
		c.Clock.DoneEntry = e.ID
		if err := tx.PutClock(c.Clock); err != nil {
			return nil, err
		}
		recs := []AuditRecord{clockRecord("clock.done", e.Text, c.Clock), entryRecord("log", e)}
		// The declarations that wait for this one start now.
		for i := range all {
			n := &all[i]
			if n.Declaration.After != d.Name || n.State() != ClockWaiting {
				continue
			}
			ne, err := s.startClock(tx, a, now, n, sent, d.Name)
			if err != nil {
				return nil, err
			}
			recs = append(recs, clockRecord("clock.start", ne.Text, n.Clock), entryRecord("log", ne))
		}
		return recs, nil
	})
	return c, e, err
}

// SkipClock records that a declaration does not apply, with the reason
// (leads only): no personal data was reached, say. A declaration already
// sent cannot be skipped.
func (s *Service) SkipClock(a Actor, name, reason string) (DeclarationClock, Entry, error) {
	reason, err := cleanText(reason, MaxClockReason, "clock.reason-long")
	if err != nil {
		return DeclarationClock{}, Entry{}, err
	}
	if reason == "" {
		return DeclarationClock{}, Entry{}, invalidf("clock.skip-reason-needed")
	}
	var c DeclarationClock
	var e Entry
	err = s.write(a, ActManageClocks, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		var err error
		if c, _, err = clockOf(tx, name); err != nil {
			return nil, err
		}
		d := c.Declaration
		switch c.State() {
		case ClockSent, ClockSkipped:
			return nil, conflictf("clock.ended", d.Name, string(c.State()))
		}
		c.Clock.SkippedAt, c.Clock.SkippedBy, c.Clock.SkipReason = &now, a.Name, reason
		if e, err = tx.AppendEntry(systemEntry(a, now, KindDecision, clockSay("log.clock.skipped", d, reason))); err != nil {
			return nil, err
		}
		c.Clock.SkipEntry = e.ID
		if err := tx.PutClock(c.Clock); err != nil {
			return nil, err
		}
		return []AuditRecord{clockRecord("clock.skip", e.Text, c.Clock), entryRecord("log", e)}, nil
	})
	return c, e, err
}

// enableName is what turns d on: its group's name, or its own.
func enableName(d Declaration) string {
	if d.Group != "" {
		return d.Group
	}
	return d.Name
}

// EnableClocks turns on (or off) the declaration named, or every one of
// the group named ("nis2"), and logs it (leads only). Turning off a clock
// already started is refused: say why it does not apply with SkipClock.
func (s *Service) EnableClocks(a Actor, name string, on bool) ([]string, Entry, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	var changed []string
	var e Entry
	err := s.write(a, ActManageClocks, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		changed = nil
		all, err := clocksOf(tx)
		if err != nil {
			return nil, err
		}
		var picked []DeclarationClock
		var names []string
		for _, c := range all {
			if c.Declaration.Name == name || c.Declaration.Group == name {
				picked = append(picked, c)
			}
			names = append(names, c.Declaration.Name)
		}
		if len(picked) == 0 {
			return nil, notFoundf("clock.missing", SanitizeLine(name), strings.Join(names, ", "))
		}
		var recs []AuditRecord
		for _, c := range picked {
			if c.On == on {
				continue
			}
			if !on && c.Clock.StartedAt != nil {
				return nil, conflictf("clock.off-started", c.Declaration.Name)
			}
			v := on
			c.Clock.Enabled = &v
			if err := tx.PutClock(c.Clock); err != nil {
				return nil, err
			}
			changed = append(changed, c.Declaration.Name)
			recs = append(recs, clockRecord("clock.enable", fmt.Sprintf("%s on=%t", c.Declaration.Name, on), c.Clock))
		}
		if len(changed) == 0 {
			return nil, conflictf("clock.enabled-already", name, onOff(on))
		}
		code := "log.clock.enabled"
		if !on {
			code = "log.clock.disabled"
		}
		if e, err = tx.AppendEntry(systemEntry(a, now, KindDecision, say(code, strings.Join(changed, ", ")))); err != nil {
			return nil, err
		}
		return append(recs, entryRecord("log", e)), nil
	})
	return changed, e, err
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// DeclarationImport is the outcome of an import of definitions.
type DeclarationImport struct {
	Added, Replaced []string
	Rejected        []LineError
}

// ImportDeclarations stores the definitions of a YAML file (see
// ParseDeclarations), each new or replacing the one of the same name,
// built-in included (leads only). A file with any bad line stores
// nothing. Clocks already running keep the deadline they started with.
func (s *Service) ImportDeclarations(a Actor, data []byte) (DeclarationImport, error) {
	if err := a.Check(ActManageClocks); err != nil {
		return DeclarationImport{}, err
	}
	decls, rejected := ParseDeclarations(data)
	res := DeclarationImport{Rejected: rejected}
	if len(rejected) > 0 {
		return res, invalidf("clock.import-rejected", len(rejected))
	}
	if len(decls) == 0 {
		return res, invalidf("import.nothing")
	}
	err := s.write(a, ActManageClocks, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		res.Added, res.Replaced = nil, nil
		old, err := declarationsOf(tx)
		if err != nil {
			return nil, err
		}
		exists, known := map[string]bool{}, map[string]bool{}
		for _, d := range old {
			exists[d.Name], known[d.Name] = true, true
		}
		for _, d := range decls {
			known[d.Name] = true
		}
		for _, d := range decls {
			if d.After != "" && !known[d.After] {
				return nil, invalidf("clock.after-unknown", d.Name, d.After)
			}
		}
		var recs []AuditRecord
		for _, d := range decls {
			d.ImportedAt, d.ImportedBy = now, a.Name
			if err := tx.PutDeclaration(d); err != nil {
				return nil, err
			}
			verb := "imported"
			if exists[d.Name] {
				verb = "replaced"
				res.Replaced = append(res.Replaced, d.Name)
			} else {
				res.Added = append(res.Added, d.Name)
			}
			recs = append(recs, declarationRecord(verb+" "+d.Name, d))
		}
		return recs, nil
	})
	return res, err
}

// optionalWhen reads an optional ParseWhen expression; zero when empty.
func (s *Service) optionalWhen(at string) (time.Time, error) {
	if strings.TrimSpace(at) == "" {
		return time.Time{}, nil
	}
	return s.parseWhen(at)
}

// DurationText writes a span to the minute as the record reads it:
// "5h20", "3d 04h12". Negative spans read as their size.
func DurationText(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	mins := int64(d / time.Minute)
	days, hours, minutes := mins/(24*60), (mins/60)%24, mins%60
	if days > 0 {
		return fmt.Sprintf("%dd %02dh%02d", days, hours, minutes)
	}
	return fmt.Sprintf("%dh%02d", hours, minutes)
}
