package crisis_test

import (
	"testing"

	"cellule/crisis"
)

// A status keeps its version across a change that only adds an entry (the
// header shows the same thing) and gets a new one when anything it shows
// changes.
func TestStatusVersionChangesWithWhatTheHeaderShows(t *testing.T) {
	svc, _ := newService(t)
	status := func() crisis.Status {
		t.Helper()
		st, err := svc.Status()
		if err != nil {
			t.Fatal(err)
		}
		if st.Version == 0 {
			t.Fatal("a status read from the record has no version")
		}
		return st
	}
	first := status()
	if _, err := svc.Log(responder, crisis.Draft{Text: "Firewall reloaded"}); err != nil {
		t.Fatal(err)
	}
	afterEntry := status()
	if afterEntry.Entries == first.Entries || afterEntry.Version != first.Version {
		t.Fatalf("a new entry: entries %d -> %d, version %d -> %d; want the count to move and the version to stay",
			first.Entries, afterEntry.Entries, first.Version, afterEntry.Version)
	}
	if _, err := svc.SetStage(lead, crisis.StageContainment, ""); err != nil {
		t.Fatal(err)
	}
	afterStage := status()
	if afterStage.Version == afterEntry.Version {
		t.Fatal("the stage changed and the status kept its version")
	}
	leave := svc.Join(responder)
	defer leave()
	if joined := status(); joined.Version == afterStage.Version {
		t.Fatal("someone connected and the status kept its version")
	}
}

// Changes to users are counted apart, before subscribers hear of them: a
// session re-checks its access only after one.
func TestUserChangesCountOnlyChangesToUsers(t *testing.T) {
	svc, _ := newService(t)
	changes, unsubscribe := svc.Subscribe()
	defer unsubscribe()
	before := svc.UserChanges()
	if _, err := svc.Log(responder, crisis.Draft{Text: "Firewall reloaded"}); err != nil {
		t.Fatal(err)
	}
	<-changes
	if svc.UserChanges() != before {
		t.Fatal("a logbook entry counted as a change to users")
	}
	if _, err := svc.RevokeUser(lead, responder.Name); err != nil {
		t.Fatal(err)
	}
	<-changes
	if svc.UserChanges() == before {
		t.Fatal("a revocation was not counted as a change to users")
	}
}
