package kit

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cellule/crisis"
)

// Form is the one form of the console: every tab's form, prompt and
// picker is a Form of fields, so Tab, Ctrl+S, Esc, an error beside its
// field and the help read the same everywhere. The editing inside a text
// field is bubbles' textinput and textarea (bounded by Input and Area);
// huh was looked at and left: its forms own their layout, their keys and
// their errors' places, where ours must sit in the tab's pane, keep
// Ctrl+S, refuse past a limit with a message, and show the service's own
// refusals beside the field they are about.
type Form struct {
	s      *Session
	Fields []*Field
	Focus  int

	// Head and Foot are the lines above and below the fields, drawn for a
	// width (a title, a hint).
	Head, Foot func(width int) []string
	// Discard is the question asked before typed text is dropped; Quit,
	// when set, the one asked before quitting drops it.
	Discard, Quit string
	// EnterSaves: Enter saves from any field but a multi-line one; without
	// it Enter moves on, and saves from the last field.
	EnterSaves bool
	// Dirty, when set, says whether leaving asks first; by default a text
	// field changed since the form opened does.
	Dirty func() bool
	// Compact: no blank line stands for an empty status (a prompt under a
	// list).
	Compact bool
	// Idle is the hint the status line shows when it has nothing to say.
	Idle string

	err     string // a refusal that names no field
	Confirm Confirm
	Saving  bool

	width, height int
}

// FieldKind is what a field holds.
type FieldKind int

const (
	FieldText   FieldKind = iota // one line
	FieldArea                    // several lines
	FieldChoice                  // one of a few words, in a row
	FieldPicker                  // one of a list, searched as typed
	FieldTime                    // a typed date and time, read by the service
	FieldYesNo
)

// Field is one field of a Form.
type Field struct {
	Kind  FieldKind
	Label string
	// After is a hint after the input; Below one under it.
	After, Below string

	Input Input // FieldText, FieldTime, and FieldPicker's search
	Area  Area  // FieldArea
	// Height is a FieldArea's lines; 0 shares what the others leave.
	Height int
	// Width is a one-line field's widest, in cells (0: the form's width).
	Width int

	// Choices are a FieldChoice's or FieldPicker's labels; Chosen the
	// index in effect.
	Choices []string
	Chosen  int
	// ChosenStyle, when set, draws the chosen word of a blurred choice.
	ChosenStyle func(i int) lipgloss.Style
	// Current marks a picker's row as what the record has now (-1: none).
	Current     int
	CurrentText string
	// Search: a picker filters its list as typed; without it a picker is a
	// plain list (j/k move).
	Search bool
	// Rows is how many rows of a picker show; 0 shows them all that fit.
	Rows int
	// Inline: the picker's line shows the choice in effect, and its rows
	// only while it has the keyboard.
	Inline bool

	Yes bool // FieldYesNo

	// Check reads a FieldTime's text (with the service's time reader) and
	// returns its refusal, shown beside the field; "" when readable.
	Check func(string) string
	// Codes are the prefixes of the service's refusal codes about this
	// field: such a refusal is shown beside it.
	Codes []string
	// Gap: a blank line before the field.
	Gap bool
	// Help is the field's own keys, for the form's help.
	Help []key.Binding

	Err     string
	initial string
	matches []int // FieldPicker: the choices the search lets through
	top     int   // FieldPicker: first row shown
}

// NewForm is an empty form of s, width x height cells.
func NewForm(s *Session, width, height int) *Form {
	return &Form{s: s, width: width, height: height}
}

// Text adds a one-line field holding value.
func (f *Form) Text(label, value, placeholder string, limit int) *Field {
	in := NewTextInput(f.s, "", placeholder, limit)
	in.SetValue(value)
	in.CursorEnd()
	return f.add(&Field{Kind: FieldText, Label: label, Input: in, initial: strings.TrimSpace(value)})
}

// Time adds a date and time field; check is the service's reader.
func (f *Form) Time(label, value, placeholder string, check func(string) string) *Field {
	fl := f.Text(label, value, placeholder, 40)
	fl.Kind, fl.Check = FieldTime, check
	return fl
}

