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

func taskCmd(env *Env, dataDir *string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "task",
		Short: "The task board: add, list, set and assign tasks",
		Long: "The task board: who does what, by when. Every change is logged in the timeline.\n" +
			"Statuses: todo, in-progress, blocked (with --reason), done, cancelled. Priorities: 1 (P1, most urgent) to 3.\n" +
			"Due times: 17:00 (the next one), +2h, +1d, 2022-09-13T08:00 (or \"2022-09-13 08:00\", quoted), 2022-09-13 (end of day),\n" +
			"in the server's time zone (or with a zone or offset: \"08:00 CET\", 08:00+01:00); at most a year ahead.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(taskAddCmd(env, dataDir), taskListCmd(env, dataDir), taskSetCmd(env, dataDir), taskAssignCmd(env, dataDir))
	return cmd
}

func taskAddCmd(env *Env, dataDir *string) *cobra.Command {
	var d crisis.TaskDraft
	var prio string
	cmd := &cobra.Command{
		Use:     "add TITLE... [--assignee NAME] [--priority 1-3] [--phase 1-4] [--due TIME] [--details TEXT]",
		Short:   "Add a task and print its number",
		Example: `  ssh -p 2222 host task add "Disconnect the backup server" --assignee alice --priority 1 --phase 1 --due +2h`,
		Args:    cobra.MinimumNArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			d.Title = strings.Join(args, " ")
			if prio != "" {
				var err error
				if d.Priority, err = crisis.ParseTaskPriority(prio); err != nil {
					return err
				}
			}
			t, err := svc.AddTask(env.Actor, d)
			return printID(cmd, t.ID, err)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&d.Assignee, "assignee", "", "who does it (a registered user; a responder may name only themselves)")
	f.StringVar(&prio, "priority", "", "1, 2 or 3 (P1 most urgent; default 2)")
	f.IntVar(&d.Phase, "phase", 0, "recovery phase 1-4 it belongs to")
	f.StringVar(&d.Due, "due", "", "when it is due: 17:00, +2h, 2022-09-13T08:00, 2022-09-13")
	f.StringVar(&d.Details, "details", "", "more about it")
	return cmd
}

// taskJSON is the public JSON form of a task: times in RFC 3339 UTC; due,
// assignee and phase null when there is none.
type taskJSON struct {
	ID        uint64  `json:"id"`
	Title     string  `json:"title"`
	Details   string  `json:"details"`
	Assignee  *string `json:"assignee"`
	Status    string  `json:"status"`
	Priority  int     `json:"priority"`
	Phase     *int    `json:"phase"`
	Due       *string `json:"due"`
	CreatedBy string  `json:"created_by"`
	CreatedAt string  `json:"created_at"`
	UpdatedAt string  `json:"updated_at"`
}

func toTaskJSON(t crisis.Task) taskJSON {
	j := taskJSON{
		ID: t.ID, Title: t.Title, Details: t.Details, Status: string(t.Status), Priority: t.Priority,
		CreatedBy: t.CreatedBy,
		CreatedAt: utcTime(t.CreatedAt),
		UpdatedAt: utcTime(t.UpdatedAt),
	}
	if t.Assignee != "" {
		a := t.Assignee
		j.Assignee = &a
	}
	if t.Phase != 0 {
		p := t.Phase
		j.Phase = &p
	}
	if t.Due != nil {
		d := utcTime(*t.Due)
		j.Due = &d
	}
	return j
}

