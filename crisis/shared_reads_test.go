package crisis_test

import (
	"testing"

	"cellule/crisis"
)

// The header and the newest page are read once per change and shared by
// every console (who only read them): a read after a change must still see
// that change.
func TestSharedReadsFollowEveryChange(t *testing.T) {
	svc, _ := newService(t)
	before, err := svc.Status()
	if err != nil {
		t.Fatal(err)
	}
	newest := func() crisis.TimelinePage {
		t.Helper()
		p, err := svc.Timeline(crisis.TimelineQuery{})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	first := newest()

	e, err := svc.Log(responder, crisis.Draft{Text: "Firewall reloaded"})
	if err != nil {
		t.Fatal(err)
	}
	after, err := svc.Status()
	if err != nil {
		t.Fatal(err)
	}
	if after.Entries != before.Entries+1 {
		t.Fatalf("the header still counts %d entries after #%d was saved", after.Entries, e.ID)
	}
	page := newest()
	if len(page.Entries) != len(first.Entries)+1 || page.Entries[len(page.Entries)-1].Text != "Firewall reloaded" {
		t.Fatalf("the newest page does not show the entry just saved: %+v", page.Entries)
	}

	// Without a change in between, every reader gets the same page.
	if again := newest(); len(again.Entries) != len(page.Entries) || again.Entries[len(again.Entries)-1].ID != e.ID {
		t.Fatalf("a second read without a change differs: %+v", again.Entries)
	}

	leave := svc.Join(viewer)
	st, _ := svc.Status()
	if len(st.Online) != 1 || st.Online[0].Name != viewer.Name {
		t.Fatalf("online after a join: %+v", st.Online)
	}
	leave()
	if st, _ := svc.Status(); len(st.Online) != 0 {
		t.Fatalf("online after the leave: %+v", st.Online)
	}
}