// Area adds a multi-line field holding value.
func (f *Form) AreaField(label, value, placeholder string, limit int) *Field {
	a := NewFormArea(f.s, placeholder, limit)
	a.SetValue(value)
	return f.add(&Field{Kind: FieldArea, Label: label, Area: a, initial: strings.TrimSpace(value)})
}

// Choice adds a row of words, chosen selected.
func (f *Form) Choice(label string, choices []string, chosen int) *Field {
	return f.add(&Field{Kind: FieldChoice, Label: label, Choices: choices, Chosen: chosen, Current: -1})
}

// Picker adds a list to choose from, chosen selected; search makes it
// filter as typed.
func (f *Form) Picker(label string, choices []string, chosen int, search bool) *Field {
	fl := &Field{Kind: FieldPicker, Label: label, Choices: choices, Chosen: chosen, Current: -1, Search: search}
	if search {
		fl.Input = NewTextInput(f.s, "/ ", f.s.Text.SearchHint, 40)
	}
	fl.filter()
	return f.add(fl)
}

// YesNo adds a yes/no field.
func (f *Form) YesNo(label string, yes bool) *Field {
	return f.add(&Field{Kind: FieldYesNo, Label: label, Yes: yes, Current: -1})
}

func (f *Form) add(fl *Field) *Field {
	f.Fields = append(f.Fields, fl)
	f.layout()
	return fl
}

// Value is a text field's text.
func (fl *Field) Value() string {
	switch fl.Kind {
	case FieldArea:
		return fl.Area.Value()
	case FieldText, FieldTime:
		return fl.Input.Value()
	}
	return ""
}

// Changed says a text field differs from what it opened with.
func (fl *Field) Changed() bool {
	switch fl.Kind {
	case FieldArea, FieldText, FieldTime:
		return strings.TrimSpace(fl.Value()) != fl.initial
	}
	return false
}

// Focused is the field with the keyboard.
func (f *Form) Focused() *Field { return f.Fields[f.Focus] }

// SetFocus gives the keyboard to field i.
func (f *Form) SetFocus(i int) tea.Cmd {
	f.Focus = i
	return f.FocusCmd()
}

// FocusCmd gives the keyboard to the focused field's input.
func (f *Form) FocusCmd() tea.Cmd {
	var cmd tea.Cmd
	for i, fl := range f.Fields {
		in := fl.Kind == FieldText || fl.Kind == FieldTime || (fl.Kind == FieldPicker && fl.Search)
		switch {
		case fl.Kind == FieldArea && i == f.Focus:
			cmd = fl.Area.Focus()
		case fl.Kind == FieldArea:
			fl.Area.Blur()
		case in && i == f.Focus:
			cmd = fl.Input.Focus()
		case in:
			fl.Input.Blur()
		}
	}
	f.layout()
	return cmd
}

// SetSize fits the form to width x height cells.
func (f *Form) SetSize(width, height int) {
	f.width, f.height = width, height
	f.layout()
}

// Width is the form's width.
func (f *Form) Width() int { return f.width }

// IsDirty says whether leaving asks first.
func (f *Form) IsDirty() bool {
	if f.Dirty != nil {
		return f.Dirty()
	}
	for _, fl := range f.Fields {
		if fl.Changed() {
			return true
		}
	}
	return false
}

// StartSaving shows that the save is on its way; errors are cleared.
func (f *Form) StartSaving() {
	f.Saving, f.err = false, ""
	for _, fl := range f.Fields {
		fl.Err = ""
	}
	f.Saving = true
	f.layout()
}

// Fail shows the service's refusal of a save, beside the field it is
// about when its code names one; the form stays open with what was typed.
func (f *Form) Fail(err error) {
	f.Saving = false
	msg := f.s.Text.ErrText(err)
	var ce *crisis.Error
	if errors.As(err, &ce) {
		for i, fl := range f.Fields {
			for _, p := range fl.Codes {
				if strings.HasPrefix(ce.Code, p) {
					fl.Err = msg
					f.Focus = i
					f.FocusCmd()
					return
				}
			}
		}
	}
	f.err = msg
	f.layout()
}

