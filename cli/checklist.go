package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"cellule/crisis"
)

func checklistCmd(env *Env, dataDir *string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "checklist",
		Short: "List checklists and their runs; start, tick and import checklists",
		Long: "Without a subcommand, print the checklist templates and every run with its steps.\n" +
			"Built-in templates: hno (out-of-hours on-call, suspected compromise) and end-of-crisis.\n" +
			"--lang fr shows the built-in texts in French.",
		Example: "  ssh -p 2222 host checklist\n" +
			"  ssh -p 2222 host checklist start hno --label 'night of 12 September'\n" +
			"  ssh -p 2222 host checklist tick 1 4\n" +
			"  ssh -p 2222 host \"checklist tick 1 4 --undo --reason 'wrong server'\"",
		Args: cobra.NoArgs,
		RunE: withService(env, dataDir, func(cmd *cobra.Command, _ []string, svc *crisis.Service) error {
			o, err := svc.Checklists()
			if err != nil {
				return err
			}
			contacts, err := svc.Contacts("")
			if err != nil {
				return err
			}
			if asJSON {
				return writeChecklistsJSON(cmd.OutOrStdout(), o, env.lang())
			}
			return writeChecklistsText(cmd.OutOrStdout(), o, contacts, env.lang(), svc.Location())
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: {templates, runs}")
	cmd.AddCommand(checklistStartCmd(env, dataDir), checklistTickCmd(env, dataDir), checklistImportCmd(env, dataDir))
	return cmd
}

func checklistStartCmd(env *Env, dataDir *string) *cobra.Command {
	var label string
	cmd := &cobra.Command{
		Use:   "start TEMPLATE [--label TEXT]",
		Short: "Start a run of a checklist and print the run's number",
		Args:  cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			r, _, err := svc.StartRun(env.Actor, args[0], label)
			return printID(cmd, r.ID, err)
		}),
	}
	cmd.Flags().StringVar(&label, "label", "", "what tells this run from others (\"night of 12 September\")")
	return cmd
}

func checklistTickCmd(env *Env, dataDir *string) *cobra.Command {
	var at, reason string
	var undo bool
	cmd := &cobra.Command{
		Use:   "tick RUN STEP [--at TIME] | tick RUN STEP --undo --reason TEXT",
		Short: "Tick a step of a run (or un-tick it, with a reason); prints the logbook entry's number",
		Long: "Tick step STEP (its number, 1 for the first) of run RUN: it records who and when, and logs it.\n" +
			"--at says when it was done, if earlier (14:05, 2022-09-12T03:40, -20m; as log --at reads it).\n" +
			"--undo --reason TEXT un-ticks a step ticked by mistake; the reason goes to the logbook.",
		Args: cobra.ExactArgs(2),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			run, err := strconv.ParseUint(strings.TrimPrefix(args[0], "#"), 10, 64)
			if err != nil {
				return fmt.Errorf("RUN is a run's number, e.g. 2 (not %q)", crisis.SanitizeLine(args[0]))
			}
			step, err := strconv.Atoi(args[1])
			if err != nil {
				return fmt.Errorf("STEP is a step's number, e.g. 4 (not %q)", crisis.SanitizeLine(args[1]))
			}
			var e crisis.Entry
			switch {
			case undo && at != "":
				return fmt.Errorf("--at goes with a tick, not with --undo")
			case undo:
				_, e, err = svc.Untick(env.Actor, run, step, reason)
			case reason != "":
				return fmt.Errorf("--reason goes with --undo")
			default:
				_, e, err = svc.Tick(env.Actor, run, step, at)
			}
			return printID(cmd, e.ID, err)
		}),
	}
	cmd.Flags().StringVar(&at, "at", "", "when the step was done, if not now")
	cmd.Flags().BoolVar(&undo, "undo", false, "un-tick the step (needs --reason)")
	cmd.Flags().StringVar(&reason, "reason", "", "why the step is un-ticked")
	return cmd
}

func checklistImportCmd(env *Env, dataDir *string) *cobra.Command {
	var skipBad bool
	cmd := &cobra.Command{
		Use:   "import [FILE] [--skip-bad]",
		Short: "Import checklists from a plain text or YAML file (lead)",
		Long: "Import checklist templates from a file in the plain text format or in YAML (see the README).\n" +
			"On the host: the file's path. Over SSH: the file on standard input.\n" +
			"A template of the same name is replaced; runs already started keep their steps.\n" +
			"A file with any bad line imports nothing, unless --skip-bad imports the good templates.",
		Example: "  cellule checklist import pharmacy.yaml\n" +
			"  ssh -p 2222 host checklist import < pharmacy.txt",
		Args:        cobra.MaximumNArgs(1),
		Annotations: map[string]string{annotFileOnStdin: "yes"},
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			var res crisis.TemplateImport
			err := importFile(env, cmd, args, func(data []byte) (rejected []crisis.LineError, err error) {
				res, err = svc.ImportTemplates(env.Actor, data, skipBad)
				return res.Rejected, err
			})
			if err != nil {
				return err
			}
			for _, n := range res.Added {
				fmt.Fprintf(cmd.OutOrStdout(), "imported %s\n", n)
			}
			for _, n := range res.Replaced {
				fmt.Fprintf(cmd.OutOrStdout(), "replaced %s\n", n)
			}
			return nil
		}),
	}
	cmd.Flags().BoolVar(&skipBad, "skip-bad", false, "import what is good and report the rest")
	return cmd
}

