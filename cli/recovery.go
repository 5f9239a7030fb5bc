package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"cellule/crisis"
)

// recoveryJSON is the public JSON form of the plan: times in RFC 3339 UTC,
// null for what is not there (a phase not validated, a single item's count).
type recoveryJSON struct {
	Phases []phaseJSON `json:"phases"`
}

type phaseJSON struct {
	Number      int        `json:"number"`
	Name        string     `json:"name"`
	State       string     `json:"state"`
	ValidatedBy *string    `json:"validated_by"`
	ValidatedAt *string    `json:"validated_at"`
	Progress    int        `json:"progress"`
	Items       []itemJSON `json:"items"`
}

type itemJSON struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	State    string        `json:"state"`
	Owner    string        `json:"owner"`
	Count    *int          `json:"count"`
	Total    *int          `json:"total"`
	Note     string        `json:"note"`
	Override *overrideJSON `json:"override"`
}

type overrideJSON struct {
	By     string `json:"by"`
	At     string `json:"at"`
	Reason string `json:"reason"`
	Entry  uint64 `json:"entry"`
}

func planJSON(p crisis.RecoveryPlan) recoveryJSON {
	out := recoveryJSON{Phases: []phaseJSON{}}
	for _, ph := range p.Phases {
		j := phaseJSON{Number: ph.Number, Name: ph.Name, State: string(ph.State), Progress: ph.Progress, Items: []itemJSON{}}
		if ph.Validated() {
			by, at := ph.ValidatedBy, utcTime(*ph.ValidatedAt)
			j.ValidatedBy, j.ValidatedAt = &by, &at
		}
		for _, it := range ph.Items {
			ij := itemJSON{ID: it.ID, Name: it.Name, State: string(it.State), Owner: it.Owner, Note: it.Note}
			if it.IsGroup() {
				count, total := it.Count, it.Total
				ij.Count, ij.Total = &count, &total
			}
			if o := it.Override; o != nil {
				ij.Override = &overrideJSON{By: o.By, At: utcTime(o.At), Reason: o.Reason, Entry: o.Entry}
			}
			j.Items = append(j.Items, ij)
		}
		out.Phases = append(out.Phases, j)
	}
	return out
}

func recoveryCmd(env *Env, dataDir *string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "recovery",
		Short: "Print the recovery plan: the four phases and their items (--json for scripts)",
		Long: "Without a subcommand, print the four recovery phases, their state and progress, and their items.\n" +
			"Item states: isolated, investigating, cleaned, rebuilt, verified, in-service, compromised.\n" +
			"ITEM is an item's id (first column) or its name, or a part of it that only one item has.",
		Args: cobra.NoArgs,
		RunE: withService(env, dataDir, func(cmd *cobra.Command, _ []string, svc *crisis.Service) error {
			p, err := svc.Recovery()
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), planJSON(p))
			}
			return writePlanText(cmd.OutOrStdout(), env, p, svc.Location())
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the plan as JSON")
	cmd.AddCommand(
		recoverySetCmd(env, dataDir),
		recoveryValidateCmd(env, dataDir),
		recoveryOverrideCmd(env, dataDir), recoveryLiftRegisterCmd(env, dataDir),
		recoveryAddCmd(env, dataDir),
		recoveryRenameCmd(env, dataDir),
		recoveryMoveCmd(env, dataDir),
		recoveryRemoveCmd(env, dataDir),
	)
	return cmd
}

// writePlanText prints the plan for a terminal or a pipe; user text is
// sanitised again, as it may land on someone's terminal.
func writePlanText(out io.Writer, env *Env, p crisis.RecoveryPlan, loc *time.Location) error {
	lang := env.lang()
	var b strings.Builder
	for i, ph := range p.Phases {
		if i > 0 {
			b.WriteString("\n")
		}
		state := crisis.Term(lang, "phasestate", string(ph.State))
		if ph.Validated() {
			state += env.tr("validated-by", crisis.SanitizeLine(ph.ValidatedBy), crisis.FormatDateTime(lang, ph.ValidatedAt.In(loc)))
		}
		name := crisis.SanitizeLine(ph.Name)
		if lang != crisis.LangEnglish && ph.Name == crisis.PhaseName(crisis.LangEnglish, ph.Number) {
			name = crisis.PhaseName(lang, ph.Number)
		}
		fmt.Fprintf(&b, "Phase %d  %s  %d%%  %s\n", ph.Number, name, ph.Progress, state)
		for _, it := range ph.Items {
			line := fmt.Sprintf("  %-16s %-26s %-13s", it.ID, crisis.SanitizeLine(it.Name), crisis.Term(lang, "state", string(it.State)))
			if it.IsGroup() {
				line += fmt.Sprintf(" %d/%d", it.Count, it.Total)
			}
			if it.Owner != "" {
				line += env.tr("item-owner", crisis.SanitizeLine(it.Owner))
			}
			if it.Override != nil {
				line += env.tr("item-override", crisis.SanitizeLine(it.Override.By))
			}
			if it.Note != "" {
				line += "  - " + crisis.SanitizeLine(it.Note)
			}
			b.WriteString(strings.TrimRight(line, " ") + "\n")
		}
	}
	_, err := io.WriteString(out, b.String())
	return err
}