// FailField shows why field fl cannot be read, beside it.
func (f *Form) FailField(fl *Field, msg string) {
	f.Saving, fl.Err = false, msg
	for i, x := range f.Fields {
		if x == fl {
			f.Focus = i
		}
	}
	f.FocusCmd()
}

// FailText shows a refusal that names no field.
func (f *Form) FailText(msg string) {
	f.Saving, f.err = false, msg
	f.layout()
}

// Error is the refusal shown under the fields, if any.
func (f *Form) Error() string { return f.err }

// Key handles a key press; the owner acts on the returned action (on
// FormSave it sends the form, calling StartSaving).
func (f *Form) Key(msg tea.KeyPressMsg) (FormAction, tea.Cmd) {
	k := f.s.Keys
	if f.Saving {
		// The answer is on its way; only quitting is possible, and asked
		// about, since the save may yet fail.
		if f.Confirm == ConfirmNone && key.Matches(msg, k.ForceQuit) {
			return f.Confirm.Leave(FormQuit, f.IsDirty()), nil
		}
		if f.Confirm == ConfirmNone {
			return FormNone, nil
		}
	}
	if f.Confirm != ConfirmNone {
		return f.Confirm.Answer(msg, k.Yes, k.No), nil
	}
	fl := f.Focused()
	switch {
	case key.Matches(msg, k.Save):
		return f.save(), nil
	case key.Matches(msg, k.Cancel):
		return f.Confirm.Leave(FormCancel, f.IsDirty()), nil
	case key.Matches(msg, k.ForceQuit):
		return f.Confirm.Leave(FormQuit, f.IsDirty()), nil
	case key.Matches(msg, k.NextField) && len(f.Fields) > 1:
		return FormNone, f.SetFocus(StepField(f.Focus, 1, len(f.Fields)))
	case key.Matches(msg, k.PrevField) && len(f.Fields) > 1:
		return FormNone, f.SetFocus(StepField(f.Focus, -1, len(f.Fields)))
	case msg.Code == tea.KeyEnter && fl.Kind != FieldArea:
		if f.EnterSaves || f.Focus == len(f.Fields)-1 {
			return f.save(), nil
		}
		return FormNone, f.SetFocus(f.Focus + 1)
	}
	return FormNone, f.fieldKey(fl, msg)
}

// save checks the fields the form can read itself (a time) and asks the
// owner to save when they read.
func (f *Form) save() FormAction {
	bad := -1
	for i, fl := range f.Fields {
		if fl.Check == nil || !fl.Changed() {
			// A time left as it opened is the record's, not the typist's:
			// a late task's due time stays past.
			continue
		}
		fl.Err = ""
		if v := strings.TrimSpace(fl.Value()); v != "" {
			fl.Err = fl.Check(v)
		}
		if fl.Err != "" && bad < 0 {
			bad = i
		}
	}
	if bad >= 0 {
		f.SetFocus(bad)
		return FormNone
	}
	return FormSave
}

// fieldKey is a key for the focused field; a field that changes loses its
// error, and so does the form.
func (f *Form) fieldKey(fl *Field, msg tea.KeyPressMsg) tea.Cmd {
	k := f.s.Keys
	before := fl.state()
	var cmd tea.Cmd
	switch fl.Kind {
	case FieldChoice:
		n := len(fl.Choices)
		switch {
		case key.Matches(msg, k.KindPrev):
			fl.Chosen = StepField(fl.Chosen, -1, n)
		case key.Matches(msg, k.KindNext):
			fl.Chosen = StepField(fl.Chosen, 1, n)
		case msg.Text != "":
			fl.Chosen = NextByLetter(fl.Choices, fl.Chosen, msg.Text)
		}
	case FieldYesNo:
		switch {
		case msg.Text == "y" || msg.Text == "Y" || msg.Text == "o" || msg.Text == "O": // o: oui
			fl.Yes = true
		case msg.Text == "n" || msg.Text == "N":
			fl.Yes = false
		case key.Matches(msg, k.KindPrev), key.Matches(msg, k.KindNext), msg.Text == " ":
			fl.Yes = !fl.Yes
		}
	case FieldPicker:
		cmd = fl.pickerKey(k, msg)
	default:
		cmd = f.Update(msg)
	}
	if fl.state() != before {
		f.changed(fl)
	}
	return cmd
}

