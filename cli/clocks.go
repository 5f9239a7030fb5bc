package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"cellule/crisis"
)

func clocksCmd(env *Env, dataDir *string) *cobra.Command {
	var asJSON, defs bool
	cmd := &cobra.Command{
		Use:   "clocks [--json] [--definitions]",
		Short: "List the declarations (ARS, CNIL, police complaint, NIS2) and their clocks",
		Long: "Print each declaration with its state, the moment of awareness that started its clock, its deadline\n" +
			"and the time left (or how late), and, once sent, when, by whom, to whom and its reference.\n" +
			"Deadlines in hours are absolute time (72 h stay 72 h across a change of clocks); \"1 month\" is a\n" +
			"calendar month in the crisis's time zone.\n" +
			"--definitions prints the definitions in force in the YAML that clock import reads: edit, then import.",
		Args: cobra.NoArgs,
		RunE: withService(env, dataDir, func(cmd *cobra.Command, _ []string, svc *crisis.Service) error {
			cs, err := svc.Clocks()
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			switch {
			case defs:
				return writeDeclarationsYAML(out, cs)
			case asJSON:
				return writeJSON(out, clocksJSON(cs, svc.Now()))
			}
			writeClocksText(out, env, cs, svc.Now(), svc.Location())
			return nil
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: a list of declarations with their clocks")
	cmd.Flags().BoolVar(&defs, "definitions", false, "print the definitions as YAML, to edit and import")
	return cmd
}

func clockCmd(env *Env, dataDir *string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "clock",
		Short: "Start a declaration's clock, record it sent or not applying; turn declarations on or off, import them",
		Example: "  ssh -p 2222 host clock start cnil --at '2022-09-12 03:40'\n" +
			"  ssh -p 2222 host \"clock done cnil --ref 'CNIL-2022-0042' --to 'CNIL (téléservice)'\"\n" +
			"  ssh -p 2222 host \"clock skip complaint --reason 'filed by the GHT for every site'\"\n" +
			"  ssh -p 2222 host clock enable nis2\n" +
			"  ssh -p 2222 host clock import < declarations.yaml",
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(clockStartCmd(env, dataDir), clockDoneCmd(env, dataDir), clockSkipCmd(env, dataDir),
		clockEnableCmd(env, dataDir, true), clockEnableCmd(env, dataDir, false), clockImportCmd(env, dataDir))
	return cmd
}

func clockStartCmd(env *Env, dataDir *string) *cobra.Command {
	var at string
	cmd := &cobra.Command{
		Use:   "start NAME [--at TIME]",
		Short: "Record the moment of awareness that starts a declaration's clock; prints the logbook entry's number",
		Long: "--at gives the moment of awareness when it was earlier (14:05, 2022-09-12 03:40, -2h; as log --at reads it):\n" +
			"the deadline runs from it, and may be past already.",
		Args: cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			_, e, err := svc.StartClock(env.Actor, args[0], at)
			return printID(cmd, e.ID, err)
		}),
	}
	cmd.Flags().StringVar(&at, "at", "", "the moment of awareness, if not now")
	return cmd
}

func clockDoneCmd(env *Env, dataDir *string) *cobra.Command {
	var in crisis.ClockDone
	cmd := &cobra.Command{
		Use:   "done NAME --ref REF [--to WHOM] [--at TIME] [--reason TEXT]",
		Short: "Record that a declaration was sent; prints the logbook entry's number",
		Long: "--ref is the declaration's reference (the portal's number, the complaint's record number).\n" +
			"--to is whom it went to (default: the declaration's recipient); --at when, if not now.\n" +
			"--reason gives the reasons for the delay: required for the CNIL once past its deadline.",
		Args: cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			_, e, err := svc.DoneClock(env.Actor, args[0], in)
			return printID(cmd, e.ID, err)
		}),
	}
	cmd.Flags().StringVar(&in.Ref, "ref", "", "the declaration's reference (required)")
	cmd.Flags().StringVar(&in.To, "to", "", "whom it was sent to")
	cmd.Flags().StringVar(&in.At, "at", "", "when it was sent, if not now")
	cmd.Flags().StringVar(&in.Reason, "reason", "", "the reasons for the delay, when late")
	return cmd
}

