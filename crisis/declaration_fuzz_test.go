package crisis_test

import (
	"testing"

	"cellule/crisis"
	"cellule/internal/hostile"
)

// Whatever a file holds, ParseDeclarations returns definitions whose
// texts are safe lines within their limits, and refusals with a line
// number and a sentence safe to print.
func FuzzParseDeclarations(f *testing.F) {
	f.Add([]byte("- name: cnil\n  title: {en: CNIL, fr: CNIL}\n  deadline: 72h\n  late_reason: true\n"))
	f.Add([]byte("declarations:\n  - name: a\n    title: A\n    deadline: 1 month\n    after: b\n"))
	f.Add([]byte("- name: a\n  title: &x A\n  to: *x\n"))
	f.Add([]byte("[[[["))
	for _, s := range hostile.Seqs() {
		f.Add([]byte("- name: x\n  title: \"" + s + "\"\n  to: \"" + s + "\"\n"))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		decls, rejected := crisis.ParseDeclarations(data)
		for _, r := range rejected {
			if r.Line < 1 {
				t.Fatalf("refusal without a line: %v", r)
			}
			checkRefusal(t, "declaration", r.Err)
		}
		for _, d := range decls {
			checkLine(t, "to", d.To, crisis.MaxDeclTo)
			for _, s := range d.Title {
				checkLine(t, "title", s, crisis.MaxDeclTitle)
			}
			for _, s := range d.Basis {
				checkLine(t, "basis", s, crisis.MaxDeclBasis)
			}
			if _, err := crisis.ParseDeadline(d.Deadline); err != nil {
				t.Fatalf("a deadline that does not read: %q", d.Deadline)
			}
		}
	})
}