// state is what a change of the field is told by.
func (fl *Field) state() string {
	switch fl.Kind {
	case FieldChoice, FieldPicker:
		return string(rune(fl.Chosen + 1))
	case FieldYesNo:
		if fl.Yes {
			return "y"
		}
		return "n"
	}
	return fl.Value()
}

// changed clears the errors a change may have answered.
func (f *Form) changed(fl *Field) {
	if fl.Err != "" || f.err != "" {
		fl.Err, f.err = "", ""
		f.layout()
	}
}

// Update feeds a message (a key, a paste) to the focused text field; not
// while the form asks its question.
func (f *Form) Update(msg tea.Msg) tea.Cmd {
	if f.Confirm != ConfirmNone || len(f.Fields) == 0 {
		return nil
	}
	fl := f.Focused()
	before := fl.state()
	var cmd tea.Cmd
	switch fl.Kind {
	case FieldArea:
		fl.Area, cmd = fl.Area.Update(msg)
	case FieldText, FieldTime:
		fl.Input, cmd = fl.Input.Update(msg)
	case FieldPicker:
		if fl.Search {
			fl.Input, cmd = fl.Input.Update(msg)
			fl.filter()
		}
	}
	if fl.state() != before {
		f.changed(fl)
	}
	return cmd
}

// pickerKey moves through a picker's list, or types in its search.
func (fl *Field) pickerKey(k *Keys, msg tea.KeyPressMsg) tea.Cmd {
	pos := fl.pos()
	switch {
	case msg.Code == tea.KeyUp, msg.Code == tea.KeyLeft, !fl.Search && msg.Text == "k":
		pos--
	case msg.Code == tea.KeyDown, msg.Code == tea.KeyRight, !fl.Search && msg.Text == "j":
		pos++
	case msg.Code == tea.KeyPgUp:
		pos -= 5
	case msg.Code == tea.KeyPgDown:
		pos += 5
	default:
		if !fl.Search {
			return nil
		}
		var cmd tea.Cmd
		fl.Input, cmd = fl.Input.Update(msg)
		fl.filter()
		return cmd
	}
	if len(fl.matches) > 0 {
		fl.Chosen = fl.matches[MoveCursor(pos, 0, len(fl.matches))]
	}
	return nil
}

// pos is the chosen one's place among the matches (-1 when filtered out).
func (fl *Field) pos() int {
	for i, m := range fl.matches {
		if m == fl.Chosen {
			return i
		}
	}
	return -1
}

// filter keeps the choices whose label holds the search; the choice in
// effect moves to the first of them when the search hides it, so what is
// saved is always what is shown.
func (fl *Field) filter() {
	q := crisis.FoldForSearch(strings.TrimSpace(fl.Input.Value()))
	fl.matches = fl.matches[:0]
	for i, c := range fl.Choices {
		if q == "" || strings.Contains(crisis.FoldForSearch(c), q) {
			fl.matches = append(fl.matches, i)
		}
	}
	if fl.pos() < 0 && len(fl.matches) > 0 {
		fl.Chosen = fl.matches[0]
	}
}

// NoMatch says a picker's search lets nothing through: saving it would
// save a choice not shown, so the owner refuses.
func (fl *Field) NoMatch() bool { return fl.Kind == FieldPicker && len(fl.matches) == 0 }

