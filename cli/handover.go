package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"cellule/crisis"
)

func handoverCmd(env *Env, dataDir *string) *cobra.Command {
	var situation, open, next string
	var ack uint64
	var list, asJSON bool
	cmd := &cobra.Command{
		Use:   "handover [TEXT...] [--open TEXT] [--next TEXT] | --ack ID | --list [--json]",
		Short: "Write a shift handover and print its number; --ack ID acknowledges one",
		Long: "Write the handover note of the outgoing shift (relève): the situation (the text, from the\n" +
			"arguments, --situation, or standard input), open items (--open) and next steps (--next).\n" +
			"It is logged, and every console shows it until the incoming person acknowledges it\n" +
			"with --ack ID (the author cannot). --list prints the handovers, newest first.",
		Example: "  ssh -p 2222 host \"handover 'Mail and VPN cut' --open 'passwords not changed' --next 'call the provider at 8'\"\n" +
			"  ssh -p 2222 host handover --ack 3",
		RunE: withService(env, dataDir, func(cmd *cobra.Command, args []string, svc *crisis.Service) error {
			out := cmd.OutOrStdout()
			writing := len(args) > 0 || situation != "" || open != "" || next != ""
			switch {
			case list && (ack != 0 || writing):
				return fmt.Errorf("--list goes alone")
			case asJSON && !list:
				return fmt.Errorf("--json goes with --list")
			case list:
				hs, err := svc.Handovers()
				if err != nil {
					return err
				}
				if asJSON {
					return writeHandoversJSON(out, hs)
				}
				return writeHandoversText(out, env, hs, svc.Location())
			case ack != 0 && writing:
				return usagef("--ack acknowledges a handover; write yours in another command")
			case ack != 0:
				h, _, err := svc.AckHandover(env.Actor, ack)
				return printID(cmd, h.ID, err)
			}
			if situation != "" && len(args) > 0 {
				return usagef("give the situation either as TEXT or with --situation, not both")
			}
			if situation == "" {
				text, err := readText(env, args, cmd.InOrStdin(), 3*crisis.MaxHandoverPart)
				if err != nil {
					return err
				}
				situation = text
			}
			h, _, err := svc.WriteHandover(env.Actor, crisis.HandoverNote{Situation: situation, OpenItems: open, NextSteps: next})
			return printID(cmd, h.ID, err)
		}),
	}
	cmd.Flags().StringVar(&situation, "situation", "", "where things stand")
	cmd.Flags().StringVar(&open, "open", "", "open items: what is under way or waiting")
	cmd.Flags().StringVar(&next, "next", "", "next steps for the incoming shift")
	cmd.Flags().Uint64Var(&ack, "ack", 0, "acknowledge handover ID (the incoming person)")
	cmd.Flags().BoolVar(&list, "list", false, "print the handovers, newest first")
	cmd.Flags().BoolVar(&asJSON, "json", false, "with --list: print JSON")
	return cmd
}

func writeHandoversJSON(out io.Writer, hs []crisis.Handover) error {
	type handoverJSON struct {
		ID        uint64  `json:"id"`
		WrittenAt string  `json:"written_at"`
		By        string  `json:"by"`
		Situation string  `json:"situation"`
		OpenItems string  `json:"open_items"`
		NextSteps string  `json:"next_steps"`
		AckedAt   *string `json:"acked_at"`
		AckedBy   string  `json:"acked_by"`
	}
	list := make([]handoverJSON, 0, len(hs))
	for _, h := range hs {
		j := handoverJSON{ID: h.ID, WrittenAt: utcTime(h.WrittenAt), By: h.By,
			Situation: h.Situation, OpenItems: h.OpenItems, NextSteps: h.NextSteps, AckedBy: h.AckedBy}
		if h.AckedAt != nil {
			at := utcTime(*h.AckedAt)
			j.AckedAt = &at
		}
		list = append(list, j)
	}
	return writeJSON(out, list)
}

func writeHandoversText(out io.Writer, env *Env, hs []crisis.Handover, loc *time.Location) error {
	lang := env.lang()
	if len(hs) == 0 {
		fmt.Fprintln(out, env.tr("no-handover"))
		return nil
	}
	indent := func(s string) string { return strings.ReplaceAll(crisis.Sanitize(s), "\n", "\n    ") }
	for _, h := range hs {
		state := env.tr("handover-unacked", h.ID)
		if h.Acked() {
			state = env.tr("handover-acked", crisis.SanitizeLine(h.AckedBy), crisis.FormatDateTime(lang, h.AckedAt.In(loc)))
		}
		fmt.Fprintln(out, env.tr("handover-head", h.ID, crisis.FormatDateTime(lang, h.WrittenAt.In(loc)), crisis.SanitizeLine(h.By), state))
		fmt.Fprintln(out, env.tr("handover-situation", indent(h.Situation)))
		if h.OpenItems != "" {
			fmt.Fprintln(out, env.tr("handover-open", indent(h.OpenItems)))
		}
		if h.NextSteps != "" {
			fmt.Fprintln(out, env.tr("handover-next", indent(h.NextSteps)))
		}
	}
	return nil
}
