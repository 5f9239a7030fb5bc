package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
	"cellule/internal/hostile"
)

func addAsset(t *testing.T, f *fixture, d crisis.AssetDraft) crisis.Asset {
	t.Helper()
	a, err := f.svc.AddAsset(responder, d)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// At 80 columns the six tabs and the header's register count fit; the
// Register tab (key 6) groups by state with counts, and the Recovery tab
// counts on an item the assets linked to it still compromised.
func TestRegisterTabAndHeaderAt80Columns(t *testing.T) {
	f := newFixture(t)
	addAsset(t, f, crisis.AssetDraft{Kind: "domain-admin", Identifier: "adm-jdupont", State: "compromised", Item: "dc", Evidence: "4624 at 03:12"})
	addAsset(t, f, crisis.AssetDraft{Kind: "server", Identifier: "srv-backup", State: "compromised", Item: "dc"})
	addAsset(t, f, crisis.AssetDraft{Kind: "workstation", Identifier: "PC-URG-04"})
	addAsset(t, f, crisis.AssetDraft{Kind: "hash", Identifier: strings.Repeat("ab", 32), State: "confirmed"})
	tm := start(t, f, lead, nil)
	scr := newScreen(t)
	scr.WaitFor(t, tm, "2 compromised, 1 suspected")
	press(tm, "6")
	scr.WaitFor(t, tm, "compromised (2)")
	scr.WaitFor(t, tm, "suspected (1)")
	scr.WaitFor(t, tm, "confirmed (1)")
	for i, l := range strings.Split(scr.Text(), "\n") {
		if w := ansi.StringWidth(strings.TrimRight(l, " ")); w > 80 {
			t.Errorf("line %d is %d cells: %q", i, w, l)
		}
		if strings.Contains(l, "1 Timeline") && !strings.Contains(l, "[6 Register]") {
			t.Errorf("the tab line lacks the Register tab: %q", l)
		}
	}
	press(tm, "enter")
	scr.WaitFor(t, tm, "History")
	scr.WaitFor(t, tm, "4624 at 03:12")
	press(tm, "3")
	scr.WaitFor(t, tm, "[2 compromised]")
}

// Hostile text in every field of an asset reaches the tab, the history
// and the header as text, never as a control sequence, at 80 and 60
// columns.
func TestRegisterTabShowsHostileTextAsText(t *testing.T) {
	f := newFixture(t)
	for i, c := range hostile.Corpus() {
		if i > 12 {
			break
		}
		a := addAsset(t, f, crisis.AssetDraft{Kind: "user", Identifier: "acct-" + c.Text + strings.Repeat("x", i), Owner: c.Text, Note: c.Text, Evidence: c.Text})
		if _, err := f.svc.SetAssetState(responder, a.Identifier, crisis.AssetStep{State: "compromised", Note: c.Text, Evidence: c.Text}); err != nil {
			t.Fatal(err)
		}
	}
	for _, w := range []int{80, 60} {
		m := New(f.svc, lead, Options{Width: w, Height: 24}).(*model)
		check := func(state string) {
			t.Helper()
			view := m.View().Content
			if rest := foreignEscapes(view); rest != nil {
				t.Errorf("%d %s: escape sequences reached the view: %q", w, state, rest)
			}
			for i, l := range strings.Split(view, "\n") {
				if lw := ansi.StringWidth(l); lw > w {
					t.Errorf("%d %s: line %d is %d cells", w, state, i, lw)
				}
			}
		}
		run := func(k string) {
			m.Update(keyMsg(k))
			if k == "6" {
				// The tab's first read, which the program would run.
				m.Update(m.activeTab().Reload()())
			}
		}
		run("6")
		check("list")
		if v := ansi.Strip(m.View().Content); !strings.Contains(v, "compromised (13)") || !strings.Contains(v, "acct-AAA") {
			t.Fatalf("%d: the register is not shown:\n%s", w, v)
		}
		run("enter")
		check("history")
		if v := ansi.Strip(m.View().Content); !strings.Contains(v, "History") || !strings.Contains(v, "evidence:  AAA") {
			t.Fatalf("%d: the history is not shown:\n%s", w, v)
		}
		run("esc")
		run("n")
		check("add form")
		run("esc")
		run("c")
		check("change form")
	}
}
