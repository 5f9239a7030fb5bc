package oncall

import (
	"fmt"
	"net"
	"strings"
	"time"

	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cellule/crisis"
	"cellule/tui/kit"
)

// Layout of the On-call tab.
const (
	runsShown   = 3  // run lines above the steps
	stepIndent  = 11 // where a step's detail starts, under its text
	runBarWidth = 20
)

func (o *onCall) View() string {
	if o.form != nil {
		o.form.setSize(o.width, o.height)
		return o.form.View()
	}
	var body []string
	h := max(o.height-1, 1)
	switch {
	case o.picker != nil:
		o.picker.SetSize(o.width, o.height)
		body = o.picker.Lines()
	case o.rolePick != nil:
		body = o.rolePickLines()
	case o.card != nil:
		body = o.cardLines()
	case o.loadErr != nil && !o.loaded:
		body = []string{"", "  " + o.s.St.FormError.Render(fmt.Sprintf(o.t.LoadFailed, o.s.Text.ErrText(o.loadErr)))}
	case o.section == secDirectory:
		body = o.directoryLines(h)
	case o.section == secHandover:
		body = o.handoverLines(h)
	default:
		body = o.checklistLines(h)
	}
	if o.prompt != nil {
		// While it asks, the question takes the title's line.
		title := []string{" " + o.s.St.Confirm.Render(o.prompt.title) + o.s.St.Hint.Render("  "+o.t.PromptKeys)}
		if o.prompt.Confirm != kit.ConfirmNone {
			title = o.s.FormStatus(o.prompt.Confirm, o.t.ConfirmDiscardText, false, nil)
		}
		body = append(kit.FitLines(body, h-2), title[0], o.prompt.Lines()[0])
	}
	return kit.FitHeight(strings.Join(append([]string{o.sectionsLine()}, kit.FitLines(body, h)...), "\n"), o.height)
}

func (o *onCall) sectionsLine() string {
	sty := o.s.St
	handover := o.t.SecHandover
	if n := o.pending(); n > 0 {
		handover = fmt.Sprintf(o.t.SecHandoverPending, n)
	}
	var parts []string
	for i, s := range []struct{ k, label string }{{"c", o.t.SecChecklists}, {"d", o.t.SecDirectory}, {"h", handover}} {
		label := s.k + " " + s.label
		if onCallSection(i) == o.section {
			parts = append(parts, sty.Chosen.Render("["+label+"]"))
		} else {
			parts = append(parts, sty.Choice.Render(" "+label+" "))
		}
	}
	return kit.Cut(" "+strings.Join(parts, " "), o.width)
}

func (o *onCall) pending() int {
	n := 0
	for _, h := range o.handovers {
		if !h.Acked() {
			n++
		}
	}
	return n
}

func (o *onCall) when(t time.Time) string {
	return o.s.Text.Date(t, o.t.TimeLayout)
}

