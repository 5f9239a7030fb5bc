package register

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// assetForm registers an asset (asset 0) or changes one's state: a few
// one-line fields, each bounded one rune past the service's limit.
type assetForm struct {
	s      *kit.Session
	title  string
	hint   map[int]string
	labels []string
	fields []kit.Input
	focus  int
	width  int
	asset  uint64
	saving bool
	err    string
}

func field(s *kit.Session, limit int) kit.Input {
	return kit.NewTextInput(s, "", "", limit+1)
}

func newAddForm(s *kit.Session, tx *Text, width int) *assetForm {
	f := &assetForm{s: s, title: tx.AddTitle, width: width,
		labels: []string{tx.KindField, tx.IdentifierField, tx.StateField, tx.OwnerField, tx.ItemField, tx.NoteField, tx.EvidenceField},
		hint:   map[int]string{0: tx.KindHint, 2: tx.StateHint}}
	limits := []int{32, crisis.MaxAssetIdentifier, 32, crisis.MaxAssetOwner, 64, crisis.MaxAssetNote, crisis.MaxAssetEvidence}
	for _, l := range limits {
		f.fields = append(f.fields, field(s, l))
	}
	f.focusOn(0)
	return f
}

func newChangeForm(s *kit.Session, tx *Text, width int, a crisis.Asset) *assetForm {
	f := &assetForm{s: s, width: width, asset: a.ID,
		title:  fmt.Sprintf(tx.ChangeTitle, a.ID, crisis.SanitizeLine(a.Identifier), tx.state(a.State)),
		labels: []string{tx.StateField, tx.NoteField, tx.EvidenceField}}
	next := crisis.NextStates(a.Class(), a.State)
	words := make([]string, len(next))
	for i, st := range next {
		words[i] = string(st)
	}
	f.hint = map[int]string{0: strings.Join(words, ", ")}
	for _, l := range []int{32, crisis.MaxAssetNote, crisis.MaxAssetEvidence} {
		f.fields = append(f.fields, field(s, l))
	}
	f.focusOn(0)
	return f
}

func (f *assetForm) focusOn(i int) {
	for j := range f.fields {
		f.fields[j].Blur()
	}
	f.focus = i
	f.fields[i].Focus()
}

func (f *assetForm) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	f.fields[f.focus], cmd = f.fields[f.focus].Update(msg)
	return cmd
}

func (f *assetForm) values() []string {
	v := make([]string, len(f.fields))
	for i := range f.fields {
		v[i] = f.fields[i].Value()
	}
	return v
}

func (f *assetForm) dirty() bool {
	for i := range f.fields {
		if f.fields[i].Value() != "" {
			return true
		}
	}
	return false
}

func (f *assetForm) view(height int) string {
	sty := f.s.St
	lines := []string{" " + sty.FormTitle.Render(f.title), ""}
	for i := range f.fields {
		f.fields[i].SetWidth(max(f.width-kit.LabelWidth-3, 10))
		lines = append(lines, " "+kit.PadLabel(f.s.FieldLabel(i == f.focus, f.labels[i]))+f.fields[i].View())
		if h, ok := f.hint[i]; ok && i == f.focus {
			for _, l := range kit.AfterLabel("", sty.Hint.Render(h), f.width-1) {
				lines = append(lines, " "+l)
			}
		}
	}
	lines = append(lines, "")
	var errLines []string
	if f.err != "" {
		errLines = kit.ErrorLines(f.err, f.width-2)
	}
	lines = append(lines, f.s.FormStatus(kit.ConfirmNone, "", f.saving, errLines)...)
	for i := range lines {
		lines[i] = kit.Cut(lines[i], f.width)
	}
	return kit.FitHeight(strings.Join(lines, "\n"), height)
}
