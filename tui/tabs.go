package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"cellule/tui/kit"
	"cellule/tui/oncall"
	"cellule/tui/recovery"
	"cellule/tui/register"
	"cellule/tui/report"
	"cellule/tui/tasks"
	"cellule/tui/timeline"
)

// tabModel is a tab as the shell drives it (kit.Tab).
type tabModel = kit.Tab

// tab pairs a tab model with its fixed number: 1 Timeline, 2 Tasks,
// 3 Recovery, 4 On-call, 5 Report, 6 Register. Only tabs that exist are listed, and a
// number key jumps to the tab carrying that number.
type tab struct {
	number int
	title  string
	model  tabModel
}

// tabList is the console's tabs in their fixed order, each with the
// number key that jumps to it: adding a tab is one package and one line
// here.
func tabList(s *session) []tab {
	tabs := []tab{
		{number: 1, model: timeline.New(s.Session)},
		{number: 2, model: tasks.New(s.Session)},
		{number: 3, model: recovery.New(s.Session)},
		{number: 4, model: oncall.New(s.Session)},
		{number: 5, model: report.New(s.Session)},
		{number: 6, model: register.New(s.Session)},
	}
	for i := range tabs {
		tabs[i].title = tabs[i].model.Title()
	}
	return tabs
}

// tabIndex finds the tab with a number, or -1.
func tabIndex(tabs []tab, number int) int {
	for i, t := range tabs {
		if t.number == number {
			return i
		}
	}
	return -1
}

// tabsView renders the tabs line: the active tab in brackets (readable on a
// terminal without colours too), then a rule to the edge.
func tabsView(sh *shellStyles, s *kit.Styles, tabs []tab, active, width int) string {
	var b strings.Builder
	for i, t := range tabs {
		label := fmt.Sprintf("%d %s", t.number, t.title)
		if i == active {
			b.WriteString(sh.tabActive.Render("[" + label + "]"))
		} else {
			b.WriteString(sh.tabInactive.Render(" " + label + " "))
		}
		b.WriteString(" ")
	}
	line := b.String()
	if rest := width - lipgloss.Width(line); rest > 0 {
		line += s.TabRule.Render(strings.Repeat("─", rest))
	}
	return line
}
