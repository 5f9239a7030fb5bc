// Package tui is Cellule's console: a bubbletea program per SSH session,
// showing the crisis header, numbered tabs (the logbook first) and a footer
// of the keys that work now. It talks to crisis.Service only.
package tui

import (
	"fmt"
	"io"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// Options is plain session data: never the ssh.Session.
type Options struct {
	Width, Height int // initial terminal size
	// Changes is signalled (merged, capacity 1) after every committed change
	// or join/leave; the caller unsubscribes when the session ends.
	Changes <-chan struct{}
	Lang    string // "en" or "fr"; "" means en; the L key switches it
	// Preview writes the Markdown report of a snapshot, its lists cut to
	// their newest limit items, for the Report tab. The caller hands it
	// in (report.WriteMarkdown) so that the console talks to the service
	// only; nil leaves the tab without a preview.
	Preview func(w io.Writer, s *crisis.Snapshot, limit int) error
	// PreviewIn, when set, gives Preview in a language (report.PreviewIn):
	// the preview then follows the session's language and its L key.
	PreviewIn func(lang string) func(w io.Writer, s *crisis.Snapshot, limit int) error
	// Caches are the drawings shared by every console of the process
	// (NewCaches, once per server); nil gives the console caches of its
	// own.
	Caches *kit.Caches
	// Theme is the user's choice (crisis.User.Theme): "dark", "light", or
	// anything else for auto: dark until the terminal answers the
	// background-colour query (a tea.BackgroundColorMsg), which the
	// caller sends when the theme is auto.
	Theme string
	// HostKey is the server's host key fingerprint ("SHA256:...") and
	// Address the host:port the user connected to, for the invites a lead
	// makes from the console; empty when unknown.
	HostKey, Address string
	// SavePrint writes the paper kit (export --format print) of a
	// snapshot into a file on the host and returns its path, for the
	// Report tab's print key; nil leaves the tab saying how to export it.
	SavePrint func(s *crisis.Snapshot) (string, error)
}

// Caches are the drawings the consoles of one process share (kit.Caches).
type Caches = kit.Caches

// NewCaches makes the drawings cache that the consoles of one process
// share (Options.Caches).
func NewCaches() *Caches { return kit.NewCaches() }

// The size assumed until the terminal tells its own, and the fixed rows of
// the layout.
const (
	defaultWidth, defaultHeight = 80, 24
	headerHeight                = 3
	tabsHeight                  = 1
	statusHeight                = 1
)

// session is one console's kit.Session with the parts not in the kit
// yet: the strings, styles and keys built for this session.
type session struct {
	*kit.Session
	// recovery is the recovery bars' styles, built once: the header's
	// summary draws them on every change.
	recovery *kit.RecoveryStyles
	// sh is the header's and the tabs line's styles.
	sh   *shellStyles
	text *Text
}

// model is the shell: header, tabs line, the active tab, status line and
// footer. It routes keys and reloads after changes.
type model struct {
	s       *session
	changes <-chan struct{}
	// previewIn is Options.PreviewIn, for the L key.
	previewIn func(lang string) func(w io.Writer, s *crisis.Snapshot, limit int) error

	width, height int

	status     crisis.Status
	statusErr  error
	now        time.Time
	statusLoad kit.Loader[statusLoadedMsg]

	tabs   []tab
	active int
	picker *stagePicker // open stage picker, nil when closed

	help help.Model

	// Redrawing costs: hundreds of consoles wake up on every change. quiet
	// marks a message that changed nothing on screen (set by update); frame
	// is the last screen drawn and stays valid until a message that is not
	// quiet; footer is the help line, rendered once per such message.
	quiet  bool
	frame  *tea.View
	lines  []string // frame's lines (Frame)
	footer string
	header string // as drawn in frame
	// next is the header that the status just applied draws, for the View
	// that follows this Update (any other message drops it).
	next string
	// drawn keeps the header, tabs line and footer last drawn (drawn.go).
	drawn drawn
	// auto: the theme follows the terminal's background, until its first
	// answer.
	auto bool
}

// New builds the console of one session. It reads the header and the first
// page of the logbook at once, so the first frame is complete.
func New(svc *crisis.Service, me crisis.Actor, opts Options) tea.Model {
	// The table's own code: a language without a table draws, and is
	// keyed in the shared caches, as English.
	lang := kit.TextFor(opts.Lang).Lang
	ks := kit.NewSession(svc, me, lang, opts.Caches)
	auto := opts.Theme != kit.ThemeDark && opts.Theme != kit.ThemeLight
	if !auto {
		ks.SetTheme(opts.Theme)
	}
	text := kit.ForLang(ks, "shell.text", func() *Text { return textFor(lang) })
	ks.Preview = opts.Preview
	if opts.PreviewIn != nil {
		ks.Preview = opts.PreviewIn(lang)
	}
	ks.HostKey, ks.Address = opts.HostKey, opts.Address
	ks.SavePrint = opts.SavePrint
	ks.Text = &text.Text
	s := &session{Session: ks, text: text}
	s.restyle()
	m := &model{
		s:         s,
		previewIn: opts.PreviewIn,
		auto:      auto,
		changes:   opts.Changes,
		width:     opts.Width,
		height:    opts.Height,
		help:      help.New(),
	}
	if m.width <= 0 {
		m.width = defaultWidth
	}
	if m.height <= 0 {
		m.height = defaultHeight
	}
	m.help.Styles = s.St.Help
	m.tabs = tabList(s)
	m.status, m.statusErr = svc.Status()
	m.s.Closed = m.status.Crisis.Closed != nil
	m.now = svc.Now()
	m.layout()
	// The shown tab's first read runs here rather than in a command.
	if cmd := m.activeTab().Reload(); cmd != nil {
		m.activeTab().Update(cmd())
	}
	return m
}

// Init starts waiting for changes (and for the header clock's next minute).
func (m *model) Init() tea.Cmd {
	return m.wait()
}

// wait issues the one pending wait for a change or the clock's next minute.
func (m *model) wait() tea.Cmd {
	now := m.s.Svc.Now()
	due := time.Duration(0)
	if m.status.Crisis.Closed == nil {
		due = untilDueChange(m.status.NextDue, now)
	}
	if m.status.Crisis.EndedAt != nil {
		// The header's duration no longer moves: wait for changes (and a
		// declaration's deadline) only.
		return waitCmd(m.changes, due)
	}
	return waitCmd(m.changes, soonest(untilNextMinute(m.status.Crisis.OpenedAt, now), due))
}

func (m *model) reloadStatus() tea.Cmd {
	return loadStatusCmd(&m.statusLoad, m.s.Svc)
}

func (m *model) activeTab() tabModel { return m.tabs[m.active].model }

// Update routes messages: service results to whoever asked, keys to the
// open picker, the shell or the active tab.
func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.quiet, m.next = false, ""
	cmd := m.update(msg)
	if !m.quiet {
		m.frame, m.lines = nil, nil
		if !m.keepsLayout(msg) {
			m.layout()
		}
	}
	return m, cmd
}

