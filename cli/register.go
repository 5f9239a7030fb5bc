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

func registerCmd(env *Env, dataDir *string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "register",
		Short: "The register of compromised accounts, machines and indicators",
		Long: "The register: every account, machine and indicator the attacker had, may have had, or used,\n" +
			"with its state and history. Every change is logged in the timeline.\n" +
			"Kinds: accounts domain-admin, user, service, application, external-access;\n" +
			"machines server, workstation, network, security, medical; indicators ip, domain, hash, cve.\n" +
			"Account and machine states: suspected -> compromised -> contained -> remediated -> cleared\n" +
			"(a suspicion may be cleared directly, with its reason; new evidence takes it back to compromised).\n" +
			"Indicator states: suspected -> confirmed -> blocked -> cleared.\n" +
			"ID is an asset's number (first column of the list) or its identifier.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(registerAddCmd(env, dataDir), registerSetCmd(env, dataDir), registerListCmd(env, dataDir), registerImportCmd(env, dataDir))
	return cmd
}

func registerAddCmd(env *Env, dataDir *string) *cobra.Command {
	var d crisis.AssetDraft
	var tasks []uint
	cmd := &cobra.Command{
		Use:     "add KIND ID [--state S] [--note T] [--evidence T] [--item ITEM] [--owner NAME] [--task N]",
		Short:   "Register an asset and print its number",
		Example: `  ssh -p 2222 host register add domain-admin adm-jdupont --state compromised --evidence "4624 logons from 10.2.3.4" --item dc`,
		Args:    cobra.ExactArgs(2),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			d.Kind, d.Identifier = args[0], args[1]
			for _, t := range tasks {
				d.Tasks = append(d.Tasks, uint64(t))
			}
			as, err := svc.AddAsset(env.Actor, d)
			return printID(cmd, as.ID, err)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&d.State, "state", "", "its state (default suspected)")
	f.StringVar(&d.Note, "note", "", "what is known or was done")
	f.StringVar(&d.Evidence, "evidence", "", "the evidence (log lines, an EDR alert, where it is kept)")
	f.StringVar(&d.Item, "item", "", "the recovery item it belongs to (its id or name)")
	f.StringVar(&d.Owner, "owner", "", "who owns it (a person, a team, a provider)")
	f.UintSliceVar(&tasks, "task", nil, "a task about it (repeat for several)")
	return cmd
}

func registerSetCmd(env *Env, dataDir *string) *cobra.Command {
	var step crisis.AssetStep
	cmd := &cobra.Command{
		Use:     "set ID --state S [--note T] [--evidence T]",
		Short:   "Change an asset's state and print the logbook entry's number",
		Example: `  ssh -p 2222 host register set adm-jdupont --state contained --note "account disabled in AD"`,
		Args:    cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			as, err := svc.SetAssetState(env.Actor, args[0], step)
			if err != nil {
				return err
			}
			return printID(cmd, as.History[len(as.History)-1].Entry, nil)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&step.State, "state", "", "the new state")
	f.StringVar(&step.Note, "note", "", "what was done (disabled, isolated, password changed, rebuilt...)")
	f.StringVar(&step.Evidence, "evidence", "", "the evidence")
	return cmd
}

// assetJSON is the public JSON form of an asset: times in RFC 3339 UTC;
// item, owner and found_at null when there is none.
type assetJSON struct {
	ID         uint64            `json:"id"`
	Kind       string            `json:"kind"`
	Class      string            `json:"class"`
	Identifier string            `json:"identifier"`
	State      string            `json:"state"`
	Owner      *string           `json:"owner"`
	Notes      string            `json:"notes"`
	Item       *string           `json:"item"`
	Tasks      []uint64          `json:"tasks"`
	FoundAt    *string           `json:"found_at"`
	History    []assetChangeJSON `json:"history"`
	CreatedBy  string            `json:"created_by"`
	CreatedAt  string            `json:"created_at"`
	UpdatedAt  string            `json:"updated_at"`
}

type assetChangeJSON struct {
	At       string  `json:"at"`
	By       string  `json:"by"`
	From     *string `json:"from"`
	To       string  `json:"to"`
	Note     string  `json:"note"`
	Evidence string  `json:"evidence"`
	Entry    uint64  `json:"entry"`
}

func toAssetJSON(a crisis.Asset) assetJSON {
	j := assetJSON{ID: a.ID, Kind: string(a.Kind), Class: string(a.Class()), Identifier: a.Identifier, State: string(a.State),
		Notes: a.Notes, Tasks: append([]uint64{}, a.Tasks...), History: []assetChangeJSON{},
		CreatedBy: a.CreatedBy, CreatedAt: utcTime(a.CreatedAt), UpdatedAt: utcTime(a.UpdatedAt)}
	if a.Owner != "" {
		o := a.Owner
		j.Owner = &o
	}
	if a.Item != "" {
		it := a.Item
		j.Item = &it
	}
	if a.FoundAt != nil {
		f := utcTime(*a.FoundAt)
		j.FoundAt = &f
	}
	for _, h := range a.History {
		c := assetChangeJSON{At: utcTime(h.At), By: h.By, To: string(h.To), Note: h.Note, Evidence: h.Evidence, Entry: h.Entry}
		if h.From != "" {
			from := string(h.From)
			c.From = &from
		}
		j.History = append(j.History, c)
	}
	return j
}

