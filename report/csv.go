package report

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"cellule/crisis"
)

// csvColumns are the codes of the timeline's columns; in English their
// names are those of `timeline --json`.
var csvColumns = []string{"csv.id", "csv.occurredAt", "csv.recordedAt", "csv.author", "csv.kind", "csv.text", "csv.amends"}

// utf8BOM starts the file so that spreadsheets (Excel in particular;
// LibreOffice offers UTF-8 either way) read the accents right instead of
// guessing a Windows code page.
const utf8BOM = "\ufeff"

// WriteCSV writes the timeline, one row per entry, RFC 4180 (quoted where
// needed, CRLF line ends), UTF-8 with a byte-order mark. Times are RFC 3339
// UTC, as in the JSON timeline. The header and the kinds are in
// opt.Lang: in English the kind is its code, as in the JSON timeline; in
// French, its French word.
func WriteCSV(out io.Writer, snap *crisis.Snapshot, opt Options) error {
	l := tongueOf(opt.Lang)
	header := make([]string, len(csvColumns))
	for i, c := range csvColumns {
		header[i] = l.t(c)
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	bw.WriteString(utf8BOM)
	w := csv.NewWriter(bw)
	w.UseCRLF = true
	if err := w.Write(header); err != nil {
		return err
	}
	row := make([]string, len(header))
	err := snap.EachEntry(func(e crisis.Entry) error {
		row[0] = strconv.FormatUint(e.ID, 10)
		row[1] = e.OccurredAt.UTC().Format(time.RFC3339)
		row[2] = e.RecordedAt.UTC().Format(time.RFC3339)
		row[3] = csvCell(crisis.SanitizeLine(e.Author))
		row[4] = crisis.SanitizeLine(string(e.Kind))
		if l.code != crisis.LangEnglish {
			row[4] = l.label("kind", string(e.Kind))
		}
		row[5] = csvCell(crisis.Sanitize(entryText(e, l)))
		row[6] = ""
		if e.Amends != 0 {
			row[6] = strconv.FormatUint(e.Amends, 10)
		}
		return w.Write(row)
	})
	if err != nil {
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// csvCell keeps a spreadsheet from running text as a formula (CSV
// injection): a cell starting with = + - @ gets a leading apostrophe,
// which spreadsheets show as text and do not display. The JSON snapshot
// keeps the text exactly.
func csvCell(s string) string {
	if s != "" && strings.IndexByte("=+-@", s[0]) >= 0 {
		return "'" + s
	}
	return s
}