func clockSkipCmd(env *Env, dataDir *string) *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "skip NAME --reason TEXT",
		Short: "Record that a declaration does not apply, and why (lead); prints the logbook entry's number",
		Args:  cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			_, e, err := svc.SkipClock(env.Actor, args[0], reason)
			return printID(cmd, e.ID, err)
		}),
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why it does not apply (required)")
	return cmd
}

func clockEnableCmd(env *Env, dataDir *string, on bool) *cobra.Command {
	use, short := "enable NAME|GROUP", "Turn a declaration, or a group of them (nis2), on (lead)"
	if !on {
		use, short = "disable NAME|GROUP", "Turn a declaration, or a group of them, off before its clock starts (lead)"
	}
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			changed, e, err := svc.EnableClocks(env.Actor, args[0], on)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.ErrOrStderr(), env.tr("clock-turned", env.tr(onOffWord(on)), strings.Join(changed, ", ")))
			return printID(cmd, e.ID, nil)
		}),
	}
}

func onOffWord(on bool) string {
	if on {
		return "clock-on"
	}
	return "clock-off"
}

func clockImportCmd(env *Env, dataDir *string) *cobra.Command {
	return &cobra.Command{
		Use:   "import [FILE]",
		Short: "Import declarations' definitions from YAML (lead): new ones, or replacing those of the same name",
		Long: "Start from clocks --definitions. A definition replaces the one of the same name, built-in included;\n" +
			"clocks already running keep the deadline they started with. A file with any bad line imports nothing.\n" +
			"On the host: the file's path. Over SSH: the file on standard input.",
		Args:        cobra.MaximumNArgs(1),
		Annotations: map[string]string{annotFileOnStdin: "yes"},
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			var res crisis.DeclarationImport
			err := importFile(env, cmd, args, func(data []byte) ([]crisis.LineError, error) {
				var err error
				res, err = svc.ImportDeclarations(env.Actor, data)
				return res.Rejected, err
			})
			if err != nil {
				return err
			}
			for _, n := range res.Added {
				fmt.Fprintln(cmd.OutOrStdout(), env.tr("clock-imported", n))
			}
			for _, n := range res.Replaced {
				fmt.Fprintln(cmd.OutOrStdout(), env.tr("clock-replaced", n))
			}
			return nil
		}),
	}
}

// clockJSON is the public JSON of a declaration and its clock.
type clockJSON struct {
	Name       string  `json:"name"`
	Title      string  `json:"title"`
	To         string  `json:"to"`
	Deadline   string  `json:"deadline"`
	State      string  `json:"state"`
	StartedAt  *string `json:"started_at"`
	StartedBy  string  `json:"started_by,omitempty"`
	Due        *string `json:"due"`
	Late       bool    `json:"late"`
	SentAt     *string `json:"sent_at"`
	SentBy     string  `json:"sent_by,omitempty"`
	SentTo     string  `json:"sent_to,omitempty"`
	Ref        string  `json:"ref,omitempty"`
	LateReason string  `json:"late_reason,omitempty"`
	Skipped    *string `json:"skipped_at"`
	SkipReason string  `json:"skip_reason,omitempty"`
	// MarginSeconds is how long before the deadline it was sent
	// (negative: after); absent until sent against a deadline.
	MarginSeconds *int64 `json:"margin_seconds,omitempty"`
	// RunningSeconds (since awareness) and LeftSeconds (until the
	// deadline, negative once past) are there while the clock runs.
	RunningSeconds *int64 `json:"running_seconds,omitempty"`
	LeftSeconds    *int64 `json:"left_seconds,omitempty"`
}

func optTime(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := utcTime(*t)
	return &s
}

func seconds(d time.Duration) *int64 {
	s := int64(d / time.Second)
	return &s
}