func (m *model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 1), max(msg.Height, 1)
		return nil

	case changedMsg:
		// Reload only what is shown: the header and the active tab.
		m.quiet = true
		// Both reads in one command, their results in one message, and
		// one redraw: hundreds of consoles answer every change, and each
		// message costs each of them a pass of its event loop.
		return reloadCmd(m.reloadStatus(), m.activeTab().Reload())

	case reloadedMsg:
		// The header's status, then the tab's page, as if each had come
		// alone; then wait for the next change.
		m.update(msg.status)
		if msg.tab == nil {
			return m.wait()
		}
		m.quiet = false // the tab's page: drawn again
		return tea.Batch(m.update(msg.tab), m.wait())

	case clockMsg:
		m.now = m.s.Svc.Now()
		return m.wait()

	case changesClosedMsg:
		// The session is ending (its subscription was cancelled): wait for
		// nothing more, so no goroutine outlives it.
		m.changes = nil
		m.quiet = true
		return nil

	case kit.Loaded[statusLoadedMsg]:
		if !m.statusLoad.Fresh(msg) {
			m.quiet = true
			return nil // an older read that finished late
		}
		m.applyStatus(msg.Value)
		return nil

	case kit.RefusedMsg:
		if msg.Err != nil {
			m.s.Notify(msg.Action, m.s.text.ErrText(msg.Err), true, m.status.Entries)
		}
		return nil

	case stageSetMsg:
		if msg.err != nil {
			if m.picker != nil && m.picker.Saving {
				// Refused: the picker stays open with its note and the
				// reason.
				m.picker.Fail(msg.err)
				return nil
			}
			m.s.Notify(msg.action, m.s.text.ErrText(msg.err), true, m.status.Entries)
			return nil
		}
		if m.picker != nil && m.picker.Saving {
			m.picker = nil
		}
		m.s.Notify(msg.action, fmt.Sprintf(m.s.text.StageSet, m.s.text.Stage(msg.stage), msg.entry.ID), false, msg.entry.ID)
		return tea.Batch(m.reloadStatus(), m.activeTab().Reload())

	case tea.KeyPressMsg:
		return m.handleKey(msg)

	case IdleWarningMsg, PasteRefusedMsg:
		m.sessionNotice(msg)
		return nil

	case tea.BackgroundColorMsg:
		m.background(msg)
		return nil
	}

	// Anything else (pastes, tabs' own results) goes to the tabs: each one
	// ignores what is not its own.
	if _, isPaste := msg.(tea.PasteMsg); isPaste && m.picker != nil {
		return m.picker.Update(msg) // into the stage's note
	}
	var cmds []tea.Cmd
	for i, t := range m.tabs {
		if _, isPaste := msg.(tea.PasteMsg); isPaste && i != m.active {
			continue
		}
		cmds = append(cmds, t.model.Update(msg))
	}
	return tea.Batch(cmds...)
}

