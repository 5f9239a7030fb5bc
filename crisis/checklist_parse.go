package crisis

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxImportBytes bounds a file of checklists or contacts: a few hundred
// lines, not a disk image sent by mistake.
const MaxImportBytes = 1 << 20

// LineError is one rejected line of an imported file: its number (1 for
// the first line) and why.
type LineError struct {
	Line int
	Err  error
}

func (e LineError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, Message(e.Err))
}

// ParsedTemplate is a checklist read from a file, and the line it starts on.
type ParsedTemplate struct {
	Line     int
	Template ChecklistTemplate
}

// TemplateFile is what a checklist file holds: the templates that are
// whole, and the lines that were rejected. A template with any rejected
// line is left out entirely: importing it without a step would renumber
// the steps people follow.
type TemplateFile struct {
	Templates []ParsedTemplate
	Rejected  []LineError
}

// ParseTemplates reads checklists from YAML or from the plain text format
// (see ParseTemplatesText). The plain text format is recognised by its first
// meaningful line, "checklist NAME: TITLE". It is a pure function of its
// input, so it can be fuzzed.
func ParseTemplates(data []byte) TemplateFile {
	if len(data) > MaxImportBytes {
		return TemplateFile{Rejected: []LineError{{Line: 1, Err: invalidf("import.too-big", MaxImportBytes)}}}
	}
	if isTextChecklist(data) {
		return ParseTemplatesText(data)
	}
	return ParseTemplatesYAML(data)
}

func isTextChecklist(data []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), MaxImportBytes+1)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		return strings.HasPrefix(strings.ToLower(l), "checklist ")
	}
	return false
}

// templateBuilder collects one template and the errors of its lines.
type templateBuilder struct {
	line int
	t    ChecklistTemplate
	errs []LineError
}

func (b *templateBuilder) fail(line int, err error) {
	b.errs = append(b.errs, LineError{Line: line, Err: err})
}

// fileBuilder collects the templates of one file.
type fileBuilder struct {
	out   TemplateFile
	names map[string]int
}

// sorted is the file's outcome with the rejected lines in file order (a
// template's own checks come when it ends, after later lines of it).
func (f *fileBuilder) sorted() TemplateFile {
	sort.SliceStable(f.out.Rejected, func(i, j int) bool { return f.out.Rejected[i].Line < f.out.Rejected[j].Line })
	return f.out
}

// finish checks a template as a whole and files it, or its errors.
func (f *fileBuilder) finish(b *templateBuilder) {
	if b == nil {
		return
	}
	t := &b.t
	if len(t.Steps) == 0 && len(b.errs) == 0 {
		b.fail(b.line, invalidf("checklist.no-steps", t.Name))
	}
	if len(t.Steps) > MaxSteps {
		b.fail(b.line, invalidf("checklist.too-many-steps", t.Name, MaxSteps))
	}
	if t.Name != "" {
		if first, dup := f.names[t.Name]; dup {
			b.fail(b.line, invalidf("checklist.duplicate", t.Name, first))
		} else {
			if f.names == nil {
				f.names = map[string]int{}
			}
			f.names[t.Name] = b.line
		}
	}
	if len(b.errs) > 0 {
		f.out.Rejected = append(f.out.Rejected, b.errs...)
		return
	}
	f.out.Templates = append(f.out.Templates, ParsedTemplate{Line: b.line, Template: *t})
}

// checkName and checkTitle are the rules of a template's head.
func (b *templateBuilder) checkName(line int, name string) {
	name = strings.TrimSpace(name)
	if err := validTemplateName(name); err != nil {
		b.fail(line, err)
		return
	}
	if _, builtIn := builtInTemplate(name); builtIn {
		b.fail(line, invalidf("checklist.builtin-name", name))
		return
	}
	b.t.Name = name
}

func (b *templateBuilder) checkTitle(line int, title Localized) {
	out := Localized{}
	for lang, s := range title {
		s, err := cleanText(s, MaxTemplateTitle, "checklist.title-long")
		if err != nil {
			b.fail(line, err)
			return
		}
		if s != "" {
			out[lang] = s
		}
	}
	if len(out) == 0 {
		b.fail(line, invalidf("checklist.title-empty"))
		return
	}
	b.t.Title = out
}