// checklistLines: the runs, then the selected run's steps.
func (o *onCall) checklistLines(h int) []string {
	sty, t, lang := o.s.St, o.t, o.t.Lang
	loc := o.s.Svc.Location()
	r, ok := o.selectedRun()
	if !ok {
		msg := t.NoRunsViewer
		if o.s.Allowed(crisis.ActRunChecklist) {
			msg = t.NoRuns
		}
		out := []string{"", "  " + sty.Empty.Render(msg), ""}
		for _, tpl := range o.overview.Templates {
			out = append(out, kit.Cut(fmt.Sprintf("    %-14s %s", crisis.SanitizeLine(tpl.Name), crisis.SanitizeLine(tpl.Title.In(lang))), o.width))
		}
		return out
	}

	// The runs, a window of a few lines around the selected one.
	runs := o.overview.Runs
	sel, _ := o.runIndex(r.ID)
	first := min(max(sel-runsShown/2, 0), max(len(runs)-runsShown, 0))
	var out []string
	for i := first; i < len(runs) && i < first+runsShown; i++ {
		run := runs[i]
		done, total := run.Progress()
		right := fmt.Sprintf(t.Progress, done, total) + " · " + t.Complete
		if n := run.Next(); n != 0 {
			right = fmt.Sprintf(t.Progress, done, total) + " · " + fmt.Sprintf(t.NextStep, n, "")
		}
		right = strings.TrimSpace(right)
		mark, style := "  ", sty.Choice
		if i == sel {
			mark, style = sty.Bar.Render("▸ "), sty.IDSelected
		}
		left := mark + style.Render(fmt.Sprintf(t.RunLine, run.ID, crisis.SanitizeLine(run.Name(lang))))
		room := o.width - lipgloss.Width(right) - 3
		line := " " + kit.Spread(kit.Cut(left, room), sty.Filter.Render(right), o.width-2)
		if i == sel {
			line = sty.SelectRow(line, o.width)
		}
		out = append(out, line)
	}

	// The selected run: who started it, its progress.
	done, total := r.Progress()
	bar := progress.New(progress.WithWidth(runBarWidth), progress.WithoutPercentage(),
		progress.WithFillCharacters(progress.DefaultFullCharFullBlock, progress.DefaultEmptyCharBlock),
		progress.WithColors(o.s.Pal.OK))
	bar.EmptyColor = o.s.Pal.Muted // the palette's, not the library's grey
	pct := 0.0
	if total > 0 {
		pct = float64(done) / float64(total)
	}
	started := fmt.Sprintf(t.RunStarted, o.when(r.StartedAt.In(loc)), crisis.SanitizeLine(r.StartedBy))
	info := bar.ViewAs(pct) + " " + fmt.Sprintf(t.Progress, done, total)
	rule := sty.TabRule.Render(strings.Repeat("─", 2)) + " " + sty.Hint.Render(started) + " "
	rule += sty.TabRule.Render(strings.Repeat("─", max(o.width-lipgloss.Width(rule)-lipgloss.Width(info)-3, 1))) + " " + info
	out = append(out, kit.Cut(rule, o.width))

	// The steps: one line each, the selected one opened.
	var lines []string
	selStart, selEnd := 0, 0
	next := r.Next() - 1
	for i, st := range r.Steps {
		block := o.stepLines(st, i, i == o.step, i == next)
		if i == o.step {
			selStart, selEnd = len(lines), len(lines)+len(block)
		}
		lines = append(lines, block...)
	}
	room := max(h-len(out), 1)
	switch {
	case selStart < o.stepTop:
		o.stepTop = selStart
	case selEnd > o.stepTop+room:
		o.stepTop = min(selStart, selEnd-room)
	}
	o.stepTop = min(o.stepTop, max(len(lines)-room, 0))
	end := min(o.stepTop+room, len(lines))
	return append(out, lines[o.stepTop:end]...)
}

// stepLines renders a step: its box, number and text, who ticked it and
// when; opened (selected), its detail, whom to call with the numbers, and
// why it was un-ticked.
func (o *onCall) stepLines(st crisis.RunStep, i int, selected, next bool) (out []string) {
	sty, t, lang := o.s.St, o.t, o.t.Lang
	loc := o.s.Svc.Location()
	bar := sty.SelBar(selected)
	mark := "  "
	if next {
		mark = sty.Indicator.Render("▶ ")
	}
	box := "[ ]"
	if st.Done() {
		box = sty.StatusOK.Render("[x]")
	}
	num := fmt.Sprintf("%2d.", i+1)
	text := crisis.SanitizeLine(st.Text.In(lang))
	if selected {
		text = sty.IDSelected.Render(text)
	}
	line := bar + mark + box + " " + num + " " + text
	if st.Done() {
		// The time first: on a narrow screen the name is what gets cut.
		line += " " + sty.Recorded.Render(fmt.Sprintf(t.DoneBy, o.when(st.DoneAt.In(loc)), crisis.SanitizeLine(st.DoneBy)))
	}
	if !selected {
		return []string{kit.Cut(line, o.width)}
	}
	// The opened step, every line of it, on the selected background.
	defer func() { sty.SelectRows(out, o.width) }()
	inner := max(o.width-stepIndent-1, 10)
	indent := bar + strings.Repeat(" ", stepIndent-2)
	out = []string{}
	for _, l := range strings.Split(ansi.Wrap(line, o.width, ""), "\n") {
		if len(out) > 0 {
			l = indent + strings.TrimLeft(l, " ")
		}
		out = append(out, kit.Cut(l, o.width))
	}
	if d := strings.TrimSpace(crisis.Sanitize(st.Detail.In(lang))); d != "" {
		for _, l := range strings.Split(ansi.Wrap(d, inner, ""), "\n") {
			out = append(out, indent+sty.Hint.Render(l))
		}
	}
	if st.Contact != "" {
		out = append(out, kit.Cut(indent+sty.Author.Render(fmt.Sprintf(t.Call, o.contactText(st.Contact))), o.width))
	}
	if !st.Done() && st.UndoReason != "" {
		out = append(out, kit.Cut(indent+sty.Amended.Render(fmt.Sprintf(t.UndoneBy, crisis.SanitizeLine(st.UndoneBy), crisis.SanitizeLine(st.UndoReason))), o.width))
	}
	return out
}

