package crisis

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// AssetDraft is what a person submits to register an asset.
type AssetDraft struct {
	Kind       string
	Identifier string
	State      string // "" for suspected
	Owner      string
	Note       string
	Evidence   string
	Item       string   // a recovery item's id or name, "" for none
	Tasks      []uint64 // tasks about it
}

// AssetStep is a change of an asset's state: to which state, what was done
// and on what evidence.
type AssetStep struct {
	State    string
	Note     string
	Evidence string
}

// cleanAsset checks a draft outside any transaction: kind, identifier,
// state and bounded texts.
func cleanAsset(d AssetDraft) (Asset, AssetChange, error) {
	kind, err := ParseAssetKind(d.Kind)
	if err != nil {
		return Asset{}, AssetChange{}, err
	}
	id, err := assetIdentifier(kind, d.Identifier)
	if err != nil {
		return Asset{}, AssetChange{}, err
	}
	state := AssetSuspected
	if strings.TrimSpace(d.State) != "" {
		if state, err = ParseAssetState(kind.Class(), d.State); err != nil {
			return Asset{}, AssetChange{}, err
		}
	}
	owner, err := cleanText(d.Owner, MaxAssetOwner, "register.owner-long")
	if err != nil {
		return Asset{}, AssetChange{}, err
	}
	note, err := cleanText(d.Note, MaxAssetNote, "register.note-long")
	if err != nil {
		return Asset{}, AssetChange{}, err
	}
	ev, err := cleanText(d.Evidence, MaxAssetEvidence, "register.evidence-long")
	if err != nil {
		return Asset{}, AssetChange{}, err
	}
	if len(d.Tasks) > MaxAssetTasks {
		return Asset{}, AssetChange{}, invalidf("register.tasks-many", MaxAssetTasks)
	}
	a := Asset{Kind: kind, Identifier: id, State: state, Owner: owner, Notes: note, Tasks: d.Tasks}
	return a, AssetChange{To: state, Note: note, Evidence: ev}, nil
}

// AddAsset registers an asset and logs it, linked to it.
func (s *Service) AddAsset(a Actor, d AssetDraft) (Asset, error) {
	as, step, err := cleanAsset(d)
	if err != nil {
		return Asset{}, err
	}
	err = s.write(a, ActWriteRegister, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		if n, err := tx.LastAssetID(); err != nil {
			return nil, err
		} else if n >= MaxAssets {
			return nil, invalidf("register.full", MaxAssets)
		}
		if id, ok, err := tx.AssetNamed(AssetKey(as.Kind, as.Identifier)); err != nil {
			return nil, err
		} else if ok {
			return nil, conflictf("register.exists", as.Kind, as.Identifier, id)
		}
		var err error
		if as.Item, err = registerItem(tx, d.Item); err != nil {
			return nil, err
		}
		if err := checkAssetTasks(tx, as.Tasks); err != nil {
			return nil, err
		}
		as.CreatedBy, as.CreatedAt, as.UpdatedAt = a.Name, now, now
		step.At, step.By = now, a.Name
		if as.State.Confirmed() {
			at := now
			as.FoundAt = &at
		}
		if as, err = tx.AppendAsset(as); err != nil {
			return nil, err
		}
		text := say("register.log-add", num(as.ID), string(as.Kind), as.Identifier, string(as.State))
		if as.Owner != "" {
			text.Parts = append(text.Parts, say("register.log-owner", as.Owner))
		}
		if as.Item != "" {
			text.Parts = append(text.Parts, say("register.log-item", as.Item))
		}
		text.Parts = append(text.Parts, stepText(step)...)
		return s.logAsset(tx, a, now, "register.add", text, &as, step)
	})
	return as, err
}

// SetAssetState moves asset ref (its number, or its identifier) to another
// state, with what was done and the evidence, and logs it.
func (s *Service) SetAssetState(a Actor, ref string, c AssetStep) (Asset, error) {
	note, err := cleanText(c.Note, MaxAssetNote, "register.note-long")
	if err != nil {
		return Asset{}, err
	}
	ev, err := cleanText(c.Evidence, MaxAssetEvidence, "register.evidence-long")
	if err != nil {
		return Asset{}, err
	}
	if strings.TrimSpace(c.State) == "" {
		return Asset{}, invalidf("register.state-needed")
	}
	var as Asset
	err = s.write(a, ActWriteRegister, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		var err error
		if as, err = findAsset(tx, ref); err != nil {
			return nil, err
		}
		to, err := ParseAssetState(as.Class(), c.State)
		if err != nil {
			return nil, err
		}
		if to == as.State {
			return nil, conflictf("register.state-same", as.ID, as.Identifier, to)
		}
		if !CanMove(as.Class(), as.State, to) {
			return nil, conflictf("register.move-refused", as.ID, as.Identifier, as.State, to, joinStates(NextStates(as.Class(), as.State)))
		}
		if as.State == AssetSuspected && to == AssetCleared && note == "" && ev == "" {
			return nil, invalidf("register.clear-reason")
		}
		if len(as.History) >= MaxAssetHistory {
			return nil, invalidf("register.history-full", as.ID, MaxAssetHistory)
		}
		step := AssetChange{At: now, By: a.Name, From: as.State, To: to, Note: note, Evidence: ev}
		as.State, as.UpdatedAt = to, now
		if to.Confirmed() && as.FoundAt == nil {
			at := now
			as.FoundAt = &at
		}
		text := say("register.log-move", num(as.ID), string(as.Kind), as.Identifier, string(step.From), string(to))
		text.Parts = stepText(step)
		return s.logAsset(tx, a, now, "register.set", text, &as, step)
	})
	return as, err
}

