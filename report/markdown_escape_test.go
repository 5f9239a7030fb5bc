package report

import "testing"

// Text someone typed reads the same in a Markdown viewer: what would make
// structure is escaped, once, with no stray backslash left showing.
func TestMarkdownEscapesOnce(t *testing.T) {
	for in, want := range map[string]string{
		"> quoted":         `\> quoted`,
		"# not a heading":  `\# not a heading`,
		"12. not a list":   `12\. not a list`,
		"a > b":            `a \> b`,
		"plain words here": "plain words here",
	} {
		if got := mdText(in); got != want {
			t.Errorf("mdText(%q) = %q, want %q", in, got, want)
		}
	}
}