// layout gives the multi-line fields the lines the rest leaves.
func (f *Form) layout() {
	fixed := len(f.headLines()) + len(f.footLines()) + len(f.statusLines())
	var grow []*Field
	for i, fl := range f.Fields {
		if fl.Kind == FieldArea {
			fixed++ // its label
			if fl.Height > 0 {
				fl.Area.SetHeight(fl.Height)
				fixed += fl.Height
			} else {
				grow = append(grow, fl)
			}
		} else {
			fixed += len(f.fieldLines(i, fl))
		}
		fixed += len(ErrorLines(fl.Err, f.width-LabelWidth))
		if fl.Kind == FieldArea {
			fl.Area.SetWidth(max(f.width-3, 10))
		} else if fl.Kind != FieldPicker || fl.Search {
			w := f.width - LabelWidth - 3 - lipgloss.Width(fl.After)
			if fl.Label == "" {
				w = f.width - lipgloss.Width(fl.Input.Prompt) - 3
			}
			if fl.Kind == FieldTime {
				w = min(w, 40)
			}
			if fl.Width > 0 {
				w = min(w, fl.Width)
			}
			if fl.Kind == FieldPicker && fl.Inline {
				w = min(w, 24) // after the choice, on the field's line
			}
			fl.Input.SetWidth(max(w, 4))
		}
	}
	if len(grow) == 0 {
		return
	}
	room := max(f.height-fixed, 2*len(grow))
	for i, fl := range grow {
		h := room / len(grow)
		if i == 0 {
			h += room % len(grow)
		}
		fl.Area.SetHeight(max(h, 1))
	}
}

func (f *Form) headLines() []string {
	if f.Head == nil {
		return nil
	}
	return f.Head(f.width)
}

func (f *Form) footLines() []string {
	if f.Foot == nil {
		return nil
	}
	return f.Foot(f.width)
}

// statusLines are the question asked, the save on its way, or a refusal
// that names no field; one blank line when there is none.
func (f *Form) statusLines() []string {
	if f.Confirm == ConfirmQuit && f.Quit != "" {
		return []string{" " + f.s.St.Confirm.Render(f.Quit)}
	}
	lines := f.s.FormStatus(f.Confirm, f.Discard, f.Saving, ErrorLines(f.err, f.width))
	if len(lines) == 0 && f.Idle != "" {
		return []string{" " + f.s.St.Hint.Render(f.Idle)}
	}
	if len(lines) == 0 && !f.Compact {
		return []string{""}
	}
	return lines
}

// label renders field i's name, marked while it has the keyboard.
func (f *Form) label(i int, fl *Field) string {
	return f.s.FieldLabel(i == f.Focus && f.Confirm == ConfirmNone, fl.Label)
}

// fieldLines draws one field (not its error).
func (f *Form) fieldLines(i int, fl *Field) []string {
	sty := f.s.St
	focused := i == f.Focus
	var lines []string
	if fl.Gap {
		lines = append(lines, "")
	}
	switch fl.Kind {
	case FieldArea:
		lines = append(lines, f.label(i, fl))
		for _, l := range strings.Split(fl.Area.View(), "\n") {
			lines = append(lines, "  "+l)
		}
	case FieldText, FieldTime:
		body := fl.Input.View()
		if fl.After != "" {
			body += "  " + sty.Hint.Render(fl.After)
		}
		if fl.Label == "" {
			// A prompt: the input carries its own words.
			lines = append(lines, " "+body)
			break
		}
		lines = append(lines, PadLabel(f.label(i, fl))+body)
	case FieldChoice:
		words := f.s.ChoiceWords(fl.Choices, fl.Chosen, focused)
		if fl.ChosenStyle != nil && !focused {
			words[fl.Chosen] = fl.ChosenStyle(fl.Chosen).Render("[" + fl.Choices[fl.Chosen] + "]")
		}
		lines = append(lines, AfterLabel(f.label(i, fl), strings.Join(words, ""), f.width)...)
	case FieldYesNo:
		t := f.s.Text.Help
		chosen := 1
		if fl.Yes {
			chosen = 0
		}
		lines = append(lines, AfterLabel(f.label(i, fl), strings.Join(f.s.ChoiceWords([]string{t.Yes, t.No}, chosen, focused), ""), f.width)...)
	case FieldPicker:
		lines = f.pickerLines(i, fl)
	}
	if fl.Below != "" {
		lines = append(lines, strings.Repeat(" ", LabelWidth)+sty.Hint.Render(fl.Below))
	}
	return lines
}

