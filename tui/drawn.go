package tui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
	"cellule/tui/kit"
)

// drawn keeps the parts of the screen that a change rarely alters, with
// what they were drawn from: hundreds of consoles redraw after every new
// entry, and the header, the tabs line and the footer are the same as
// before it. Each part is drawn again only when what it shows may differ.
type drawn struct {
	header    string
	headerFor headerKey

	tabs    string
	tabsFor [2]int // active tab, width

	footer    string
	footerFor string

	// fitIn and fitOut are the lines of the last screen before and after
	// fitting them to fitWidth.
	fitIn, fitOut []string
	fitWidth      int
}

// headerKey is what the header depends on besides the session: the
// status's version (0: unknown, never reused), the width, the crisis's
// age to the minute (the clock it shows) and the nearest deadline's
// minute (see dueKey).
type headerKey struct {
	version uint64
	width   int
	minutes time.Duration
	due     int64
}

// headerFor is the header for status st at now.
func (m *model) headerFor(st crisis.Status, now time.Time) string {
	k := headerKey{version: st.Version, width: m.width, due: dueKey(st.NextDue, now)}
	if !st.Crisis.OpenedAt.IsZero() {
		k.minutes = st.Crisis.Duration(now) / time.Minute
	}
	if k.version != 0 && k == m.drawn.headerFor && m.drawn.header != "" {
		return m.drawn.header
	}
	m.drawn.header, m.drawn.headerFor = headerView(m.s, st, now, m.width), k
	return m.drawn.header
}

// tabsLine is the tabs line (the titles never change).
func (m *model) tabsLine() string {
	k := [2]int{m.active, m.width}
	if k != m.drawn.tabsFor || m.drawn.tabs == "" {
		m.drawn.tabs, m.drawn.tabsFor = tabsView(m.s.sh, m.s.St, m.tabs, m.active, m.width), k
	}
	return m.drawn.tabs
}

// footerLine is footerView, drawn again only when the keys it shows differ.
func (m *model) footerLine() string {
	h := m.helpKeys()
	full := m.help.ShowAll && m.picker == nil && !m.activeTab().Capturing()
	var b strings.Builder
	b.Grow(256)
	if full {
		b.WriteString("full\x00")
		for _, col := range h.FullHelp() {
			writeBindings(&b, col)
			b.WriteByte(1)
		}
	} else {
		writeBindings(&b, h.ShortHelp())
	}
	b.WriteString(strconv.Itoa(m.help.Width()))
	if k := b.String(); k != m.drawn.footerFor || m.drawn.footer == "" {
		if full {
			m.drawn.footer = m.help.FullHelpView(h.FullHelp())
		} else {
			m.drawn.footer = m.help.ShortHelpView(fitShort(h.ShortHelp(), m.width))
		}
		m.drawn.footerFor = k
	}
	return m.drawn.footer
}

// writeBindings writes what the help shows of bindings: the enabled ones'
// keys and descriptions.
func writeBindings(b *strings.Builder, bindings []key.Binding) {
	for _, k := range bindings {
		if !k.Enabled() {
			continue
		}
		h := k.Help()
		b.WriteString(h.Key)
		b.WriteByte(0)
		b.WriteString(h.Desc)
		b.WriteByte(0)
	}
}

// keepsLayout tells that msg, the reads after a change, changed neither
// the keys in the footer nor, so, the sizes layout gives: the footer's
// keys need not be listed again (hundreds of consoles after every change).
func (m *model) keepsLayout(msg tea.Msg) bool {
	r, ok := msg.(reloadedMsg)
	if !ok || r.tab == nil || m.picker != nil {
		return false
	}
	k, ok := m.activeTab().(kit.HelpKeeper)
	return ok && k.KeepsHelp(r.tab)
}

// fit is fitScreen for this console's screen, lines as they are drawn: a
// line that was on the previous screen at the same place, at the same
// width, is not measured again. It fits lines in place and returns them.
func (m *model) fit(lines []string) []string {
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	if m.drawn.fitWidth != m.width {
		m.drawn.fitIn, m.drawn.fitOut, m.drawn.fitWidth = nil, nil, m.width
	}
	in := make([]string, len(lines))
	copy(in, lines)
	for i, l := range lines {
		if i < len(m.drawn.fitIn) && l == m.drawn.fitIn[i] {
			lines[i] = m.drawn.fitOut[i]
			continue
		}
		lines[i] = m.s.Caches.Fit(l, m.width)
	}
	m.drawn.fitIn, m.drawn.fitOut = in, lines
	return lines
}

// fitShort drops the one-line help's first keys (the arrows first) while
// it is wider than the screen, so the last ones, "? help" and "q quit",
// are never cut off whatever the language's words; ? lists them all.
func fitShort(bs []key.Binding, width int) []key.Binding {
	for len(bs) > 2 && shortWidth(bs) > width {
		bs = bs[1:]
	}
	return bs
}

// shortWidth is the one-line help's width: keys, descriptions and " • ".
func shortWidth(bs []key.Binding) int {
	w := 0
	for _, b := range bs {
		if b.Enabled() {
			w += ansi.StringWidth(b.Help().Key) + 1 + ansi.StringWidth(b.Help().Desc) + 3
		}
	}
	return w - 3
}
