package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"cellule/crisis"
)

// entryJSON is the public JSON form of an entry: times in RFC 3339 UTC,
// amends null when the entry corrects nothing.
type entryJSON struct {
	ID         uint64  `json:"id"`
	OccurredAt string  `json:"occurred_at"`
	RecordedAt string  `json:"recorded_at"`
	Author     string  `json:"author"`
	Kind       string  `json:"kind"`
	Text       string  `json:"text"`
	Amends     *uint64 `json:"amends"`
	// Source, Verify and Verifies: see crisis.Entry (stable English codes).
	Source   string `json:"source,omitempty"`
	Verify   string `json:"verify,omitempty"`
	Verifies uint64 `json:"verifies,omitempty"`
}

func toJSON(e crisis.Entry) entryJSON {
	j := entryJSON{
		ID:         e.ID,
		OccurredAt: utcTime(e.OccurredAt),
		RecordedAt: utcTime(e.RecordedAt),
		Author:     e.Author,
		Kind:       string(e.Kind),
		Text:       e.Text,
		Source:     e.Source,
		Verify:     string(e.Verify),
		Verifies:   e.Verifies,
	}
	if e.Amends != 0 {
		a := e.Amends
		j.Amends = &a
	}
	return j
}

func timelineCmd(env *Env, dataDir *string) *cobra.Command {
	var asJSON, toVerify bool
	cmd := &cobra.Command{
		Use:   "timeline [--to-verify]",
		Short: "Print the logbook (--json for every entry as a JSON array)",
		Args:  cobra.NoArgs,
		RunE: withService(env, dataDir, func(cmd *cobra.Command, _ []string, svc *crisis.Service) error {
			out := cmd.OutOrStdout()
			if asJSON {
				return writeTimelineJSON(out, svc)
			}
			checks, err := svc.VerificationOf()
			if err != nil {
				return err
			}
			return svc.EachEntry(func(e crisis.Entry) error {
				if toVerify && checks[e.ID] != crisis.ToVerify {
					return nil
				}
				return writeEntryText(out, env, e, checks[e.ID], svc.Location())
			})
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of all entries")
	cmd.Flags().BoolVar(&toVerify, "to-verify", false, "only the information still to verify")
	return cmd
}

// writeTimelineJSON streams the array entry by entry, so a long crisis is
// never held in memory whole.
func writeTimelineJSON(out io.Writer, svc *crisis.Service) error {
	if _, err := io.WriteString(out, "["); err != nil {
		return err
	}
	first := true
	err := svc.EachEntry(func(e crisis.Entry) error {
		b, err := json.Marshal(toJSON(e))
		if err != nil {
			return err
		}
		sep := ",\n"
		if first {
			sep, first = "\n", false
		}
		_, err = fmt.Fprintf(out, "%s  %s", sep, b)
		return err
	})
	if err != nil {
		return err
	}
	end := "\n]\n"
	if first {
		end = "]\n"
	}
	_, err = io.WriteString(out, end)
	return err
}

// writeEntryText prints one entry for a terminal or a pipe. The text is
// sanitised again here: the output may land on someone's terminal.
func writeEntryText(out io.Writer, env *Env, e crisis.Entry, check crisis.Check, loc *time.Location) error {
	lang := env.lang()
	head := fmt.Sprintf("#%d  %s  %s  %s", e.ID, crisis.FormatDateTime(lang, e.OccurredAt.In(loc)), crisis.SanitizeLine(e.Author), strings.ToUpper(crisis.Term(lang, "kind", string(e.Kind))))
	if e.Backdated() {
		head += env.tr("recorded", crisis.FormatDateTime(lang, e.RecordedAt.In(loc)))
	}
	if e.Amends != 0 {
		head += env.tr("corrects", e.Amends)
	}
	if e.Amended() {
		ids := make([]string, len(e.AmendedBy))
		for i, id := range e.AmendedBy {
			ids[i] = fmt.Sprintf("#%d", id)
		}
		head += env.tr("amended-by", strings.Join(ids, ", "))
	}
	if check != "" {
		head += env.tr("verify", crisis.Term(lang, "verify", string(check)))
	}
	if e.Source != "" {
		head += env.tr("source", crisis.SanitizeLine(e.Source))
	}
	text := strings.ReplaceAll(crisis.Sanitize(e.TextIn(lang)), "\n", "\n    ")
	_, err := fmt.Fprintf(out, "%s\n    %s\n", head, text)
	return err
}
