package crisis

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// declarationKeys are the keys a declaration takes in a file.
const declarationKeys = "name, title, to, basis, deadline, after, group, off, late_reason"

// ParseDeclarations reads declarations' definitions written in YAML, as
// checklists are (ParseTemplatesYAML): a list, one mapping, or a mapping
// with a "declarations" list. Titles and bases are a string or a mapping
// of language to string. It is a pure function of its input.
//
//   - name: cnil
//     title: {en: Personal-data breach notification, fr: Notification CNIL}
//     to: CNIL
//     deadline: 72h
//     late_reason: true
func ParseDeclarations(data []byte) ([]Declaration, []LineError) {
	if len(data) > MaxImportBytes {
		return nil, []LineError{{Line: 1, Err: invalidf("import.too-big", MaxImportBytes)}}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 1
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		reason := yamlLine.ReplaceAllString(strings.TrimPrefix(err.Error(), "yaml: "), "")
		return nil, []LineError{{Line: line, Err: invalidf("clock.yaml-syntax", SanitizeLine(strings.TrimLeft(reason, ": ")))}}
	}
	if len(doc.Content) == 0 {
		return nil, []LineError{{Line: 1, Err: invalidf("import.nothing")}}
	}
	var rejected []LineError
	fail := func(line int, err error) { rejected = append(rejected, LineError{Line: line, Err: err}) }
	root := doc.Content[0]
	var items []*yaml.Node
	switch {
	case root.Kind == yaml.SequenceNode:
		items = root.Content
	case root.Kind == yaml.MappingNode && mapValue(root, "declarations") != nil:
		list := mapValue(root, "declarations")
		if list.Kind != yaml.SequenceNode {
			return nil, []LineError{{Line: list.Line, Err: invalidf("clock.yaml-list")}}
		}
		items = list.Content
	case root.Kind == yaml.MappingNode:
		items = []*yaml.Node{root}
	default:
		return nil, []LineError{{Line: root.Line, Err: invalidf("clock.yaml-list")}}
	}
	if len(items) > MaxDeclarations {
		return nil, []LineError{{Line: root.Line, Err: invalidf("clock.too-many", MaxDeclarations)}}
	}
	var out []Declaration
	seen := map[string]bool{}
	for _, item := range items {
		d, errs := yamlDeclaration(item)
		if len(errs) > 0 {
			rejected = append(rejected, errs...)
			continue
		}
		if seen[d.Name] {
			fail(item.Line, invalidf("clock.yaml-twice", d.Name))
			continue
		}
		seen[d.Name] = true
		out = append(out, d)
	}
	return out, rejected
}

func yamlDeclaration(item *yaml.Node) (Declaration, []LineError) {
	var d Declaration
	var errs []LineError
	fail := func(line int, err error) { errs = append(errs, LineError{Line: line, Err: err}) }
	if item.Kind != yaml.MappingNode {
		return d, []LineError{{Line: item.Line, Err: invalidf("clock.yaml-item")}}
	}
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		var err error
		scalar := func() string {
			if v.Kind != yaml.ScalarNode {
				err = invalidf("clock.yaml-field", SanitizeLine(k.Value))
			}
			return v.Value
		}
		flag := func() bool {
			b, perr := strconv.ParseBool(scalar())
			if perr != nil && err == nil {
				err = invalidf("clock.yaml-field", SanitizeLine(k.Value))
			}
			return b
		}
		switch k.Value {
		case "name":
			d.Name = scalar()
		case "title":
			d.Title, err = yamlText(v)
		case "basis":
			d.Basis, err = yamlText(v)
		case "to":
			d.To = scalar()
		case "deadline":
			d.Deadline = scalar()
		case "after":
			d.After = scalar()
		case "group":
			d.Group = scalar()
		case "off":
			d.Off = flag()
		case "late_reason":
			d.LateReason = flag()
		default:
			err = invalidf("clock.yaml-unknown-key", SanitizeLine(k.Value), declarationKeys)
		}
		if err != nil {
			fail(v.Line, err)
		}
	}
	if len(errs) == 0 {
		if err := d.check(); err != nil {
			fail(item.Line, err)
		}
	}
	if dl, err := ParseDeadline(d.Deadline); err == nil && !dl.None() {
		d.Deadline = strings.ToLower(strings.TrimSpace(d.Deadline))
	}
	return d, errs
}