// addStep checks a step's parts and appends it.
func (b *templateBuilder) addStep(line int, text, detail Localized, contact string) {
	st := TemplateStep{Text: Localized{}}
	for lang, s := range text {
		s, err := cleanText(s, MaxStepText, "checklist.step-long")
		if err != nil {
			b.fail(line, err)
			return
		}
		if s != "" {
			st.Text[lang] = s
		}
	}
	if len(st.Text) == 0 {
		b.fail(line, invalidf("checklist.step-empty"))
		return
	}
	for lang, s := range detail {
		s = strings.TrimSpace(Sanitize(s))
		if len([]rune(s)) > MaxStepDetail {
			b.fail(line, invalidf("checklist.detail-long", MaxStepDetail))
			return
		}
		if s != "" {
			if st.Detail == nil {
				st.Detail = Localized{}
			}
			st.Detail[lang] = s
		}
	}
	c, err := cleanText(contact, MaxContactRef, "checklist.contact-long")
	if err != nil {
		b.fail(line, err)
		return
	}
	st.Contact = c
	b.t.Steps = append(b.t.Steps, st)
}

var stepMarker = regexp.MustCompile(`^(?:[-*]|\d{1,3}[.)])\s+`)

// ParseTemplatesText reads the plain text format:
//
//	# comments and blank lines are ignored
//	checklist pharmacy: Pharmacy software down
//	1. Call the pharmacist on duty
//	   contact: Pharmacist on duty
//	   detail: The number is in the directory.
//	2. Switch the wards to paper prescriptions
//	   Print the day's dispensing list first.
//
// "checklist NAME: TITLE" starts a template; a line starting with "-", "*"
// or a number and "." or ")" is a step; indented lines under a step give
// its contact ("contact: ...") and its detail ("detail: ...", or any other
// indented text, joined). Several templates may follow one another.
func ParseTemplatesText(data []byte) TemplateFile {
	var f fileBuilder
	if len(data) > MaxImportBytes {
		return TemplateFile{Rejected: []LineError{{Line: 1, Err: invalidf("import.too-big", MaxImportBytes)}}}
	}
	var cur *templateBuilder
	// stepDetail holds the current step's detail lines until the step ends.
	type pending struct {
		line            int
		text            string
		detail, contact []string
	}
	var st *pending
	flush := func() {
		if st != nil && cur != nil {
			cur.addStep(st.line, Plain(st.text), Plain(strings.Join(st.detail, "\n")), strings.Join(st.contact, " "))
		}
		st = nil
	}
	orphan := func(line int, code string) {
		err := LineError{Line: line, Err: invalidf(code)}
		if cur != nil {
			cur.errs = append(cur.errs, err)
		} else {
			f.out.Rejected = append(f.out.Rejected, err)
		}
	}
	for n, raw := range strings.Split(string(data), "\n") {
		line := n + 1
		raw = strings.TrimRight(raw, "\r")
		if line == 1 {
			raw = strings.TrimPrefix(raw, "\uFEFF")
		}
		trimmed := strings.TrimSpace(raw)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if !utf8.ValidString(raw) {
			orphan(line, "import.not-utf8")
			continue
		}
		indented := raw[0] == ' ' || raw[0] == '\t'
		switch {
		case !indented && strings.HasPrefix(strings.ToLower(trimmed), "checklist "):
			flush()
			f.finish(cur)
			cur = &templateBuilder{line: line}
			head := strings.TrimSpace(trimmed[len("checklist "):])
			name, title, ok := strings.Cut(head, ":")
			if !ok {
				cur.fail(line, invalidf("checklist.bad-head"))
				continue
			}
			cur.checkName(line, name)
			cur.checkTitle(line, Plain(title))
		case !indented && stepMarker.MatchString(trimmed):
			flush()
			if cur == nil {
				orphan(line, "checklist.step-outside")
				continue
			}
			st = &pending{line: line, text: stepMarker.ReplaceAllString(trimmed, "")}
		case indented:
			if st == nil {
				orphan(line, "checklist.detail-outside")
				continue
			}
			lower := strings.ToLower(trimmed)
			switch {
			case strings.HasPrefix(lower, "contact:"):
				st.contact = append(st.contact, strings.TrimSpace(trimmed[len("contact:"):]))
			case strings.HasPrefix(lower, "detail:"):
				st.detail = append(st.detail, strings.TrimSpace(trimmed[len("detail:"):]))
			default:
				st.detail = append(st.detail, trimmed)
			}
		default:
			orphan(line, "checklist.line-unreadable")
		}
	}
	flush()
	f.finish(cur)
	if len(f.out.Templates) == 0 && len(f.out.Rejected) == 0 {
		f.out.Rejected = append(f.out.Rejected, LineError{Line: 1, Err: invalidf("checklist.none")})
	}
	return f.sorted()
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// ParseTemplatesYAML reads checklists written in YAML: a list of
// checklists, one checklist, or a mapping with a "checklists" list. Titles,
// step texts and details are a string, or a mapping of language to string
// ({en: ..., fr: ...}); a step may be a plain string (its text).
//
//   - name: pharmacy
//     title: Pharmacy software down
//     steps:
//   - Call the pharmacist on duty
//   - text: Switch the wards to paper prescriptions
//     detail: Print the day's dispensing list first.
//     contact: Pharmacist on duty
func ParseTemplatesYAML(data []byte) TemplateFile {
	if len(data) > MaxImportBytes {
		return TemplateFile{Rejected: []LineError{{Line: 1, Err: invalidf("import.too-big", MaxImportBytes)}}}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 1
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		reason := yamlLine.ReplaceAllString(strings.TrimPrefix(err.Error(), "yaml: "), "")
		reason = strings.TrimLeft(reason, ": ")
		return TemplateFile{Rejected: []LineError{{Line: line, Err: invalidf("checklist.yaml-syntax", SanitizeLine(reason))}}}
	}
	var f fileBuilder
	fail := func(n *yaml.Node, code string, args ...any) {
		f.out.Rejected = append(f.out.Rejected, LineError{Line: n.Line, Err: invalidf(code, args...)})
	}
	if len(doc.Content) == 0 {
		return TemplateFile{Rejected: []LineError{{Line: 1, Err: invalidf("checklist.none")}}}
	}
	root := doc.Content[0]
	var items []*yaml.Node
	switch {
	case root.Kind == yaml.SequenceNode:
		items = root.Content
	case root.Kind == yaml.MappingNode && mapValue(root, "checklists") != nil:
		list := mapValue(root, "checklists")
		if list.Kind != yaml.SequenceNode {
			fail(list, "checklist.yaml-list")
			return f.out
		}
		items = list.Content
	case root.Kind == yaml.MappingNode:
		items = []*yaml.Node{root}
	default:
		fail(root, "checklist.yaml-list")
		return f.out
	}
	for _, item := range items {
		b := &templateBuilder{line: item.Line}
		if item.Kind != yaml.MappingNode {
			b.fail(item.Line, invalidf("checklist.yaml-checklist"))
			f.finish(b)
			continue
		}
		var sawName, sawTitle bool
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i], item.Content[i+1]
			switch k.Value {
			case "name":
				sawName = true
				if v.Kind != yaml.ScalarNode {
					b.fail(v.Line, invalidf("checklist.bad-name", ""))
					continue
				}
				b.checkName(v.Line, v.Value)
			case "title":
				sawTitle = true
				if l, err := yamlText(v); err != nil {
					b.fail(v.Line, err)
				} else {
					b.checkTitle(v.Line, l)
				}
			case "steps":
				if v.Kind != yaml.SequenceNode {
					b.fail(v.Line, invalidf("checklist.yaml-steps"))
					continue
				}
				for _, s := range v.Content {
					yamlStep(b, s)
				}
			default:
				b.fail(k.Line, invalidf("checklist.yaml-unknown-key", SanitizeLine(k.Value), "name, title, steps"))
			}
		}
		if !sawName {
			b.fail(item.Line, invalidf("checklist.bad-name", ""))
		}
		if !sawTitle {
			b.fail(item.Line, invalidf("checklist.title-empty"))
		}
		f.finish(b)
	}
	if len(f.out.Templates) == 0 && len(f.out.Rejected) == 0 {
		fail(root, "checklist.none")
	}
	return f.sorted()
}

