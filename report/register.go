package report

import (
	"bufio"
	"fmt"
	"strings"
	"time"

	"cellule/crisis"
)

// The register's section: the accounts, machines and indicators the
// attacker had or may have had, counted by kind and state, each with its
// history; and, in the HTML chronology, when each compromise was found.

// registerClasses are the section's groups, in their order.
var registerClasses = []struct {
	class crisis.AssetClass
	title string // a code of the text tables
}{
	{crisis.ClassAccount, "register.class.account"},
	{crisis.ClassMachine, "register.class.machine"},
	{crisis.ClassIndicator, "register.class.indicator"},
}

func (f *facts) assetKind(k crisis.AssetKind) string { return f.l.label("registerKind", string(k)) }

func (f *facts) assetState(s crisis.AssetState) string {
	return f.l.label("registerState", string(s))
}

// registerCounts is "kind: 3 compromised, 1 contained" for each kind of a
// class that has assets.
func (f *facts) registerCounts(as []crisis.Asset, class crisis.AssetClass) []string {
	var out []string
	for _, k := range crisis.AssetKinds {
		if k.Class() != class {
			continue
		}
		n := map[crisis.AssetState]int{}
		total := 0
		for _, a := range as {
			if a.Kind == k {
				n[a.State]++
				total++
			}
		}
		if total == 0 {
			continue
		}
		var parts []string
		for _, st := range crisis.AssetStates {
			if n[st] > 0 {
				parts = append(parts, f.l.t("register.countState", n[st], f.assetState(st)))
			}
		}
		out = append(out, f.l.t("register.count", f.assetKind(k), total, strings.Join(parts, ", ")))
	}
	return out
}

func ofClass(as []crisis.Asset, c crisis.AssetClass) []crisis.Asset {
	var out []crisis.Asset
	for _, a := range as {
		if a.Class() == c {
			out = append(out, a)
		}
	}
	return out
}

// assetTags is an asset's line after its identifier.
func (f *facts) assetTags(a crisis.Asset) string {
	parts := []string{f.l.t("register.asset", a.ID), f.assetKind(a.Kind), f.assetState(a.State)}
	if a.Owner != "" {
		parts = append(parts, f.l.t("register.owner", a.Owner))
	}
	if a.Item != "" {
		parts = append(parts, f.l.t("register.item", a.Item))
	}
	if a.FoundAt != nil {
		parts = append(parts, f.l.t("register.found", f.at(*a.FoundAt)))
	}
	return crisis.SanitizeLine(strings.Join(parts, ", "))
}

// stepLine is one step of an asset's history.
func (f *facts) stepLine(h crisis.AssetChange) string {
	what := f.l.t("register.registered", f.assetState(h.To))
	if h.From != "" {
		what = f.l.t("register.move", f.assetState(h.From), f.assetState(h.To))
	}
	s := f.at(h.At) + " " + h.By + ": " + what
	if h.Entry != 0 {
		s += f.l.t("register.entry", h.Entry)
	}
	switch {
	case h.Note != "" && h.From == "":
		s += f.l.t("register.note", h.Note)
	case h.Note != "":
		s += f.l.t("register.done", h.Note)
	}
	if h.Evidence != "" {
		s += f.l.t("register.evidence", h.Evidence)
	}
	return crisis.SanitizeLine(s)
}

func mdRegister(w *bufio.Writer, f *facts, opt Options) error {
	if len(f.assets) == 0 {
		return nil
	}
	w.WriteString("## " + f.l.t("register.title") + "\n\n")
	w.WriteString(f.l.t("register.intro") + "\n")
	for _, g := range registerClasses {
		as := ofClass(f.assets, g.class)
		if len(as) == 0 {
			continue
		}
		w.WriteString("\n### " + f.l.t(g.title) + "\n\n")
		for _, c := range f.registerCounts(as, g.class) {
			w.WriteString("- " + mdText(c) + "\n")
		}
		w.WriteString("\n")
		crisis.SortAssets(as)
		shown, more := newest(as, opt.Limit)
		if more {
			w.WriteString("_" + f.l.t("register.only", opt.Limit) + "_\n\n")
		}
		for _, a := range shown {
			w.WriteString("- **" + mdText(crisis.SanitizeLine(a.Identifier)) + "** (" + mdText(f.assetTags(a)) + ")")
			if a.Notes != "" {
				w.WriteString("  \n  " + mdText(crisis.SanitizeLine(a.Notes)))
			}
			for _, h := range a.History {
				w.WriteString("  \n  " + mdText(f.stepLine(h)))
			}
			w.WriteString("\n")
		}
	}
	return nil
}

func htmlRegister(w *bufio.Writer, f *facts, opt Options) error {
	if len(f.assets) == 0 {
		return nil
	}
	w.WriteString("<section id=\"register\">\n<h2>" + esc(f.l.t("register.title")) + "</h2>\n")
	w.WriteString("<p>" + esc(f.l.t("register.intro")) + "</p>\n")
	for _, g := range registerClasses {
		as := ofClass(f.assets, g.class)
		if len(as) == 0 {
			continue
		}
		w.WriteString("<h3>" + esc(f.l.t(g.title)) + "</h3>\n<ul>\n")
		for _, c := range f.registerCounts(as, g.class) {
			w.WriteString("<li>" + escLine(c) + "</li>\n")
		}
		w.WriteString("</ul>\n")
		crisis.SortAssets(as)
		shown, more := newest(as, opt.Limit)
		if more {
			w.WriteString("<p><em>" + esc(f.l.t("register.only", opt.Limit)) + "</em></p>\n")
		}
		w.WriteString("<ul class=\"entries register\">\n")
		for _, a := range shown {
			w.WriteString("<li class=\"a-" + escLine(string(a.State)) + "\"><span class=\"when\">" + escLine(a.Identifier) + "</span> <span class=\"ref\">(" + escLine(f.assetTags(a)) + ")</span>")
			if a.Notes != "" {
				w.WriteString("<div class=\"text\">" + escLine(a.Notes) + "</div>")
			}
			for _, h := range a.History {
				w.WriteString("<div>" + escLine(f.stepLine(h)) + "</div>")
			}
			w.WriteString("</li>\n")
		}
		w.WriteString("</ul>\n")
	}
	_, err := w.WriteString("</section>\n")
	return err
}

// maxFoundMarks bounds the compromises drawn on the chronology: the
// register may hold thousands; the section lists them all.
const maxFoundMarks = 200

// writeFoundMarks draws, on the chronology's axis, a red triangle where
// each confirmed compromise was found, and returns how many it drew.
func writeFoundMarks(w *bufio.Writer, f *facts, xOf func(time.Time) float64, axisY float64) int {
	n := 0
	for _, a := range f.assets {
		if a.FoundAt == nil || n >= maxFoundMarks {
			continue
		}
		n++
		x := min(max(xOf(*a.FoundAt), svgLeft), svgRight)
		fmt.Fprintf(w, "<g class=\"found\"><path d=\"M%.1f %.1f l-4 -8 h8 z\" fill=\"#b3261e\"/>", x, axisY-1)
		w.WriteString("<title>" + escLine(f.l.t("register.foundMark", f.at(*a.FoundAt), a.ID, f.assetKind(a.Kind), crisis.SanitizeLine(a.Identifier))) + "</title></g>\n")
	}
	return n
}

func (f *facts) foundCaption(n int) string {
	if n == 0 {
		return ""
	}
	return " " + f.t("chart.found", n)
}
