package oncall

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// templatePicker chooses the checklist to start.
type templatePicker struct{ cursor int }

// onCallPrompt asks for one line (an un-tick's reason, a run's label) and
// hands it to submit.
type onCallPrompt struct {
	title      string
	input      kit.Input
	allowEmpty bool
	submit     func(string) tea.Cmd
	// confirm is the question asked before typed text is dropped.
	confirm kit.Confirm
}

func newOnCallPrompt(o *onCall, title, hint string, submit func(string) tea.Cmd) *onCallPrompt {
	in := kit.NewTextInput(o.s, "> ", hint, crisis.MaxReason)
	in.SetWidth(max(o.width-4, 10))
	return &onCallPrompt{title: title, input: in, submit: submit}
}

// handoverForm writes a shift handover: three text areas in Tab order.
type handoverForm struct {
	s       *kit.Session
	t       *Text
	k       *onCallKeys
	areas   [3]kit.Area
	focus   int
	err     string
	saving  bool
	confirm kit.Confirm

	width, height int
}

func newHandoverForm(s *kit.Session, t *Text, k *onCallKeys, width, height int) *handoverForm {
	f := &handoverForm{s: s, t: t, k: k}
	for i, holder := range []string{t.SituationHolder, t.OpenHolder, t.NextHolder} {
		f.areas[i] = kit.NewFormArea(s, holder, crisis.MaxHandoverPart+1) // over the limit: refused with its message
	}
	f.setSize(width, height)
	return f
}

// setSize shares the height between the three areas: the situation gets
// what the two others leave.
func (f *handoverForm) setSize(width, height int) {
	f.width, f.height = width, height
	// Title, a blank, three labels, the hint and the error line.
	room := max(height-7, 3)
	small := max(room/4, 1)
	for i := range f.areas {
		f.areas[i].SetWidth(max(width-4, 10))
		h := small
		if i == 0 {
			h = max(room-2*small, 1)
		}
		f.areas[i].SetHeight(h)
	}
}

func (f *handoverForm) focusCmd() tea.Cmd {
	for i := range f.areas {
		f.areas[i].Blur()
	}
	return f.areas[f.focus].Focus()
}

func (f *handoverForm) setError(msg string) { f.saving, f.err = false, msg }

func (f *handoverForm) note() crisis.HandoverNote {
	return crisis.HandoverNote{Situation: f.areas[0].Value(), OpenItems: f.areas[1].Value(), NextSteps: f.areas[2].Value()}
}

func (f *handoverForm) empty() bool {
	for _, a := range f.areas {
		if strings.TrimSpace(a.Value()) != "" {
			return false
		}
	}
	return true
}

func (f *handoverForm) key(msg tea.KeyPressMsg) (kit.FormAction, tea.Cmd) {
	k := f.k
	if f.confirm != kit.ConfirmNone {
		// Any key but yes answers no.
		act := f.confirm.Answer(msg, k.Yes, k.No)
		f.confirm = kit.ConfirmNone
		return act, nil
	}
	if f.saving {
		return kit.FormNone, nil
	}
	switch {
	case key.Matches(msg, k.ForceQuit):
		return f.confirm.Leave(kit.FormQuit, !f.empty()), nil
	case key.Matches(msg, k.Cancel):
		return f.confirm.Leave(kit.FormCancel, !f.empty()), nil
	case key.Matches(msg, k.Save):
		return kit.FormSave, nil
	case key.Matches(msg, k.NextField):
		f.focus = kit.StepField(f.focus, 1, len(f.areas))
		return kit.FormNone, f.focusCmd()
	case key.Matches(msg, k.PrevField):
		f.focus = kit.StepField(f.focus, -1, len(f.areas))
		return kit.FormNone, f.focusCmd()
	}
	return kit.FormNone, f.update(msg)
}

func (f *handoverForm) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	f.areas[f.focus], cmd = f.areas[f.focus].Update(msg)
	return cmd
}

func (f *handoverForm) view() string {
	sty := f.s.St
	out := []string{" " + sty.FormTitle.Render(f.t.FormTitle), ""}
	for i, label := range []string{f.t.Situation, f.t.OpenItems, f.t.NextSteps} {
		l := sty.Label
		if i == f.focus {
			l = sty.LabelFocused
		}
		out = append(out, " "+l.Render(label))
		for _, line := range strings.Split(f.areas[i].View(), "\n") {
			out = append(out, " "+line)
		}
	}
	switch {
	case f.confirm == kit.ConfirmDiscard:
		out = append(out, " "+sty.Confirm.Render(f.t.ConfirmDiscard))
	case f.confirm == kit.ConfirmQuit:
		out = append(out, " "+sty.Confirm.Render(f.t.ConfirmQuit))
	case f.err != "":
		for _, line := range kit.ErrorLines(f.err, f.width) {
			out = append(out, " "+sty.FormError.Render(line))
		}
	case f.saving:
		out = append(out, " "+sty.Hint.Render(f.s.Text.Saving))
	default:
		out = append(out, " "+sty.Hint.Render(f.t.FormHint))
	}
	return strings.Join(out, "\n")
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
