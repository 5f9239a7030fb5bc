package register

import (
	"reflect"
	"testing"

	"cellule/tui/internal/tuitest"
)

// The French table translates every string of the English one, with the
// same verbs, and the session's language picks it.
func TestFrenchTextIsComplete(t *testing.T) {
	if !reflect.DeepEqual(*textFor("fr"), french) {
		t.Fatal(`textFor("fr") is not the French table`)
	}
	tuitest.Complete(t, *textFor("en"), *textFor("fr"))
}