// stepText is the logbook's tail for what was done and the evidence.
func stepText(st AssetChange) []Msg {
	var t []Msg
	switch {
	case st.Note != "" && st.From == "":
		t = append(t, say("register.log-remark", st.Note)) // registering: what is known
	case st.Note != "":
		t = append(t, say("register.log-note", st.Note))
	}
	if st.Evidence != "" {
		t = append(t, say("register.log-evidence", st.Evidence))
	}
	return t
}

// logAsset appends the entry that tells an asset's change, linked to it,
// records the step in its history and stores it. A confirmed compromise
// is a fact found; the other changes are actions.
func (s *Service) logAsset(tx WriteTx, a Actor, now time.Time, action string, text Msg, as *Asset, step AssetChange) ([]AuditRecord, error) {
	kind := KindAction
	if step.To.Confirmed() {
		kind = KindFact
	}
	e := systemEntry(a, now, kind, text)
	e.Asset = as.ID
	e, err := tx.AppendEntry(e)
	if err != nil {
		return nil, err
	}
	step.Entry = e.ID
	as.History = append(as.History, step)
	if step.To.Confirmed() && as.FoundEntry == 0 {
		as.FoundEntry = e.ID
	}
	if err := tx.PutAsset(*as); err != nil {
		return nil, err
	}
	return []AuditRecord{assetRecord(action, fmt.Sprintf("asset %d %s, #%d", as.ID, as.State, e.ID), *as), entryRecord("log", e)}, nil
}

func assetRecord(action, detail string, as Asset) AuditRecord {
	return AuditRecord{Action: action, Subject: fmt.Sprintf("asset/%d", as.ID), Detail: detail, Digest: DigestOf(as)}
}

// findAsset resolves a reference typed by a person: the asset's number
// (42 or #42), or its identifier when only one asset has it.
func findAsset(tx ReadTx, ref string) (Asset, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return Asset{}, invalidf("register.which")
	}
	if n, err := strconv.ParseUint(strings.TrimPrefix(ref, "#"), 10, 64); err == nil {
		as, ok, err := tx.Asset(n)
		if err != nil {
			return Asset{}, err
		}
		if ok {
			return as, nil
		}
		if ref[0] == '#' {
			return Asset{}, notFoundf("register.missing", SanitizeLine(ref))
		}
	}
	all, err := tx.Assets()
	if err != nil {
		return Asset{}, err
	}
	var found []Asset
	for _, as := range all {
		if strings.EqualFold(as.Identifier, ref) {
			found = append(found, as)
		}
	}
	switch len(found) {
	case 0:
		return Asset{}, notFoundf("register.missing", SanitizeLine(ref))
	case 1:
		return found[0], nil
	}
	ids := make([]string, len(found))
	for i, as := range found {
		ids[i] = fmt.Sprintf("%d (%s)", as.ID, as.Kind)
	}
	return Asset{}, invalidf("register.ambiguous", SanitizeLine(ref), strings.Join(ids, ", "))
}

// registerItem resolves a recovery item named for an asset: its id, or
// its name in any case; "" for none.
func registerItem(tx ReadTx, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", nil
	}
	plan, err := readPlan(tx)
	if err != nil {
		return "", err
	}
	for _, ph := range plan.Phases {
		for _, it := range ph.Items {
			if it.ID == ref || strings.EqualFold(it.Name, ref) {
				return it.ID, nil
			}
		}
	}
	return "", notFoundf("recovery.item-missing", SanitizeLine(ref))
}

func checkAssetTasks(tx ReadTx, ids []uint64) error {
	for _, id := range ids {
		if _, ok, err := tx.Task(id); err != nil {
			return err
		} else if !ok {
			return notFoundf("task.missing", id)
		}
	}
	return nil
}

// Assets reads the register, grouped by state (see SortAssets), once per
// change however many consoles ask: the slice is shared between callers,
// who read it and never modify it.
func (s *Service) Assets() ([]Asset, error) {
	return s.shared.getAssets(s.hub.seq.Load(), func() ([]Asset, error) {
		var as []Asset
		err := s.store.View(func(tx ReadTx) error {
			var err error
			as, err = tx.Assets()
			return err
		})
		SortAssets(as)
		return as, err
	})
}

// Asset reads one asset by its number or identifier.
func (s *Service) Asset(ref string) (Asset, error) {
	var as Asset
	err := s.store.View(func(tx ReadTx) error {
		var err error
		as, err = findAsset(tx, ref)
		return err
	})
	return as, err
}

// unremediatedByItem counts, by recovery item, the assets linked to it
// that are compromised or contained (not yet remediated).
func unremediatedByItem(tx ReadTx) (map[string]int, error) {
	all, err := tx.Assets()
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, as := range all {
		if as.Item != "" && as.State.Unremediated() {
			out[as.Item]++
		}
	}
	return out, nil
}