// contactText is whom a step names, with the numbers the directory has.
func (o *onCall) contactText(ref string) string {
	c, ok := crisis.ContactFor(ref, o.contacts)
	if !ok {
		return fmt.Sprintf(o.t.NotInDir, crisis.SanitizeLine(ref))
	}
	// The numbers first: on a narrow screen the name is what gets cut.
	s := c.Phone
	if c.BackupPhone != "" {
		s += " · " + fmt.Sprintf(o.t.Backup, c.BackupPhone)
	}
	s += " — " + c.Name
	if crisis.ContactKey(ref) != crisis.ContactKey(c.Name) {
		s += " (" + ref + ")"
	}
	return crisis.SanitizeLine(s)
}

// rolePickLines chooses the role of an invite.
func (o *onCall) rolePickLines() []string {
	sty := o.s.St
	out := []string{"", " " + sty.FormTitle.Render(fmt.Sprintf(o.t.InviteRole, crisis.SanitizeLine(o.rolePick.name))), ""}
	for i, r := range inviteRoles() {
		cursor, style := "   ", sty.Choice
		if i == o.rolePick.cursor {
			cursor, style = sty.PickerCursor.Render(" ▸ "), sty.IDSelected
		}
		out = append(out, cursor+style.Render(o.s.Text.Role(r)))
	}
	return out
}

// cardLines show an invite just made: what the lead reads to the invitee
// over the phone.
func (o *onCall) cardLines() []string {
	sty, t, c := o.s.St, o.t, o.card
	loc := o.s.Svc.Location()
	host, port := "HOST", "2222"
	if h, p, err := net.SplitHostPort(o.s.Address); err == nil {
		host, port = h, p
	}
	keyLine := t.CardNoHostKey
	if o.s.HostKey != "" {
		keyLine = fmt.Sprintf(t.CardHostKey, o.s.HostKey)
	}
	left := c.inv.ExpiresAt.Sub(c.inv.CreatedAt).Round(time.Minute)
	lines := []string{
		"",
		" " + sty.FormTitle.Render(fmt.Sprintf(t.CardTitle, crisis.SanitizeLine(c.inv.Name), o.s.Text.Role(c.inv.Role))),
		"",
		"   " + sty.LabelFocused.Render(fmt.Sprintf(t.CardCode, crisis.FormatInviteCode(c.code))),
		"   " + fmt.Sprintf(t.CardUntil, o.s.Text.Date(c.inv.ExpiresAt.In(loc), o.s.Text.DateTime+" MST"), left),
		"   " + fmt.Sprintf(t.CardRun, port, host),
	}
	for _, l := range strings.Split(ansi.Wrap(keyLine, max(o.width-5, 20), ""), "\n") {
		lines = append(lines, "   "+l)
	}
	lines = append(lines, "", "   "+sty.Hint.Render(t.CardOnce), "   "+sty.Hint.Render(t.CardKeys))
	for i, l := range lines {
		lines[i] = kit.Cut(l, o.width)
	}
	return lines
}