func taskListCmd(env *Env, dataDir *string) *cobra.Command {
	var asJSON, mine bool
	cmd := &cobra.Command{
		Use:   "list [--json] [--mine]",
		Short: "List the tasks, open ones first, by priority then due time",
		Args:  cobra.NoArgs,
		RunE: withService(env, dataDir, func(cmd *cobra.Command, _ []string, svc *crisis.Service) error {
			ts, err := svc.Tasks()
			if err != nil {
				return err
			}
			if mine {
				kept := ts[:0]
				for _, t := range ts {
					if t.Assignee == env.Actor.Name {
						kept = append(kept, t)
					}
				}
				ts = kept
			}
			out := cmd.OutOrStdout()
			if asJSON {
				list := make([]taskJSON, len(ts))
				for i, t := range ts {
					list[i] = toTaskJSON(t)
				}
				return writeJSON(out, list)
			}
			now := svc.Now()
			for _, t := range ts {
				if err := writeTaskText(out, env, t, now, svc.Location()); err != nil {
					return err
				}
			}
			return nil
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of the tasks")
	cmd.Flags().BoolVar(&mine, "mine", false, "only the tasks assigned to me")
	return cmd
}

// writeTaskText prints one task on a line (and its blocking reason on the
// next). Text is sanitised again: it may land on someone's terminal.
func writeTaskText(out io.Writer, env *Env, t crisis.Task, now time.Time, loc *time.Location) error {
	lang := env.lang()
	who := crisis.SanitizeLine(t.Assignee)
	if who == "" {
		who = "-"
	}
	due := "-"
	if t.Due != nil {
		due = env.tr("task-due", crisis.FormatDateTime(lang, t.Due.In(loc)))
		if late := t.LateBy(now); late != "" {
			due += env.tr("task-late", late)
		}
	}
	phase := ""
	if t.Phase != 0 {
		phase = env.tr("task-phase", t.Phase)
	}
	_, err := fmt.Fprintf(out, "#%-3d P%d  %-11s  %-12s  %s  %s%s\n", t.ID, t.Priority, crisis.Term(lang, "status", string(t.Status)), who, due, crisis.SanitizeLine(t.Title), phase)
	if err == nil && t.Status == crisis.TaskBlocked {
		_, err = fmt.Fprintln(out, env.tr("task-blocked", crisis.SanitizeLine(t.Reason)))
	}
	return err
}

// taskID reads the task number argument; a word that is not one is a
// usage error.
func taskID(s string) (uint64, error) {
	id, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || id == 0 {
		return 0, fmt.Errorf("%q is not a task number", s)
	}
	return id, nil
}

func taskIDArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(cmd, args); err != nil {
			return err
		}
		_, err := taskID(args[0])
		return err
	}
}

func taskSetCmd(env *Env, dataDir *string) *cobra.Command {
	var status, reason, title, details, prio, due string
	var phase int
	cmd := &cobra.Command{
		Use:   "set ID [--status S [--reason TEXT]] [--title T] [--details T] [--priority P] [--phase N] [--due TIME]",
		Short: "Change a task's status (blocked needs --reason), or edit it",
		Long: "Change a task's status or edit it; the change is logged.\n" +
			"Statuses: todo, in-progress, blocked (needs --reason), done, cancelled.\n" +
			"--due \"\" removes the due time; --phase 0 the phase.",
		Example: "  ssh -p 2222 host task set 12 --status done\n" +
			`  ssh -p 2222 host "task set 12 --status blocked --reason 'waiting for the provider'"`,
		Args: taskIDArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			id, _ := taskID(args[0])
			f := cmd.Flags()
			c := crisis.TaskChange{Reason: reason}
			if f.Changed("status") {
				st := crisis.TaskStatus(status)
				c.Status = &st
			}
			if f.Changed("title") {
				c.Title = &title
			}
			if f.Changed("details") {
				c.Details = &details
			}
			if f.Changed("priority") {
				p, err := crisis.ParseTaskPriority(prio)
				if err != nil {
					return err
				}
				c.Priority = &p
			}
			if f.Changed("phase") {
				c.Phase = &phase
			}
			if f.Changed("due") {
				c.Due = &due
			}
			t, err := svc.UpdateTask(env.Actor, id, c)
			return printID(cmd, t.ID, err)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&status, "status", "", "todo, in-progress, blocked, done or cancelled")
	f.StringVar(&reason, "reason", "", "why it is blocked (a note with other statuses)")
	f.StringVar(&title, "title", "", "new title")
	f.StringVar(&details, "details", "", "new details")
	f.StringVar(&prio, "priority", "", "1, 2 or 3")
	f.IntVar(&phase, "phase", 0, "recovery phase 1-4, 0 for none")
	f.StringVar(&due, "due", "", "17:00, +2h, 2022-09-13T08:00, 2022-09-13; \"\" for none")
	return cmd
}

func taskAssignCmd(env *Env, dataDir *string) *cobra.Command {
	return &cobra.Command{
		Use:   "assign ID NAME",
		Short: "Give a task to a user (- for nobody); a responder may only take one",
		Example: "  ssh -p 2222 host task assign 12 alice\n" +
			"  ssh -p 2222 host task assign 12 -",
		Args: taskIDArgs(2),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			id, _ := taskID(args[0])
			name := args[1]
			if name == "-" {
				name = ""
			}
			t, err := svc.AssignTask(env.Actor, id, name)
			return printID(cmd, t.ID, err)
		}),
	}
}
