package tui

import (
	"testing"

	"cellule/tui/internal/tuitest"
)

// The shell's French strings are complete and picked for "fr".
func TestFrenchShellTextIsComplete(t *testing.T) {
	if textFor("fr").Header != frenchHeader || textFor("fr").Lang != "fr" {
		t.Fatal(`textFor("fr") is not the French table`)
	}
	tuitest.Complete(t, *textFor("en"), *textFor("fr"))
}
