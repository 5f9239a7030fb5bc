package kit

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A picker's search ignores case and accents: "heloise" finds
// "Héloïse Durand", "CRETEIL" finds "CHU de Créteil".
func TestPickerSearchIgnoresAccents(t *testing.T) {
	f := NewForm(formSession(), 80, 20)
	p := f.Picker("Who", []string{"alice", "Héloïse Durand", "CHU de Créteil"}, 0, true)
	f.FocusCmd()
	typeIn(f, "heloise")
	if p.Chosen != 1 || p.NoMatch() {
		t.Fatalf("heloise chose %d:\n%s", p.Chosen, ansi.Strip(f.View()))
	}
	for range len("heloise") {
		press(f, "backspace")
	}
	typeIn(f, "CRETEIL")
	if p.Chosen != 2 || !strings.Contains(ansi.Strip(f.View()), "Créteil") {
		t.Fatalf("CRETEIL chose %d:\n%s", p.Chosen, ansi.Strip(f.View()))
	}
}