func (m *model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.s.Keys
	m.s.ClearNote()

	if m.picker != nil {
		return m.pickerKey(msg)
	}
	tm := m.activeTab()
	if tm.Capturing() {
		// A text field has the keyboard: q, ?, s and digits are text. The tab
		// decides about ctrl+c (it asks first when text would be lost).
		return tm.Update(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return nil
	case key.Matches(msg, k.NextTab) && len(m.tabs) > 1:
		return m.switchTab((m.active + 1) % len(m.tabs))
	case key.Matches(msg, k.PrevTab) && len(m.tabs) > 1:
		return m.switchTab((m.active + len(m.tabs) - 1) % len(m.tabs))
	case key.Matches(msg, k.JumpTab):
		if i := tabIndex(m.tabs, int(msg.Code-'0')); i >= 0 && i != m.active {
			return m.switchTab(i)
		}
		return nil
	case key.Matches(msg, k.Lang):
		return m.switchLang()
	case key.Matches(msg, k.Stage):
		if !m.s.Allowed(crisis.ActSetStage) {
			return kit.Refuse(m.s.Session, crisis.ActSetStage)
		}
		m.picker = newStagePicker(m.s, m.status.Crisis.Stage, m.width, m.bodyHeight())
		return m.picker.FocusCmd()
	}
	return tm.Update(msg)
}

// switchLang draws the whole console in the other language: the strings
// and key labels of the shell and of every tab, which are built again
// (their positions are lost, as no text field has the keyboard). The
// shared drawings are keyed by language; the shell's own are dropped.
func (m *model) switchLang() tea.Cmd {
	lang := "fr"
	if m.s.Lang == "fr" {
		lang = "en"
	}
	m.s.Lang = lang
	text := kit.ForLang(m.s.Session, "shell.text", func() *Text { return textFor(lang) })
	m.s.text, m.s.Text = text, &text.Text
	m.s.Keys = kit.ForLang(m.s.Session, "kit.keys", func() *kit.Keys { return kit.NewKeys(text.Help) })
	if m.previewIn != nil {
		m.s.Preview = m.previewIn(lang)
	}
	number := m.tabs[m.active].number
	m.tabs = tabList(m.s)
	if i := tabIndex(m.tabs, number); i >= 0 {
		m.active = i
	}
	m.drawn = drawn{}
	return m.activeTab().Reload()
}

// switchTab shows another tab and reloads it: hidden tabs are not kept up
// to date (reload only what is shown).
func (m *model) switchTab(i int) tea.Cmd {
	m.active = i
	return m.activeTab().Reload()
}

func (m *model) pickerKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.s.Keys
	p := m.picker
	if p.confirming {
		// Only y ends the crisis; any other key goes back to the list.
		p.confirming = false
		if key.Matches(msg, k.Yes) {
			return m.setStage()
		}
		return nil
	}
	if p.onList() && !p.Saving && p.Confirm == kit.ConfirmNone && msg.Text == "q" {
		m.picker = nil // q closes, as Esc does, where it is no text
		return nil
	}
	act, cmd := p.Key(msg)
	switch act {
	case kit.FormCancel:
		m.picker = nil
	case kit.FormQuit:
		return tea.Quit
	case kit.FormSave:
		if p.selected() == m.status.Crisis.Stage {
			m.picker = nil // the stage it is at: nothing to change
			return nil
		}
		if p.selected() == crisis.StageEnd && m.status.Crisis.Stage != crisis.StageEnd {
			// Ending the crisis writes a closure entry and stops its
			// clock: one stray Enter must not do that.
			p.confirming = true
			return nil
		}
		return m.setStage()
	}
	return cmd
}