func registerListCmd(env *Env, dataDir *string) *cobra.Command {
	var asJSON bool
	var state, kind string
	cmd := &cobra.Command{
		Use:   "list [--json] [--state S] [--kind K]",
		Short: "List the register, grouped by state",
		Args:  cobra.NoArgs,
		RunE: withService(env, dataDir, func(cmd *cobra.Command, _ []string, svc *crisis.Service) error {
			var k crisis.AssetKind
			if kind != "" {
				var err error
				if k, err = crisis.ParseAssetKind(kind); err != nil {
					return err
				}
			}
			st, err := listState(state, k)
			if err != nil {
				return err
			}
			as, err := svc.Assets()
			if err != nil {
				return err
			}
			var kept []crisis.Asset // a new slice: the service's is shared
			for _, a := range as {
				if (k == "" || a.Kind == k) && (st == "" || a.State == st) {
					kept = append(kept, a)
				}
			}
			out := cmd.OutOrStdout()
			if asJSON {
				list := make([]assetJSON, len(kept))
				for i, a := range kept {
					list[i] = toAssetJSON(a)
				}
				return writeJSON(out, list)
			}
			for _, a := range kept {
				if err := writeAssetText(out, env, a, svc.Location()); err != nil {
					return err
				}
			}
			return nil
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of the assets, each with its history")
	cmd.Flags().StringVar(&state, "state", "", "only the assets in this state")
	cmd.Flags().StringVar(&kind, "kind", "", "only the assets of this kind")
	return cmd
}

// listState reads a --state filter: a state of the kind's class when a
// kind is given, else of any class.
func listState(s string, k crisis.AssetKind) (crisis.AssetState, error) {
	if s == "" {
		return "", nil
	}
	if k != "" {
		return crisis.ParseAssetState(k.Class(), s)
	}
	st, err := crisis.ParseAssetState(crisis.ClassMachine, s)
	if err == nil {
		return st, nil
	}
	if st, err2 := crisis.ParseAssetState(crisis.ClassIndicator, s); err2 == nil {
		return st, nil
	}
	return "", err
}

// writeAssetText prints one asset on a line. Text is sanitised again: it
// may land on someone's terminal.
func writeAssetText(w io.Writer, env *Env, a crisis.Asset, loc *time.Location) error {
	line := fmt.Sprintf("%-5d %-12s %-16s %s", a.ID, a.State, a.Kind, crisis.SanitizeLine(a.Identifier))
	if a.Owner != "" {
		line += env.tr("asset-owner", crisis.SanitizeLine(a.Owner))
	}
	if a.Item != "" {
		line += env.tr("asset-item", crisis.SanitizeLine(a.Item))
	}
	if len(a.Tasks) > 0 {
		ts := make([]string, len(a.Tasks))
		for i, t := range a.Tasks {
			ts[i] = strconv.FormatUint(t, 10)
		}
		line += env.tr("asset-tasks", strings.Join(ts, ","))
	}
	if a.FoundAt != nil {
		line += env.tr("asset-found", a.FoundAt.In(loc).Format("2006-01-02 15:04"))
	}
	_, err := fmt.Fprintln(w, line)
	return err
}

func registerImportCmd(env *Env, dataDir *string) *cobra.Command {
	var skipBad bool
	cmd := &cobra.Command{
		Use:   "import [FILE.csv] [--skip-bad]",
		Short: "Register the assets of a CSV file (an export of the directory's accounts)",
		Long: "Register assets from CSV with a header row naming at least identifier,kind (and optionally\n" +
			"state, owner, note, item). On the host: the file's path. Over SSH: the file on standard input.\n" +
			"A file with any bad row (or an asset already registered) imports nothing, unless --skip-bad\n" +
			"imports the good rows. The bad rows are listed with their line numbers.",
		Example:     "  cellule register import comptes.csv\n  ssh -p 2222 host register import < comptes.csv",
		Args:        cobra.MaximumNArgs(1),
		Annotations: map[string]string{annotFileOnStdin: "yes"},
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			var res crisis.AssetImport
			err := importFile(env, cmd, args, func(data []byte) ([]crisis.LineError, error) {
				var err error
				res, err = svc.ImportAssets(env.Actor, data, skipBad)
				return res.Rejected, err
			})
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), env.tr("register-import", res.Added, len(res.Rejected)))
			return nil
		}),
	}
	cmd.Flags().BoolVar(&skipBad, "skip-bad", false, "import the good rows and report the rest")
	return cmd
}

// recoveryLiftRegisterCmd lifts the register's gate of a phase: it lives
// under recovery, by the other gate's override.
func recoveryLiftRegisterCmd(env *Env, dataDir *string) *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "lift-register PHASE --reason TEXT",
		Short: "Let a phase be validated while assets linked to its items are still compromised (lead); logged as a decision",
		Args:  cobra.ExactArgs(1),
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			n, err := crisis.ParsePhase(args[0])
			if err != nil {
				return err
			}
			e, err := svc.LiftRegisterGate(env.Actor, n, reason)
			return printID(cmd, e.ID, err)
		}),
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why (required), written in the logbook")
	_ = cmd.MarkFlagRequired("reason")
	return cmd
}
