package crisis

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// AssetColumns are the columns a register import reads; identifier and
// kind are required, the others optional, in any order (a directory's
// export names them its own way, so a few spellings are accepted).
var AssetColumns = []string{"identifier", "kind", "state", "owner", "note", "item"}

var assetColumnAliases = map[string]string{
	"id": "identifier", "name": "identifier", "account": "identifier", "samaccountname": "identifier",
	"login": "identifier", "host": "identifier", "hostname": "identifier",
	"type": "kind", "status": "state", "notes": "note", "comment": "note", "recovery_item": "item",
}

// ParsedAsset is a row of an import: the asset and the line it is on.
type ParsedAsset struct {
	Line  int
	Asset Asset
	Step  AssetChange
	Item  string
}

// AssetFile is what ParseAssetsCSV read: the good rows and the bad ones.
type AssetFile struct {
	Assets   []ParsedAsset
	Rejected []LineError
}

// ParseAssetsCSV reads a register import: CSV (UTF-8) with a header row
// naming at least identifier and kind. It is a pure function of its
// input; line numbers are the file's, the header being line 1.
func ParseAssetsCSV(data []byte) AssetFile {
	var out AssetFile
	reject := func(line int, err error) { out.Rejected = append(out.Rejected, LineError{Line: line, Err: err}) }
	if len(data) > MaxImportBytes {
		reject(1, invalidf("import.too-big", MaxImportBytes))
		return out
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			reject(1, invalidf("register.header", strings.Join(AssetColumns, ",")))
		} else {
			reject(csvLine(err, 1), invalidf("register.csv", csvReason(err)))
		}
		return out
	}
	col := map[string]int{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if alias, ok := assetColumnAliases[name]; ok {
			name = alias
		}
		known := false
		for _, c := range AssetColumns {
			known = known || c == name
		}
		if _, twice := col[name]; !known || twice {
			reject(1, invalidf("register.header", strings.Join(AssetColumns, ",")))
			return out
		}
		col[name] = i
	}
	if _, ok := col["identifier"]; !ok {
		reject(1, invalidf("register.header", strings.Join(AssetColumns, ",")))
		return out
	}
	if _, ok := col["kind"]; !ok {
		reject(1, invalidf("register.header", strings.Join(AssetColumns, ",")))
		return out
	}
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok {
			return rec[i]
		}
		return ""
	}
	seen := map[string]int{}
	line := 1
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line = csvLine(err, line+1)
			reject(line, invalidf("register.csv", csvReason(err)))
			continue
		}
		line, _ = r.FieldPos(0)
		if len(out.Assets)+len(out.Rejected) >= MaxAssets {
			reject(line, invalidf("register.full", MaxAssets))
			break
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != len(header) {
			reject(line, invalidf("register.columns", len(rec), len(header)))
			continue
		}
		bad := false
		for _, v := range rec {
			bad = bad || !utf8.ValidString(v)
		}
		if bad {
			reject(line, invalidf("import.not-utf8"))
			continue
		}
		as, step, err := cleanAsset(AssetDraft{Kind: field(rec, "kind"), Identifier: field(rec, "identifier"),
			State: field(rec, "state"), Owner: field(rec, "owner"), Note: field(rec, "note")})
		if err != nil {
			reject(line, err)
			continue
		}
		key := AssetKey(as.Kind, as.Identifier)
		if first, ok := seen[key]; ok {
			reject(line, invalidf("register.row-twice", as.Identifier, first))
			continue
		}
		seen[key] = line
		out.Assets = append(out.Assets, ParsedAsset{Line: line, Asset: as, Step: step, Item: strings.TrimSpace(field(rec, "item"))})
	}
	return out
}

// AssetImport is the outcome of an import: how many were added and the
// rows refused.
type AssetImport struct {
	Added    int
	Rejected []LineError
}

// ImportAssets registers the rows of a CSV export in one transaction. A
// file with a bad row (unreadable, or an asset already registered) imports
// nothing unless skipBad, which imports the good rows. One logbook entry
// tells the import; each asset's history points to it.
func (s *Service) ImportAssets(a Actor, data []byte, skipBad bool) (AssetImport, error) {
	if err := a.Check(ActWriteRegister); err != nil {
		return AssetImport{}, err
	}
	f := ParseAssetsCSV(data)
	res := AssetImport{Rejected: f.Rejected}
	if len(f.Rejected) > 0 && !skipBad {
		return res, invalidf("import.rejected", len(f.Rejected))
	}
	err := s.write(a, ActWriteRegister, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		res.Added, res.Rejected = 0, append([]LineError(nil), f.Rejected...)
		var good []ParsedAsset
		var err error
		for _, p := range f.Assets {
			if id, ok, err := tx.AssetNamed(AssetKey(p.Asset.Kind, p.Asset.Identifier)); err != nil {
				return nil, err
			} else if ok {
				res.Rejected = append(res.Rejected, LineError{Line: p.Line, Err: conflictf("register.exists", p.Asset.Kind, p.Asset.Identifier, id)})
				continue
			}
			if p.Asset.Item, err = registerItem(tx, p.Item); err != nil {
				res.Rejected = append(res.Rejected, LineError{Line: p.Line, Err: err})
				continue
			}
			good = append(good, p)
		}
		sortLineErrors(res.Rejected)
		if len(res.Rejected) > 0 && !skipBad {
			return nil, invalidf("import.rejected", len(res.Rejected))
		}
		if len(good) == 0 {
			return nil, invalidf("import.nothing")
		}
		if n, err := tx.LastAssetID(); err != nil {
			return nil, err
		} else if n+uint64(len(good)) > MaxAssets {
			return nil, invalidf("register.full", MaxAssets)
		}
		counts := map[AssetState]int{}
		for _, p := range good {
			counts[p.Asset.State]++
		}
		text := say("register.log-import", strconv.Itoa(len(good)))
		for _, st := range AssetStates {
			if counts[st] > 0 {
				text.Parts = append(text.Parts, say("register.log-count", strconv.Itoa(counts[st]), string(st)))
			}
		}
		e, err := tx.AppendEntry(systemEntry(a, now, KindAction, text))
		if err != nil {
			return nil, err
		}
		recs := make([]AuditRecord, 0, len(good)+1)
		for _, p := range good {
			as, step := p.Asset, p.Step
			as.CreatedBy, as.CreatedAt, as.UpdatedAt = a.Name, now, now
			step.At, step.By, step.Entry = now, a.Name, e.ID
			as.History = []AssetChange{step}
			if as.State.Confirmed() {
				at := now
				as.FoundAt, as.FoundEntry = &at, e.ID
			}
			if as, err = tx.AppendAsset(as); err != nil {
				return nil, err
			}
			res.Added++
			recs = append(recs, assetRecord("register.import", fmt.Sprintf("asset %d %s, #%d", as.ID, as.State, e.ID), as))
		}
		return append(recs, entryRecord("log", e)), nil
	})
	if err != nil {
		res.Added = 0
	}
	return res, err
}

func sortLineErrors(es []LineError) {
	sort.SliceStable(es, func(i, j int) bool { return es[i].Line < es[j].Line })
}