// setStage moves the crisis to the picker's stage, with its note; the
// picker stays until the answer (a refusal keeps the note).
func (m *model) setStage() tea.Cmd {
	p := m.picker
	stage, note := p.selected(), p.note.Value()
	p.StartSaving()
	svc, me, action := m.s.Svc, m.s.Me, m.s.Action()
	return func() tea.Msg {
		e, err := svc.SetStage(me, stage, note)
		return stageSetMsg{action: action, stage: stage, entry: e, err: err}
	}
}

// helpKeys lists the keys that work now: the picker's, the tab's own while
// it captures the keyboard, or the tab's plus the shell's.
func (m *model) helpKeys() kit.HelpKeys {
	k := m.s.Keys
	if m.picker != nil && m.picker.confirming {
		return kit.HelpKeys{Short: []key.Binding{k.Yes, k.No}, Full: [][]key.Binding{{k.Yes, k.No}}}
	}
	if m.picker != nil && m.picker.Confirm != kit.ConfirmNone {
		return k.ConfirmHelp()
	}
	if m.picker != nil && m.picker.onList() {
		return kit.OneGroup(k.PickUp, k.Choose, k.NextField, k.Close)
	}
	if m.picker != nil {
		return kit.OneGroup(k.Choose, k.PrevField, k.Cancel)
	}
	h := m.activeTab().Help()
	if m.activeTab().Capturing() {
		return h
	}
	help := k.Help
	if m.help.ShowAll {
		help.SetHelp("?", m.s.text.Help.Less)
	}
	var shell []key.Binding
	if m.s.Allowed(crisis.ActSetStage) {
		shell = append(shell, k.Stage)
	}
	shell = append(shell, help, k.Quit)
	h.Short = append(h.Short, shell...)
	// The language key only in the full help: the one-line footer has no
	// room left at 80 columns.
	shell = append(shell[:len(shell)-1:len(shell)-1], k.Lang, k.Quit)
	if len(m.tabs) > 1 {
		// Only in the full help: the tabs line shows the numbers, and the
		// one-line footer has no room left at 80 columns.
		shell = append([]key.Binding{k.JumpTab, k.NextTab, k.PrevTab}, shell...)
	}
	h.Full = append(h.Full, shell)
	return h
}