// pickerLines draws a picker: its line (the choice in effect, the search)
// and, unless it is inline and blurred, the rows that fit, the choice in
// effect among them.
func (f *Form) pickerLines(i int, fl *Field) []string {
	sty := f.s.St
	focused := i == f.Focus
	var lines []string
	indent := ""
	if fl.Inline {
		chosen := ""
		if len(fl.Choices) > 0 {
			chosen = fl.Choices[fl.Chosen]
		}
		word := sty.FormTitle.Render("[" + chosen + "]")
		if focused {
			word = sty.Chosen.Render("[" + chosen + "]")
		}
		line := PadLabel(f.label(i, fl)) + word
		if fl.Search && focused {
			line += "  " + fl.Input.View()
		}
		lines = append(lines, Cut(line, f.width))
		if !focused {
			return lines
		}
		indent = strings.Repeat(" ", LabelWidth-3)
	} else if fl.Search {
		lines = append(lines, " "+fl.Input.View())
	}
	if len(fl.matches) == 0 {
		return append(lines, indent+"    "+sty.Hint.Render(f.s.Text.NoMatch))
	}
	rows := fl.Rows
	if rows <= 0 {
		rows = len(fl.matches)
	}
	rows = min(rows, len(fl.matches))
	pos := max(fl.pos(), 0)
	fl.top = Scroll(fl.top, pos, pos, rows, len(fl.matches))
	for _, m := range fl.matches[fl.top:min(fl.top+rows, len(fl.matches))] {
		label := fl.Choices[m]
		line := indent + "    " + label + " "
		if m == fl.Chosen {
			line = indent + sty.PickerCursor.Render(" › ") + sty.Chosen.Render(" "+label+" ")
		} else if fl.ChosenStyle != nil {
			line = indent + "    " + fl.ChosenStyle(m).Render(label) + " "
		}
		if m == fl.Current {
			line += " " + sty.PickerCurrent.Render(fl.CurrentText)
		}
		line = Cut(line, f.width)
		if m == fl.Chosen {
			// The choice in effect is marked across the whole width, as
			// the selected row of every list is.
			line = sty.SelectRow(line, f.width)
		}
		lines = append(lines, line)
	}
	return lines
}

// View draws the form in its width x height.
func (f *Form) View() string {
	return FitHeight(strings.Join(f.Lines(), "\n"), f.height)
}

// Lines draws the form's lines, as many as it needs.
func (f *Form) Lines() []string {
	f.layout()
	sty := f.s.St
	lines := append([]string(nil), f.headLines()...)
	for i, fl := range f.Fields {
		lines = append(lines, f.fieldLines(i, fl)...)
		indent := LabelWidth
		if fl.Label == "" {
			indent = 1 // under a prompt
		}
		for _, l := range ErrorLines(fl.Err, f.width-indent) {
			lines = append(lines, strings.Repeat(" ", indent)+sty.FormError.Render(l))
		}
	}
	lines = append(lines, f.footLines()...)
	return append(lines, f.statusLines()...)
}

// Help is the form's keys: its question's answers while it asks one,
// else save, cancel, the field keys and the focused field's own keys.
func (f *Form) Help() HelpKeys {
	k := f.s.Keys
	if f.Confirm != ConfirmNone {
		return k.ConfirmHelp()
	}
	var extra []key.Binding
	if len(f.Fields) > 0 {
		fl := f.Focused()
		extra = fl.Help
		if extra == nil {
			switch fl.Kind {
			case FieldChoice, FieldYesNo:
				extra = []key.Binding{k.Pick}
			case FieldPicker:
				extra = []key.Binding{k.PickUp}
				if fl.Search {
					extra = append(extra, k.Search)
				}
			}
		}
	}
	keys := []key.Binding{k.Save, k.Cancel}
	if len(f.Fields) > 1 {
		keys = append(keys, k.NextField)
	}
	short := append(append([]key.Binding(nil), keys...), extra...)
	if len(f.Fields) > 1 && len(extra) == 0 {
		short = append(short, k.PrevField)
	}
	if len(f.Fields) > 1 {
		keys = append(keys, k.PrevField)
	}
	// The one-line footer gives shift+tab's place to the field's own keys;
	// the full help has them all.
	return HelpKeys{Short: short, Full: [][]key.Binding{append(keys, extra...)}}
}