func recoverySetCmd(env *Env, dataDir *string) *cobra.Command {
	var state, note, owner string
	var count int
	cmd := &cobra.Command{
		Use:   "set ITEM [--state S] [--count N] [--note TEXT] [--owner NAME]",
		Short: "Change an item's state, count, note or owner (lead, responder); prints the logbook entry's number",
		Long: "Change an item; the change is logged.\n" +
			"States: isolated, investigating, cleaned, rebuilt, verified, in-service, compromised.\n" +
			"--count N: for a group (workstations, servers), how many of its total are at the state;\n" +
			"with --state and no --count, the whole group.\n" +
			"An item goes back in service only once the phases before it are validated, or a lead overrides.",
		Args: cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			ch := crisis.ItemChange{State: crisis.ItemState(state)}
			f := cmd.Flags()
			if f.Changed("count") {
				ch.Count = &count
			}
			if f.Changed("note") {
				ch.Note = &note
			}
			if f.Changed("owner") {
				ch.Owner = &owner
			}
			_, e, err := svc.SetRecoveryItem(env.Actor, args[0], ch)
			return printID(cmd, e.ID, err)
		}),
	}
	cmd.Flags().StringVar(&state, "state", "", "the new state")
	cmd.Flags().IntVar(&count, "count", 0, "for a group: how many are at the state")
	cmd.Flags().StringVar(&note, "note", "", "a note shown with the item (empty clears it)")
	cmd.Flags().StringVar(&owner, "owner", "", "who is in charge of it (empty clears it)")
	// A usage error (exit 2) rather than a refusal: the line says nothing.
	cmd.PreRunE = func(cmd *cobra.Command, _ []string) error {
		for _, name := range []string{"state", "count", "note", "owner"} {
			if cmd.Flags().Changed(name) {
				return nil
			}
		}
		return errors.New("say what changes: --state, --count, --note or --owner")
	}
	return cmd
}

func recoveryValidateCmd(env *Env, dataDir *string) *cobra.Command {
	return &cobra.Command{
		Use:   "validate PHASE",
		Short: "Validate a phase (lead): every item verified or in service; prints the logbook entry's number",
		Args:  cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			n, err := crisis.ParsePhase(args[0])
			if err != nil {
				return err
			}
			e, err := svc.ValidatePhase(env.Actor, n)
			return printID(cmd, e.ID, err)
		}),
	}
}

func recoveryOverrideCmd(env *Env, dataDir *string) *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "override ITEM --reason TEXT",
		Short: "Let one item go back in service before the phases before it are validated (lead); logged as a decision",
		Args:  cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			e, err := svc.OverrideGate(env.Actor, args[0], reason)
			return printID(cmd, e.ID, err)
		}),
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why (required), written in the logbook")
	_ = cmd.MarkFlagRequired("reason")
	return cmd
}

func recoveryAddCmd(env *Env, dataDir *string) *cobra.Command {
	var phase, total int
	var owner string
	cmd := &cobra.Command{
		Use:   "add NAME --phase N [--total N] [--owner NAME]",
		Short: "Add an item to the plan (lead); --total makes it a group of that many machines; prints its id",
		Args:  cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			it, err := svc.AddRecoveryItem(env.Actor, phase, args[0], total, owner)
			return printID(cmd, it.ID, err)
		}),
	}
	cmd.Flags().IntVar(&phase, "phase", 0, "the phase, 1 to 4 (required)")
	cmd.Flags().IntVar(&total, "total", 0, "for a group: how many machines")
	cmd.Flags().StringVar(&owner, "owner", "", "who is in charge of it")
	_ = cmd.MarkFlagRequired("phase")
	return cmd
}

func recoveryRenameCmd(env *Env, dataDir *string) *cobra.Command {
	return &cobra.Command{
		Use:   "rename ITEM NAME",
		Short: "Rename an item (lead); its id stays",
		Args:  cobra.ExactArgs(2),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			it, err := svc.RenameRecoveryItem(env.Actor, args[0], args[1])
			return printID(cmd, it.ID, err)
		}),
	}
}

func recoveryMoveCmd(env *Env, dataDir *string) *cobra.Command {
	return &cobra.Command{
		Use:   "move ITEM PHASE",
		Short: "Move an item with no history yet to another phase (lead)",
		Args:  cobra.ExactArgs(2),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			n, err := crisis.ParsePhase(args[1])
			if err != nil {
				return err
			}
			it, err := svc.MoveRecoveryItem(env.Actor, args[0], n)
			return printID(cmd, it.ID, err)
		}),
	}
}

func recoveryRemoveCmd(env *Env, dataDir *string) *cobra.Command {
	return &cobra.Command{
		Use:   "remove ITEM",
		Short: "Remove an item with no history yet (lead)",
		Args:  cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			it, err := svc.RemoveRecoveryItem(env.Actor, args[0])
			return printID(cmd, it.ID, err)
		}),
	}
}