func clocksJSON(cs []crisis.DeclarationClock, now time.Time) []clockJSON {
	out := make([]clockJSON, 0, len(cs))
	for _, c := range cs {
		d, k := c.Declaration, c.Clock
		j := clockJSON{Name: d.Name, Title: d.Title.In(crisis.LangEnglish), To: d.To, Deadline: d.Deadline,
			State: string(c.State()), StartedAt: optTime(k.StartedAt), StartedBy: k.StartedBy, Due: optTime(k.Due),
			Late: c.Late(now), SentAt: optTime(k.SentAt), SentBy: k.SentBy, SentTo: k.To, Ref: k.Ref,
			LateReason: k.LateReason, Skipped: optTime(k.SkippedAt), SkipReason: k.SkipReason}
		if m, ok := c.Margin(); ok {
			j.MarginSeconds = seconds(m)
		}
		if c.State() == crisis.ClockRunning {
			j.RunningSeconds = seconds(now.Sub(*k.StartedAt))
			if k.Due != nil {
				j.LeftSeconds = seconds(k.Due.Sub(now))
			}
		}
		out = append(out, j)
	}
	return out
}

// writeClocksText prints the clocks in the caller's language (--lang, as
// every command takes it), the built-in titles included.
func writeClocksText(out io.Writer, env *Env, cs []crisis.DeclarationClock, now time.Time, loc *time.Location) {
	lang, tr := env.lang(), env.tr
	for _, c := range cs {
		d, k := c.Declaration, c.Clock
		deadline := crisis.SanitizeLine(d.Deadline)
		if deadline == "" {
			deadline = tr("clock-no-delay")
		}
		fmt.Fprintln(out, tr("clock-line", d.Name, tr("clock-state."+string(c.State())), crisis.SanitizeLine(d.Title.In(lang)), crisis.SanitizeLine(d.To), deadline))
		if k.StartedAt != nil {
			line := tr("clock-aware", k.StartedAt.In(loc).Format(textTime), crisis.SanitizeLine(k.StartedBy))
			switch {
			case k.Due != nil && c.State() == crisis.ClockRunning && c.Late(now):
				line += tr("clock-due-late", k.Due.In(loc).Format(textTime), crisis.DurationText(now.Sub(*k.Due)))
			case k.Due != nil && c.State() == crisis.ClockRunning:
				line += tr("clock-due-left", k.Due.In(loc).Format(textTime), crisis.DurationText(k.Due.Sub(now)))
			case k.Due != nil:
				line += tr("clock-due", k.Due.In(loc).Format(textTime))
			case c.State() == crisis.ClockRunning:
				line += tr("clock-running", crisis.DurationText(now.Sub(*k.StartedAt)))
			}
			fmt.Fprintln(out, line)
		}
		if k.SentAt != nil {
			line := tr("clock-sent", k.SentAt.In(loc).Format(textTime),
				crisis.SanitizeLine(k.SentBy), crisis.SanitizeLine(k.To), crisis.SanitizeLine(k.Ref))
			if m, ok := c.Margin(); ok && m < 0 {
				line += tr("clock-sent-late", crisis.DurationText(m), crisis.SanitizeLine(k.LateReason))
			} else if ok {
				line += tr("clock-sent-early", crisis.DurationText(m))
			}
			fmt.Fprintln(out, line)
		}
		if k.SkippedAt != nil {
			fmt.Fprintln(out, tr("clock-skipped", k.SkippedAt.In(loc).Format(textTime), crisis.SanitizeLine(k.SkippedBy), crisis.SanitizeLine(k.SkipReason)))
		}
	}
}

// writeDeclarationsYAML prints the definitions in force as clock import
// reads them.
func writeDeclarationsYAML(out io.Writer, cs []crisis.DeclarationClock) error {
	doc := struct {
		Declarations []crisis.Declaration `yaml:"declarations"`
	}{}
	for _, c := range cs {
		doc.Declarations = append(doc.Declarations, c.Declaration)
	}
	enc := yaml.NewEncoder(out)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return enc.Close()
}