// Public JSON of checklists: titles and texts in the chosen language.
type templateJSON struct {
	Name    string     `json:"name"`
	Title   string     `json:"title"`
	BuiltIn bool       `json:"built_in"`
	Steps   []stepJSON `json:"steps"`
}

type stepJSON struct {
	Number  int     `json:"number"`
	Text    string  `json:"text"`
	Detail  string  `json:"detail,omitempty"`
	Contact string  `json:"contact,omitempty"`
	Done    bool    `json:"done"`
	DoneAt  *string `json:"done_at"`
	DoneBy  string  `json:"done_by,omitempty"`
}

type runJSON struct {
	ID        uint64     `json:"id"`
	Template  string     `json:"template"`
	Title     string     `json:"title"`
	Label     string     `json:"label"`
	StartedAt string     `json:"started_at"`
	StartedBy string     `json:"started_by"`
	Done      int        `json:"done"`
	Total     int        `json:"total"`
	Next      int        `json:"next"`
	Steps     []stepJSON `json:"steps"`
}

func writeChecklistsJSON(out io.Writer, o crisis.ChecklistOverview, lang string) error {
	doc := struct {
		Templates []templateJSON `json:"templates"`
		Runs      []runJSON      `json:"runs"`
	}{Templates: []templateJSON{}, Runs: []runJSON{}}
	for _, t := range o.Templates {
		tj := templateJSON{Name: t.Name, Title: t.Title.In(lang), BuiltIn: t.BuiltIn, Steps: []stepJSON{}}
		for i, s := range t.Steps {
			tj.Steps = append(tj.Steps, stepJSON{Number: i + 1, Text: s.Text.In(lang), Detail: s.Detail.In(lang), Contact: s.Contact})
		}
		doc.Templates = append(doc.Templates, tj)
	}
	for _, r := range o.Runs {
		done, total := r.Progress()
		rj := runJSON{ID: r.ID, Template: r.Template, Title: r.Title.In(lang), Label: r.Label,
			StartedAt: utcTime(r.StartedAt), StartedBy: r.StartedBy,
			Done: done, Total: total, Next: r.Next(), Steps: []stepJSON{}}
		for i, s := range r.Steps {
			sj := stepJSON{Number: i + 1, Text: s.Text.In(lang), Detail: s.Detail.In(lang), Contact: s.Contact, Done: s.Done(), DoneBy: s.DoneBy}
			if s.DoneAt != nil {
				at := utcTime(*s.DoneAt)
				sj.DoneAt = &at
			}
			rj.Steps = append(rj.Steps, sj)
		}
		doc.Runs = append(doc.Runs, rj)
	}
	return writeJSON(out, doc)
}

func writeChecklistsText(out io.Writer, o crisis.ChecklistOverview, contacts []crisis.Contact, lang string, loc *time.Location) error {
	clean := crisis.SanitizeLine
	fmt.Fprintln(out, "Checklists (checklist start NAME):")
	for _, t := range o.Templates {
		kind := "imported"
		if t.BuiltIn {
			kind = "built-in"
		}
		steps := fmt.Sprintf("%d steps", len(t.Steps))
		if len(t.Steps) == 1 {
			steps = "1 step"
		}
		fmt.Fprintf(out, "  %-16s %s — %s, %s\n", clean(t.Name), clean(t.Title.In(lang)), steps, kind)
	}
	if len(o.Runs) == 0 {
		fmt.Fprintln(out, "\nNo run yet.")
		return nil
	}
	for _, r := range o.Runs {
		done, total := r.Progress()
		state := "complete"
		if n := r.Next(); n != 0 {
			state = fmt.Sprintf("next: step %d", n)
		}
		fmt.Fprintf(out, "\nRun #%d  %s  %d/%d done, %s  (started %s by %s)\n", r.ID, clean(r.Name(lang)), done, total, state,
			r.StartedAt.In(loc).Format(textTime), clean(r.StartedBy))
		for i, s := range r.Steps {
			box := "[ ]"
			if s.Done() {
				box = "[x]"
			}
			line := fmt.Sprintf("  %s %2d. %s", box, i+1, clean(s.Text.In(lang)))
			if s.Done() {
				line += fmt.Sprintf("  — %s %s", clean(s.DoneBy), s.DoneAt.In(loc).Format("01-02 15:04"))
			}
			fmt.Fprintln(out, line)
			if s.Contact != "" && !s.Done() {
				fmt.Fprintf(out, "          call: %s\n", contactLine(s.Contact, contacts))
			}
		}
	}
	return nil
}

// contactLine is a step's contact with the numbers to call, when the
// directory knows them.
func contactLine(ref string, contacts []crisis.Contact) string {
	c, ok := crisis.ContactFor(ref, contacts)
	if !ok {
		return crisis.SanitizeLine(ref) + " (not in the directory)"
	}
	s := fmt.Sprintf("%s (%s) %s", c.Name, ref, c.Phone)
	if c.BackupPhone != "" {
		s += ", backup " + c.BackupPhone
	}
	return crisis.SanitizeLine(s)
}
