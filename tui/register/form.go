package register

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"cellule/crisis"
	"cellule/tui/kit"
)

// assetForm registers an asset (asset 0) or changes one's state: a kit
// form, the kind and the state chosen from the register's own words (a
// searched list for the kinds, which are many), the texts bounded one rune
// past the service's limits.
type assetForm struct {
	*kit.Form
	title  string
	asset  uint64
	kind   *kit.Field // registering only
	state  *kit.Field
	states []crisis.AssetState
	texts  map[string]*kit.Field
}

func newForm(s *kit.Session, tx *Text, width int, title string) *assetForm {
	f := &assetForm{Form: kit.NewForm(s, width, 24), title: title, texts: map[string]*kit.Field{}}
	sty := s.St
	f.Head = func(width int) []string {
		return []string{" " + sty.FormTitle.Render(kit.Cut(f.title, width-2)), ""}
	}
	f.Discard = tx.ConfirmDiscard
	return f
}

func (f *assetForm) text(name, label string, limit int) {
	fl := f.Text(label, "", "", limit+1)
	fl.Codes = []string{"register." + name}
	f.texts[name] = fl
}

func newAddForm(s *kit.Session, tx *Text, width int) *assetForm {
	f := newForm(s, tx, width, tx.AddTitle)
	kinds := make([]string, len(crisis.AssetKinds))
	for i, k := range crisis.AssetKinds {
		kinds[i] = string(k)
	}
	f.kind = f.Picker(tx.KindField, kinds, 0, true)
	f.kind.Inline, f.kind.Rows = true, 4
	f.kind.Codes = []string{"register.kind"}
	f.text("identifier", tx.IdentifierField, crisis.MaxAssetIdentifier)
	// The states in the order a case goes through them (the service
	// refuses one the kind does not take: an indicator is not contained).
	f.states = []crisis.AssetState{crisis.AssetSuspected, crisis.AssetCompromised, crisis.AssetContained,
		crisis.AssetRemediated, crisis.AssetCleared, crisis.AssetConfirmed, crisis.AssetBlocked}
	f.addState(tx, crisis.AssetSuspected)
	f.text("owner", tx.OwnerField, crisis.MaxAssetOwner)
	f.text("item", tx.ItemField, 64)
	f.text("note", tx.NoteField, crisis.MaxAssetNote)
	f.text("evidence", tx.EvidenceField, crisis.MaxAssetEvidence)
	f.SetFocus(0)
	return f
}

func newChangeForm(s *kit.Session, tx *Text, width int, a crisis.Asset) *assetForm {
	f := newForm(s, tx, width, fmt.Sprintf(tx.ChangeTitle, a.ID, crisis.SanitizeLine(a.Identifier), tx.state(a.State)))
	f.asset = a.ID
	f.states = crisis.NextStates(a.Class(), a.State)
	if len(f.states) > 0 {
		f.addState(tx, f.states[0])
	}
	f.text("note", tx.NoteField, crisis.MaxAssetNote)
	f.text("evidence", tx.EvidenceField, crisis.MaxAssetEvidence)
	f.SetFocus(0)
	return f
}

// addState adds the state choice, def chosen.
func (f *assetForm) addState(tx *Text, def crisis.AssetState) {
	words, chosen := make([]string, len(f.states)), 0
	for i, st := range f.states {
		words[i] = string(st)
		if st == def {
			chosen = i
		}
	}
	f.state = f.Choice(tx.StateField, words, chosen)
	f.state.Codes = []string{"register.state", "register.move"}
}

// value is a text field's text, trimmed.
func (f *assetForm) value(name string) string {
	if fl, ok := f.texts[name]; ok {
		return strings.TrimSpace(fl.Value())
	}
	return ""
}

// stateWord is the state chosen ("" when there is none to choose).
func (f *assetForm) stateWord() string {
	if f.state == nil || len(f.states) == 0 {
		return ""
	}
	return string(f.states[f.state.Chosen])
}

// kindWord is the kind chosen.
func (f *assetForm) kindWord() string {
	if f.kind == nil || f.kind.NoMatch() {
		return ""
	}
	return string(crisis.AssetKinds[f.kind.Chosen])
}

func (f *assetForm) update(msg tea.Msg) tea.Cmd { return f.Update(msg) }

func (f *assetForm) view(height int) string {
	f.SetSize(f.Width(), height)
	return f.View()
}
