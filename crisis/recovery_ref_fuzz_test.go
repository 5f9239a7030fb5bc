package crisis

import (
	"errors"
	"strings"
	"testing"
)

// FuzzRecoveryItemRef feeds what people type to name a recovery item
// (`recovery set REF`, rename, move, remove, override): an exact id or
// name wins, a part of a name picks the one item that has it, anything
// else is refused with a sentence that names no control character.
func FuzzRecoveryItemRef(f *testing.F) {
	for _, s := range []string{"dc", "DC", "Domain controllers", "domain", "server", "s", "  firewall ", "", "pharmacy", "Imaging (PACS)", "x\x1b[2J", "\u202e"} {
		f.Add(s)
	}
	_, items := defaultPlan()
	p := &planTx{items: items}
	f.Fuzz(func(t *testing.T, ref string) {
		it, err := p.find(ref)
		if err != nil {
			if !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrNotFound) {
				t.Fatalf("find(%q): unexpected error kind %v", ref, err)
			}
			if msg := Message(err); msg == "" || msg != Sanitize(msg) {
				t.Fatalf("find(%q): refusal %q", ref, msg)
			}
			return
		}
		low := strings.ToLower(strings.TrimSpace(ref))
		if low == "" || (it.ID != strings.TrimSpace(ref) && !strings.Contains(strings.ToLower(it.Name), low) && strings.ToLower(it.ID) != low) {
			t.Fatalf("find(%q) = %q (%s)", ref, it.ID, it.Name)
		}
	})
}