// directoryLines: the search field, the matching contacts in columns,
// and the selected one's notes.
func (o *onCall) directoryLines(h int) []string {
	sty, t := o.s.St, o.t
	ms := o.matches()
	count := sty.Filter.Render(fmt.Sprintf(t.ContactsOf, len(ms), len(o.contacts)))
	out := []string{" " + kit.Spread(o.search.View(), count, o.width-2)}
	if len(o.contacts) == 0 {
		return append(out, "", "  "+sty.Empty.Render(t.NoContacts))
	}
	if len(ms) == 0 {
		return append(out, "", "  "+sty.Empty.Render(fmt.Sprintf(t.NoMatch, crisis.SanitizeLine(strings.TrimSpace(o.search.Value())))))
	}
	const phoneW = 16
	rest := max(o.width-4-2*phoneW-3, 20)
	nameW := rest * 45 / 100
	roleW := rest - nameW
	row := func(mark, name, role, phone, backup string) string {
		return mark + kit.Pad(name, nameW) + " " + kit.Pad(role, roleW) + " " + kit.Pad(phone, phoneW) + " " + kit.Pad(backup, phoneW)
	}
	out = append(out, sty.Header.Render(kit.Cut(row("    ", t.ColName, t.ColRole, t.ColPhone, t.ColBackup), o.width)))
	query := strings.TrimSpace(o.search.Value())
	listH := max(h-len(out)-3, 1)
	first := min(max(o.contact-listH/2, 0), max(len(ms)-listH, 0))
	for i := first; i < len(ms) && i < first+listH; i++ {
		c := ms[i]
		bar := sty.SelBar(i == o.contact)
		duty := "  "
		if c.OnDuty {
			duty = sty.StatusOK.Render("● ")
		}
		clean := crisis.SanitizeLine
		// What the search matched, in the columns it matched in.
		line := kit.Cut(bar+duty+row("", clean(c.Name), clean(c.Role), clean(c.Phone), clean(c.BackupPhone)), o.width)
		line = sty.Highlight(line, query)
		if i == o.contact {
			line = sty.SelectRow(line, o.width)
		}
		out = append(out, line)
	}
	out = kit.FitLines(out, max(h-3, len(out)))
	c := ms[min(o.contact, len(ms)-1)]
	about := []string{crisis.SanitizeLine(c.Name)}
	for _, f := range []string{c.Role, c.Organisation} {
		if f != "" {
			about = append(about, crisis.SanitizeLine(f))
		}
	}
	if c.OnDuty {
		about = append(about, sty.StatusOK.Render(t.OnDuty))
	}
	out = append(out, sty.TabRule.Render(strings.Repeat("─", o.width)), kit.Cut(" "+strings.Join(about, " · "), o.width))
	if d := o.duty; d != nil { // the question takes the notes' line
		ask := t.ConfirmOnDuty
		if d.OnDuty {
			ask = t.ConfirmOffDuty
		}
		out = append(out, kit.Cut(" "+sty.Confirm.Render(fmt.Sprintf(ask, crisis.SanitizeLine(d.Name))), o.width))
	} else if c.Notes != "" {
		out = append(out, kit.Cut(" "+sty.Hint.Render(crisis.SanitizeLine(c.Notes)), o.width))
	}
	return out
}

// handoverLines: the handovers, newest first, and the selected one whole.
func (o *onCall) handoverLines(h int) []string {
	sty, t := o.s.St, o.t
	loc := o.s.Svc.Location()
	if len(o.handovers) == 0 {
		msg := t.NoHandover
		if !o.s.Allowed(crisis.ActHandover) {
			msg = t.NoHandoverViewer
		}
		return []string{"", "  " + sty.Empty.Render(msg)}
	}
	var out []string
	listH := min(len(o.handovers), 4)
	first := min(max(o.handover-listH/2, 0), max(len(o.handovers)-listH, 0))
	for i := first; i < len(o.handovers) && i < first+listH; i++ {
		hv := o.handovers[i]
		bar := sty.SelBar(i == o.handover)
		state := sty.StatusErr.Render(t.Pending)
		if hv.Acked() {
			state = sty.Recorded.Render(fmt.Sprintf(t.AckedBy, crisis.SanitizeLine(hv.AckedBy), o.when(hv.AckedAt.In(loc))))
		}
		line := kit.Cut(bar+fmt.Sprintf(t.HandoverLine, hv.ID, o.when(hv.WrittenAt.In(loc)), crisis.SanitizeLine(hv.By))+"  "+state, o.width)
		if i == o.handover {
			line = sty.SelectRow(line, o.width)
		}
		out = append(out, line)
	}
	out = append(out, sty.TabRule.Render(strings.Repeat("─", o.width)))
	hv := o.handovers[o.handover]
	inner := max(o.width-4, 10)
	for _, part := range []struct{ label, text string }{{t.Situation, hv.Situation}, {t.OpenItems, hv.OpenItems}, {t.NextSteps, hv.NextSteps}} {
		text := strings.TrimSpace(crisis.Sanitize(part.text))
		if text == "" {
			continue
		}
		out = append(out, " "+sty.LabelFocused.Render(part.label))
		for _, l := range strings.Split(ansi.Wrap(text, inner, ""), "\n") {
			out = append(out, "   "+l)
		}
	}
	if o.confirm != 0 {
		out = append(kit.FitLines(out, h-1), " "+sty.Confirm.Render(fmt.Sprintf(t.ConfirmAck, hv.ID, crisis.SanitizeLine(hv.By))))
	}
	return out
}
