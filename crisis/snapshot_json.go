package crisis

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// SnapshotFormat names the JSON snapshot's layout. A reader refuses any
// other value: a later layout gets a new number.
const SnapshotFormat = "cellule-snapshot/1"

// WriteJSON writes the snapshot: a header, then every bucket of the store
// with every record, in key order, one record a line. Values that are JSON
// (every domain record) are written as they are stored, byte for byte, so
// an import gives back the same bytes and the audit digests still match;
// other values as text or hex. It streams: memory does not grow with the
// number of records.
//
// The output never carries a terminal control sequence: JSON escapes C0
// controls, and a stored value holding DEL, a C1 control or a direction
// override (which Sanitize keeps out of the record, so only a tampered
// file has them) is written as an escaped string instead of verbatim.
func (p *Snapshot) WriteJSON(out io.Writer) error {
	w := bufio.NewWriterSize(out, 64<<10)
	schema, err := p.tx.SchemaVersion()
	if err != nil {
		return err
	}
	w.WriteString(`{"format":`)
	writeJSONString(w, SnapshotFormat)
	w.WriteString(`,"schema":`)
	w.WriteString(strconv.FormatUint(schema, 10))
	w.WriteString(`,"crisis":`)
	writeJSONString(w, p.Crisis.Name)
	w.WriteString(`,"audit_head":{"seq":`)
	w.WriteString(strconv.FormatUint(p.Head.Seq, 10))
	w.WriteString(`,"hash":`)
	writeJSONString(w, p.Head.Hash)
	w.WriteString("},\n\"buckets\":[")
	buckets, err := p.tx.RawBuckets()
	if err != nil {
		return err
	}
	for i, b := range buckets {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString("\n{\"name\":")
		writeJSONString(w, b.Name)
		w.WriteString(`,"sequence":`)
		w.WriteString(strconv.FormatUint(b.Sequence, 10))
		w.WriteString(`,"keys":`)
		writeJSONString(w, b.KeyForm)
		w.WriteString(`,"records":[`)
		n := 0
		err := p.tx.RawRecords(b.Name, func(key string, hexKey bool, value []byte) error {
			if n > 0 {
				w.WriteByte(',')
			}
			n++
			writeRecord(w, key, hexKey, value)
			if w.Available() < 4096 {
				// Surface a closed pipe early rather than after the last record.
				return w.Flush()
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n > 0 {
			w.WriteByte('\n')
		}
		w.WriteString("]}")
	}
	w.WriteString("\n]}\n")
	return w.Flush()
}

func writeRecord(w *bufio.Writer, key string, hexKey bool, value []byte) {
	if hexKey {
		w.WriteString("\n{\"key_hex\":")
	} else {
		w.WriteString("\n{\"key\":")
	}
	writeJSONString(w, key)
	switch {
	case len(value) == 0:
	case isJSONDocument(value) && terminalSafe(value):
		w.WriteString(`,"value":`)
		w.Write(value)
	case plainText(value):
		w.WriteString(`,"text":`)
		writeJSONString(w, string(value))
	default:
		w.WriteString(`,"hex":`)
		writeJSONString(w, hex.EncodeToString(value))
	}
	w.WriteByte('}')
}

// isJSONDocument reports a JSON object or array, the stored form of every
// domain record.
func isJSONDocument(v []byte) bool {
	if len(v) == 0 || (v[0] != '{' && v[0] != '[') {
		return false
	}
	return json.Valid(v)
}

// terminalSafe reports that v holds nothing a terminal would act on
// (JSON itself already excludes raw C0 controls).
func terminalSafe(v []byte) bool {
	for i := 0; i < len(v); {
		c := v[i]
		if c < utf8.RuneSelf {
			if c == 0x7f || c == 0x1b {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(v[i:])
		if r == utf8.RuneError || unsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

// plainText reports text a person could read: UTF-8 with no control
// character but newlines and tabs. Anything else (the schema version's
// 8-byte counter, say) is written in hex, so a script reading the snapshot
// never decodes NUL bytes or escape sequences out of a "text".
func plainText(v []byte) bool {
	if !utf8.Valid(v) {
		return false
	}
	for _, r := range string(v) {
		if r != '\n' && r != '\t' && unsafeRune(r) {
			return false
		}
	}
	return true
}

func unsafeRune(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || isBidiControl(r) || r == 0x2028 || r == 0x2029
}

// writeJSONString writes s as a JSON string, escaping every control
// character (C0, DEL, C1), direction override and line separator, so the
// snapshot is safe to print on a terminal and decodes to exactly s.
func writeJSONString(w *bufio.Writer, s string) {
	w.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				w.WriteByte('\\')
				w.WriteByte(c)
			case c == '\n':
				w.WriteString(`\n`)
			case c < 0x20 || c == 0x7f:
				fmt.Fprintf(w, `\u%04x`, c)
			default:
				w.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			w.WriteString(`\ufffd`)
		case unsafeRune(r):
			fmt.Fprintf(w, `\u%04x`, r)
		default:
			w.WriteString(s[i : i+size])
		}
		i += size
	}
	w.WriteByte('"')
}

// snapshotHeader is what a snapshot says about itself.
type snapshotHeader struct {
	Format    string
	Schema    uint64
	AuditSeq  uint64
	AuditHash string
}

// snapshotVisitor receives a snapshot as it is read.
type snapshotVisitor struct {
	header func(h snapshotHeader) error
	bucket func(b RawBucket) error
	record func(b RawBucket, key string, hexKey bool, value []byte) error
}

// snapshotRecord is one record line.
type snapshotRecord struct {
	Key    *string         `json:"key"`
	KeyHex *string         `json:"key_hex"`
	Value  json.RawMessage `json:"value"`
	Text   *string         `json:"text"`
	Hex    *string         `json:"hex"`
}

// readSnapshot parses a snapshot as a stream, calling v as it goes. The
// header must come before the buckets, so that a file that is not a
// snapshot is refused before anything else is looked at.
func readSnapshot(r io.Reader, v snapshotVisitor) error {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	if err := expectDelim(dec, '{'); err != nil {
		return notSnapshot(err)
	}
	var h snapshotHeader
	headerDone := false
	for dec.More() {
		name, err := fieldName(dec)
		if err != nil {
			return notSnapshot(err)
		}
		switch name {
		case "format":
			if err := dec.Decode(&h.Format); err != nil {
				return notSnapshot(err)
			}
			if h.Format != SnapshotFormat {
				return invalidf("import.format", SanitizeLine(h.Format), SnapshotFormat)
			}
		case "schema":
			if err := dec.Decode(&h.Schema); err != nil {
				return notSnapshot(err)
			}
		case "audit_head":
			var head struct {
				Seq  uint64 `json:"seq"`
				Hash string `json:"hash"`
			}
			if err := dec.Decode(&head); err != nil {
				return notSnapshot(err)
			}
			h.AuditSeq, h.AuditHash = head.Seq, head.Hash
		case "buckets":
			if h.Format == "" {
				return invalidf("import.not-snapshot", "no \"format\" before the records")
			}
			if !headerDone {
				headerDone = true
				if err := v.header(h); err != nil {
					return err
				}
			}
			if err := readBuckets(dec, v); err != nil {
				return err
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return notSnapshot(err)
			}
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return notSnapshot(err)
	}
	if h.Format == "" {
		return invalidf("import.not-snapshot", "no \"format\" field")
	}
	if !headerDone {
		return invalidf("import.not-snapshot", "no \"buckets\" field")
	}
	if _, err := dec.Token(); err != io.EOF {
		return invalidf("import.not-snapshot", "data after the end of the snapshot")
	}
	return nil
}

func readBuckets(dec *json.Decoder, v snapshotVisitor) error {
	if err := expectDelim(dec, '['); err != nil {
		return notSnapshot(err)
	}
	for dec.More() {
		if err := expectDelim(dec, '{'); err != nil {
			return notSnapshot(err)
		}
		var b RawBucket
		started := false
		for dec.More() {
			name, err := fieldName(dec)
			if err != nil {
				return notSnapshot(err)
			}
			switch name {
			case "name":
				err = dec.Decode(&b.Name)
			case "sequence":
				err = dec.Decode(&b.Sequence)
			case "keys":
				err = dec.Decode(&b.KeyForm)
			case "records":
				if b.Name == "" || b.KeyForm == "" {
					return invalidf("import.not-snapshot", "a bucket's records come before its name and key form")
				}
				started = true
				if err := v.bucket(b); err != nil {
					return err
				}
				err = readRecords(dec, b, v)
			default:
				var skip json.RawMessage
				err = dec.Decode(&skip)
			}
			if err != nil {
				return notSnapshot(err)
			}
		}
		if !started {
			return invalidf("import.not-snapshot", "a bucket without records")
		}
		if err := expectDelim(dec, '}'); err != nil {
			return notSnapshot(err)
		}
	}
	return expectDelim(dec, ']')
}

func readRecords(dec *json.Decoder, b RawBucket, v snapshotVisitor) error {
	if err := expectDelim(dec, '['); err != nil {
		return err
	}
	for dec.More() {
		var rec snapshotRecord
		if err := dec.Decode(&rec); err != nil {
			return err
		}
		var key string
		hexKey := false
		switch {
		case rec.Key != nil && rec.KeyHex == nil:
			key = *rec.Key
		case rec.KeyHex != nil && rec.Key == nil:
			key, hexKey = *rec.KeyHex, true
		default:
			return fmt.Errorf("a record of %s has no key", b.Name)
		}
		value := []byte{}
		set := 0
		if rec.Value != nil {
			value, set = rec.Value, set+1
		}
		if rec.Text != nil {
			value, set = []byte(*rec.Text), set+1
		}
		if rec.Hex != nil {
			var err error
			if value, err = hex.DecodeString(*rec.Hex); err != nil {
				return fmt.Errorf("a record of %s has a bad hex value: %w", b.Name, err)
			}
			set++
		}
		if set > 1 {
			return fmt.Errorf("a record of %s has more than one value", b.Name)
		}
		if err := v.record(b, key, hexKey, bytes.Clone(value)); err != nil {
			return err
		}
	}
	return expectDelim(dec, ']')
}

func fieldName(dec *json.Decoder) (string, error) {
	t, err := dec.Token()
	if err != nil {
		return "", err
	}
	s, ok := t.(string)
	if !ok {
		return "", fmt.Errorf("expected a field name, found %v", t)
	}
	return s, nil
}

func expectDelim(dec *json.Decoder, d json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if got, ok := t.(json.Delim); !ok || got != d {
		return fmt.Errorf("expected %q, found %v", d, t)
	}
	return nil
}

// notSnapshot wraps a parse failure, unless it is already a refusal.
func notSnapshot(err error) error {
	if _, ok := err.(*Error); ok {
		return err
	}
	return invalidf("import.not-snapshot", SanitizeLine(err.Error()))
}