func yamlStep(b *templateBuilder, s *yaml.Node) {
	if s.Kind == yaml.ScalarNode {
		b.addStep(s.Line, Plain(s.Value), nil, "")
		return
	}
	if s.Kind != yaml.MappingNode {
		b.fail(s.Line, invalidf("checklist.yaml-step"))
		return
	}
	var text, detail Localized
	var contact string
	for i := 0; i+1 < len(s.Content); i += 2 {
		k, v := s.Content[i], s.Content[i+1]
		var err error
		switch k.Value {
		case "text":
			text, err = yamlText(v)
		case "detail":
			detail, err = yamlText(v)
		case "contact":
			if v.Kind != yaml.ScalarNode {
				err = invalidf("checklist.yaml-text")
			}
			contact = v.Value
		default:
			err = invalidf("checklist.yaml-unknown-key", SanitizeLine(k.Value), "text, detail, contact")
		}
		if err != nil {
			b.fail(v.Line, err)
			return
		}
	}
	b.addStep(s.Line, text, detail, contact)
}

var langCode = regexp.MustCompile(`^[a-z]{2}$`)

// yamlText is a string, or a mapping of two-letter language codes to
// strings. Aliases are refused: they are how YAML bombs grow.
func yamlText(n *yaml.Node) (Localized, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return Plain(n.Value), nil
	case yaml.MappingNode:
		out := Localized{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if !langCode.MatchString(k.Value) || v.Kind != yaml.ScalarNode {
				return nil, invalidf("checklist.yaml-text")
			}
			out[k.Value] = v.Value
		}
		return out, nil
	}
	return nil, invalidf("checklist.yaml-text")
}

func mapValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