// layout shares the height between the parts: the footer grows with the
// full help, the tab gets the rest.
func (m *model) layout() {
	m.help.SetWidth(m.width)
	m.footer = m.footerLine()
	body := m.height - headerHeight - tabsHeight - statusHeight - lipgloss.Height(m.footer)
	for _, t := range m.tabs {
		t.model.SetSize(m.width, max(body, 1))
	}
}

// footerView is the help line; the full help only while no text field or
// picker has the keyboard (their few keys fit on one line, and `?` would be
// text there, unable to close it).
func (m *model) footerView() string {
	h := m.helpKeys()
	if m.help.ShowAll && m.picker == nil && !m.activeTab().Capturing() {
		return m.help.FullHelpView(h.FullHelp())
	}
	return m.help.ShortHelpView(h.ShortHelp())
}

func (m *model) statusView() string {
	n := m.s.Note()
	switch {
	case n.Text != "" && n.IsErr:
		return m.s.St.StatusErr.Render(n.Text)
	case n.Text != "":
		return m.s.St.StatusOK.Render(n.Text)
	case m.statusErr != nil:
		return m.s.St.StatusErr.Render(m.s.text.ErrText(m.statusErr))
	}
	return ""
}

// View draws the whole screen. Every line is cut to the width and the
// screen to the height, whatever a part produced.
func (m *model) View() tea.View {
	if m.frame == nil {
		v := tea.NewView(strings.Join(m.Frame(), "\n"))
		v.AltScreen = true
		m.frame = &v
	}
	return *m.frame // nothing changed since it was drawn
}

// Frame is the screen View shows, as its lines: the SSH console's frame
// writer takes them as they are, without the whole screen joined into one
// string and split again (hundreds of consoles draw after every change).
// The slice stays the same until something on screen changes; it is not
// to be modified.
func (m *model) Frame() []string {
	if m.lines != nil {
		return m.lines
	}
	lines := make([]string, 0, m.height+8)
	if m.header = m.next; m.header == "" {
		m.header = m.headerFor(m.status, m.now)
	}
	lines = kit.AppendLines(lines, m.header)
	lines = kit.AppendLines(lines, m.tabsLine())
	var body []string
	if m.picker != nil {
		m.picker.SetSize(m.width, m.bodyHeight())
		body = kit.AppendLines(nil, m.picker.view())
	} else if lv, ok := m.activeTab().(kit.LineViewer); ok {
		body = lv.ViewLines()
	} else {
		body = kit.AppendLines(nil, m.activeTab().View())
	}
	h := m.bodyHeight()
	if len(body) > h {
		body = body[:h]
	}
	lines = append(lines, body...)
	for range h - len(body) {
		lines = append(lines, "")
	}
	lines = kit.AppendLines(lines, m.statusView())
	lines = kit.AppendLines(lines, m.footer)
	m.lines = m.fit(lines)
	return m.lines
}

func (m *model) bodyHeight() int {
	return max(m.height-headerHeight-tabsHeight-statusHeight-lipgloss.Height(m.footer), 1)
}

// applyStatus shows a fresh read of the header's status.
func (m *model) applyStatus(msg statusLoadedMsg) {
	if msg.err == nil {
		// The same header drawn again (a new entry, nothing else): no
		// redraw.
		m.next = m.headerFor(msg.status, msg.now)
		m.quiet = m.statusErr == nil && m.lines != nil && m.header == m.next
	}
	m.now = msg.now
	m.statusErr = msg.err
	if msg.err == nil {
		m.status = msg.status
		// Once closed, no tab offers a write (kit.Session.Allowed).
		m.s.Closed = msg.status.Crisis.Closed != nil
		if n := m.s.Note(); n.Text != "" && msg.status.Entries > n.UpTo {
			m.s.ClearNote()
			m.quiet = false
		}
	}
}
