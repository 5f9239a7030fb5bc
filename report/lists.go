package report

import (
	"bufio"
	"io"
	"os"

	"cellule/crisis"
)

// A long logbook is read once per export, not once per section: the
// sections that list entries (chronology, measures, decisions) declare
// their list, and the one pass that gathers the facts writes each list's
// items into a spool file of its own. The section then copies its spool
// into the report in its place. Memory stays flat; the spools are removed
// when the export ends.

// listSpec is a section's list of entries.
type listSpec struct {
	name string
	keep func(crisis.Entry) bool
}

// entryLists are the lists the reports may hold, by the name sections use.
var entryLists = []listSpec{
	{"chronology", func(crisis.Entry) bool { return true }},
	{"containment", func(e crisis.Entry) bool { return e.Kind == crisis.KindAction }},
	{"decisions", func(e crisis.Entry) bool { return e.Kind == crisis.KindDecision }},
}

// lists names the entry lists this report prints: the logged actions
// stand for the containment measures only in a record without tasks (see
// md_tasks.go), so a record with tasks does not spool them.
func (f *facts) lists() []listSpec {
	var out []listSpec
	for _, s := range entryLists {
		if s.name == "containment" && len(f.tasks) > 0 {
			continue
		}
		out = append(out, s)
	}
	return out
}

// spool is one list being written during the pass.
type spool struct {
	spec listSpec
	file *os.File
	w    *bufio.Writer
	n    int
}

// itemWriter writes one entry as a list item in a format.
type itemWriter func(w *bufio.Writer, f *facts, e crisis.Entry) error

// openSpools starts a spool per list; close removes them.
func openSpools(lists []listSpec) (map[string]*spool, func(), error) {
	spools := map[string]*spool{}
	closeAll := func() {
		for _, s := range spools {
			s.file.Close()
			os.Remove(s.file.Name())
		}
	}
	for _, spec := range lists {
		file, err := os.CreateTemp("", "cellule-report-*")
		if err != nil {
			closeAll()
			return nil, nil, err
		}
		spools[spec.name] = &spool{spec: spec, file: file, w: bufio.NewWriterSize(file, 64<<10)}
	}
	return spools, closeAll, nil
}

// add writes e into every list that keeps it.
func addToSpools(spools map[string]*spool, f *facts, e crisis.Entry, item itemWriter) error {
	for _, s := range spools {
		if !s.spec.keep(e) {
			continue
		}
		s.n++
		if err := item(s.w, f, e); err != nil {
			return err
		}
	}
	return nil
}

// copySpool writes a list's items into the report; it reports how many
// there were.
func copySpool(w *bufio.Writer, s *spool) (int, error) {
	if err := s.w.Flush(); err != nil {
		return 0, err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	_, err := io.Copy(w, s.file)
	return s.n, err
}

// listEntries writes the list named name: from its spool in a full
// export, or, in a preview (opt.Limit), its newest entries read backwards
// from the end of the logbook. none is what an empty list says;
// open and close wrap the items.
func listEntries(w *bufio.Writer, f *facts, opt Options, name string, item itemWriter, open, closing, none, more string) error {
	var spec listSpec
	for _, s := range entryLists {
		if s.name == name {
			spec = s
		}
	}
	if opt.Limit > 0 || f.spools == nil {
		got, hasMore, err := f.snap.LastEntries(opt.Limit, spec.keep)
		if err != nil {
			return err
		}
		if hasMore {
			w.WriteString(more)
		}
		if len(got) == 0 {
			_, err := w.WriteString(none)
			return err
		}
		w.WriteString(open)
		for _, e := range got {
			if err := item(w, f, e); err != nil {
				return err
			}
		}
		_, err = w.WriteString(closing)
		return err
	}
	s := f.spools[name]
	if s.n == 0 {
		_, err := w.WriteString(none)
		return err
	}
	w.WriteString(open)
	if _, err := copySpool(w, s); err != nil {
		return err
	}
	_, err := w.WriteString(closing)
	return err
}
