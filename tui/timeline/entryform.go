package timeline

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// formField is a field of the entry form, in Tab order.
type formField int

const (
	fieldKind formField = iota
	fieldText
	fieldWhen
)

// entryForm writes a new logbook entry, or a correction of one: a kit.Form
// of the kind, the text and when it happened. The kinds are the ones a
// person may write (a closure is written by closing the crisis).
type entryForm struct {
	*kit.Form
	s      *kit.Session
	amends uint64 // the entry corrected; 0 for a new entry
}

func newEntryForm(s *kit.Session, tx *Text, st *styles, orig *crisis.Entry, width, height int) *entryForm {
	f := &entryForm{Form: kit.NewForm(s, width, height), s: s}
	kind, text, origText := 0, "", ""
	if orig != nil {
		f.amends = orig.ID
		origText = crisis.SanitizeLine(orig.Text)
		for i, k := range crisis.WritableKinds {
			if k == orig.Kind {
				kind = i
			}
		}
		// A correction starts from the text it corrects, to be edited.
		text = crisis.Sanitize(orig.Text)
	}
	sty := s.St
	f.Head = func(width int) []string {
		title := tx.NewEntryTitle
		if f.amends != 0 {
			title = fmt.Sprintf(tx.CorrectTitle, f.amends)
		}
		lines := []string{" " + sty.FormTitle.Render(title)}
		if f.amends != 0 {
			o := fmt.Sprintf(tx.Original, f.amends, origText)
			lines = append(lines, " "+st.original.Render(kit.Cut(o, width-2)))
		}
		return append(lines, "")
	}
	f.Foot = func(int) []string { return []string{""} }
	f.Discard = s.Text.ConfirmDiscard

	labels := make([]string, len(crisis.WritableKinds))
	for i, kd := range crisis.WritableKinds {
		labels[i] = s.Text.Kind(kd)
	}
	kf := f.Choice(tx.KindField, labels, kind)
	kf.ChosenStyle = func(i int) lipgloss.Style { return st.kindStyle(crisis.WritableKinds[i]) }

	// One rune over the limit: a longer paste is cut there and then refused
	// by the service with its message, never saved cut short in silence.
	tf := f.AreaField(tx.TextField, text, tx.TextPlaceholder, crisis.MaxEntryBytes+1)
	tf.Codes = []string{"entry."}
	if orig != nil {
		tf.Area.MoveToEnd()
	}

	svc := s.Svc
	wf := f.Time(tx.WhenField, "", tx.WhenPlaceholder, func(v string) string {
		_, err := crisis.ParseWhen(v, svc.Now(), svc.Location())
		var ce *crisis.Error
		if errors.As(err, &ce) && ce.Code == "when.too-early" {
			return "" // the service reads it against the crisis's opening
		}
		if err != nil {
			return s.Text.ErrText(err)
		}
		return ""
	})
	wf.Below = fmt.Sprintf(tx.WhenHint, svc.Now().In(svc.Location()).Format("MST"))
	wf.Codes = []string{"when."}

	f.Focus = int(fieldText)
	f.SetSize(width, height)
	return f
}

// kind is the chosen kind.
func (f *entryForm) kind() crisis.Kind { return crisis.WritableKinds[f.Fields[fieldKind].Chosen] }

func (f *entryForm) focusCmd() tea.Cmd { return f.FocusCmd() }

func (f *entryForm) setSize(width, height int) { f.SetSize(width, height) }

func (f *entryForm) dirty() bool { return f.IsDirty() }

func (f *entryForm) draft() crisis.Draft {
	return crisis.Draft{Kind: f.kind(), Text: f.Fields[fieldText].Value(), When: f.Fields[fieldWhen].Value()}
}

func (f *entryForm) key(msg tea.KeyPressMsg) (kit.FormAction, tea.Cmd) { return f.Key(msg) }

func (f *entryForm) update(msg tea.Msg) tea.Cmd { return f.Update(msg) }

func (f *entryForm) view() string { return f.View() }

// help lists the form's keys: only y/n while it asks a question.
func (f *entryForm) help() kit.HelpKeys {
	if f.Focus == int(fieldKind) && f.Confirm == kit.ConfirmNone {
		k := f.s.Keys
		return k.FormHelp(f.Confirm, k.KindPrev)
	}
	return f.Help()
}

// isCorrection: the form corrects an entry.
func (f *entryForm) isCorrection() bool { return f.amends != 0 }
