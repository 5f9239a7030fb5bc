package regional

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"cellule/crisis"
	"cellule/report"
	"cellule/store"
)

// Print writes the hub's table, one establishment a line. Everything an
// establishment sent is sanitized: it reaches the CERT's terminal.
func (s *HubStatus) Print(w io.Writer, now time.Time) {
	fmt.Fprintf(w, "region %s: %d establishments\n", crisis.SanitizeLine(s.Region), len(s.Establishments))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ESTABLISHMENT\tCRISIS\tSTAGE\tOPEN FOR\tPHASES\tP1 OPEN\tLATE DECL.\tLAST ENTRY\tLAST CONTACT\tCHAIN")
	for _, e := range s.Establishments {
		crisisName, stage, open, phases, p1, late, last := "-", "-", "-", "-", "-", "-", "-"
		if st := e.Status; st != nil {
			crisisName, stage = cut(crisis.SanitizeLine(st.Crisis), 30), crisis.SanitizeLine(st.Stage)
			if st.Closed {
				stage += " (closed)"
			}
			c := crisis.Crisis{OpenedAt: st.OpenedAt, EndedAt: st.EndedAt}
			open = short(c.Duration(now))
			var ps []string
			for _, p := range st.Phases {
				ps = append(ps, fmt.Sprintf("%d:%s %d%%", p.Number, crisis.SanitizeLine(p.State), p.Progress))
			}
			if len(ps) > 0 {
				phases = strings.Join(ps, " ")
			}
			p1, late = fmt.Sprint(st.OpenP1), fmt.Sprint(st.Late)
			if st.LastEntryAt != nil {
				last = ago(now, *st.LastEntryAt)
			}
		}
		contact := "never"
		switch {
		case e.Connected:
			contact = "connected"
		case e.LastContact != nil:
			contact = ago(now, *e.LastContact)
		}
		chain := fmt.Sprintf("verified to %d", e.HeadSeq)
		if e.Messages == 0 {
			chain = "nothing received"
		}
		if e.Record {
			chain += ", record"
		}
		if e.Problem != "" {
			chain = "BROKEN: " + crisis.SanitizeLine(e.Problem)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Name, crisisName, stage, open, phases, p1, late, last, contact, chain)
	}
	_ = tw.Flush()
}

// PrintJSON writes the hub's status as JSON.
func (s *HubStatus) PrintJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func short(d time.Duration) string {
	d = d.Round(time.Minute)
	if d >= 24*time.Hour {
		return fmt.Sprintf("%dd%02dh", int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour))
	}
	return fmt.Sprintf("%dh%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

func ago(now, t time.Time) string {
	d := now.Sub(t)
	if d < time.Minute {
		return fmt.Sprintf("%ds ago", max(0, int(d.Seconds())))
	}
	return short(d) + " ago"
}

// ShowMarkdown writes establishment e's report in Markdown, from the
// record it shared: read only, the hub never writes into it.
func ShowMarkdown(dataDir, e string, w io.Writer) error {
	m, err := loadMeta(dataDir + "/" + hubDir)
	if err != nil {
		return fmt.Errorf("%s is not a hub's directory", dataDir)
	}
	known := false
	for _, n := range m.Establishments {
		known = known || n == e
	}
	if !known {
		return fmt.Errorf("no establishment %q in this region (%s)", e, strings.Join(m.Establishments, ", "))
	}
	path := RecordPath(dataDir, e)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s shares its status only (or nothing has arrived yet): its record is not at the hub", e)
	}
	db, err := store.OpenReadOnly(path)
	if err != nil {
		return err
	}
	defer db.Close()
	svc := crisis.NewService(db)
	return svc.Export(crisis.LocalActor("hub"), func(s *crisis.Snapshot) error {
		return report.WriteMarkdown(w, s, report.Options{Printed: time.Now()})
	})
}
