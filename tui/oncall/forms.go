package oncall

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// templatePicker chooses the checklist to start: a kit.Form of one list.
type templatePicker struct {
	*kit.Form
	list *kit.Field
}

func newTemplatePicker(o *onCall) *templatePicker {
	sty, lang := o.s.St, o.t.Lang
	labels := make([]string, len(o.overview.Templates))
	for i, tpl := range o.overview.Templates {
		labels[i] = fmt.Sprintf("%-14s %s  ", crisis.SanitizeLine(tpl.Name), crisis.SanitizeLine(tpl.Title.In(lang))) +
			o.s.Text.Plural(len(tpl.Steps), o.t.PickerStepOne, o.t.PickerSteps)
	}
	p := &templatePicker{Form: kit.NewForm(o.s, o.width, o.height)}
	p.Head = func(int) []string { return []string{"", " " + sty.FormTitle.Render(o.t.PickerTitle), ""} }
	p.Compact, p.EnterSaves = true, true
	p.list = p.Picker("", labels, 0, false)
	p.list.Rows = max(o.height-5, 1)
	return p
}

// onCallPrompt asks for one line (an un-tick's reason, a run's label) and
// hands it to submit: a kit.Form of one field, under the section.
type onCallPrompt struct {
	*kit.Form
	title      string
	field      *kit.Field
	allowEmpty bool
	submit     func(string) tea.Cmd
}

func newOnCallPrompt(o *onCall, title, hint string, submit func(string) tea.Cmd) *onCallPrompt {
	p := &onCallPrompt{Form: kit.NewForm(o.s, o.width, 3), title: title, submit: submit}
	p.Compact = true
	p.Discard = o.t.ConfirmDiscardText
	p.field = p.Text("", "", hint, crisis.MaxReason)
	p.field.Input.Prompt = "> "
	p.SetSize(o.width, 3)
	return p
}

// value is the line typed, trimmed.
func (p *onCallPrompt) value() string { return strings.TrimSpace(p.field.Value()) }

// handoverForm writes a shift handover: three text areas in Tab order, the
// situation taking what the two others leave.
type handoverForm struct {
	*kit.Form
	areas [3]*kit.Field
}

func newHandoverForm(s *kit.Session, t *Text, width, height int) *handoverForm {
	f := &handoverForm{Form: kit.NewForm(s, width, height)}
	sty := s.St
	f.Head = func(int) []string { return []string{" " + sty.FormTitle.Render(t.FormTitle), ""} }
	f.Discard, f.Quit = t.ConfirmDiscard, t.ConfirmQuit
	f.Idle = t.FormHint
	labels := []string{t.Situation, t.OpenItems, t.NextSteps}
	for i, holder := range []string{t.SituationHolder, t.OpenHolder, t.NextHolder} {
		f.areas[i] = f.AreaField(labels[i], "", holder, crisis.MaxHandoverPart+1) // over the limit: refused with its message
	}
	f.setSize(width, height)
	return f
}

// setSize shares the height between the three areas: the situation gets
// what the two others leave.
func (f *handoverForm) setSize(width, height int) {
	room := max(height-7, 3)
	small := max(room/4, 1)
	f.areas[1].Height, f.areas[2].Height = small, small
	f.SetSize(width, height)
}

func (f *handoverForm) note() crisis.HandoverNote {
	return crisis.HandoverNote{Situation: f.areas[0].Value(), OpenItems: f.areas[1].Value(), NextSteps: f.areas[2].Value()}
}

// rolePicker chooses the role of the person a lead invites.
type rolePicker struct {
	name   string
	cursor int
}

// inviteRoles are the roles an invite offers, the most common first.
func inviteRoles() []crisis.Role {
	return []crisis.Role{crisis.RoleResponder, crisis.RoleViewer, crisis.RoleLead}
}

// inviteCard is a fresh invite, shown to the lead who made it until a key
// is pressed: the code is never stored in clear, so it is shown only now.
type inviteCard struct {
	inv  crisis.Invite
	code string
}
