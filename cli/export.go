package cli

import (
	"bytes"
	"io"
	"os"

	"github.com/spf13/cobra"

	"cellule/crisis"
	"cellule/internal/atomicfile"
	"cellule/report"
)

func exportCmd(env *Env, dataDir *string) *cobra.Command {
	var format, outPath, lang string
	var pdf bool
	cmd := &cobra.Command{
		Use:   "export [--format md|json|csv|html|print [--pdf]] [--lang fr|en] [--out FILE]",
		Short: "Export the whole record: a report (md, html), the timeline (csv) or a snapshot (json)",
		Long: "Export the crisis record as it stands, read in one transaction (lead or responder):\n" +
			"  md    the lessons-learned report in Markdown\n" +
			"  html  the same report as one self-contained page, with the chronology drawn (prints on A4)\n" +
			"  csv   the timeline, one row per entry (UTF-8, RFC 4180)\n" +
			"  json  the complete snapshot, which `cellule import` reads back\n" +
			"  print the paper kit: an A4 page to print (out-of-hours checklist, directory,\n" +
			"        recovery plan, open tasks, audit head); with --pdf a PDF, through\n" +
			"        headless Chromium on the machine that runs the command\n" +
			"--lang writes the report, the CSV header and the paper kit in French or English\n" +
			"(default: $CELLULE_LANG when it says fr, else English); the JSON snapshot has no language.\n" +
			"Without --out the export goes to standard output.",
		Example: "  ssh -p 2222 host export --format md > retex.md\n" +
			"  cellule export --format json --out cahors.json\n" +
			"  ssh -p 2222 host export --format html --lang fr > retex.html\n" +
			"  ssh -p 2222 host export --format print --pdf > kit.pdf",
		Args: cobra.NoArgs,
		RunE: withService(env, dataDir, func(cmd *cobra.Command, _ []string, svc *crisis.Service) error {
			f, err := report.ParseFormat(format)
			if err != nil {
				return usageError{crisis.Message(err)}
			}
			if pdf && f != report.Print {
				return usagef("--pdf goes with --format print")
			}
			l, err := report.ParseLang(exportLang(lang))
			if err != nil {
				return usageError{crisis.Message(err)}
			}
			opt := report.Options{Printed: svc.Now(), Lang: l}
			render := func(w io.Writer) error {
				return svc.Export(env.Actor, func(s *crisis.Snapshot) error { return report.Write(w, s, f, opt) })
			}
			if pdf {
				render = pdfRender(cmd, render)
			}
			switch {
			case outPath != "" && env.Remote:
				return usagef("--out writes a file on the server; over SSH the export comes on standard output (ssh host export > FILE)")
			case outPath != "":
				return atomicfile.Write(outPath, render, nil)
			case env.Remote:
				return spooled(cmd.OutOrStdout(), render)
			}
			return render(cmd.OutOrStdout())
		}),
	}
	cmd.Flags().StringVar(&format, "format", "md", "md, json, csv, html or print")
	cmd.Flags().StringVar(&outPath, "out", "", "write to FILE instead of standard output (on the host)")
	cmd.Flags().StringVar(&lang, "lang", "", "fr or en: the language of the report, the CSV header and the paper kit")
	cmd.Flags().BoolVar(&pdf, "pdf", false, "with --format print: a PDF, printed by headless Chromium")
	return cmd
}

// exportLang is the export's language: --lang, else $CELLULE_LANG when it
// names French, else English. (Once users have a language of their own,
// the caller's language comes between the flag and the environment.)
func exportLang(flag string) string {
	if flag != "" {
		return flag
	}
	if l, err := report.ParseLang(os.Getenv("CELLULE_LANG")); err == nil {
		return l
	}
	return crisis.LangEnglish
}

// pdfRender turns the paper kit's HTML into a PDF. The page is rendered
// whole first, so the read transaction ends before the browser starts.
func pdfRender(cmd *cobra.Command, html func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) error {
		if _, err := report.FindBrowser(); err != nil {
			return err
		}
		var page bytes.Buffer
		if err := html(&page); err != nil {
			return err
		}
		return report.PDF(cmd.Context(), w, page.Bytes())
	}
}

// spooled renders into a private temporary file, then copies it to out.
// The read transaction then lasts as long as the rendering, not as long as
// a slow or stalled SSH client takes to read: a long-lived read
// transaction would hold up writers when the database file has to grow.
func spooled(out io.Writer, render func(io.Writer) error) error {
	tmp, err := os.CreateTemp("", "cellule-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if err := render(tmp); err != nil {
		return err
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err = io.Copy(out, tmp)
	return err
}
