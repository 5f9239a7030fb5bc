package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// TestHubReceivesWhatAnEstablishmentWroteWhileCutOff: a hub with two
// establishments, one sharing its whole record and one its status. The
// hub is SIGKILLed; the establishments go on taking writes (acknowledged
// as usual); the hub, back, receives what was written meanwhile, in
// order, its chain checked against the establishment's own head, and
// shows the record read only, byte for byte what the establishment
// exports; the status-only establishment's record never reaches it.
func TestHubReceivesWhatAnEstablishmentWroteWhileCutOff(t *testing.T) {
	r := newRegionLab(t, "cahors", "figeac")
	r.start("hub")
	r.start("cahors", "--hub-share", "record")
	r.start("figeac")

	for _, n := range []string{"cahors", "figeac"} {
		if _, errOut, code := r.ssh(n, "", "log", "before the cut at "+n); code != 0 {
			t.Fatalf("log at %s: %s", n, errOut)
		}
		if _, errOut, code := r.ssh(n, "", "task", "add", "Isolate the "+n+" network", "--priority", "1"); code != 0 {
			t.Fatalf("task add at %s: %s", n, errOut)
		}
	}
	for _, n := range []string{"cahors", "figeac"} {
		e := r.waitArrived(n)
		if e.Status == nil || e.Status.Crisis != "Crisis at "+n || e.Status.OpenP1 != 1 || e.Status.LastEntryAt == nil {
			t.Fatalf("the hub's status of %s: %+v", n, e.Status)
		}
	}

	r.kill("hub")
	const cut = 5
	for i := 1; i <= cut; i++ {
		for _, n := range []string{"cahors", "figeac"} {
			if out, errOut, code := r.ssh(n, "", "log", fmt.Sprintf("while cut off %d at %s", i, n)); code != 0 {
				t.Fatalf("write %d at %s while the hub is away: %s%s", i, n, out, errOut)
			}
		}
	}
	r.start("hub")
	for _, n := range []string{"cahors", "figeac"} {
		e := r.waitArrived(n)
		if !e.Connected && e.LastContact == nil {
			t.Fatalf("the hub never saw %s connected", n)
		}
	}
	if e := r.list()["cahors"]; !e.Record || e.Status.Entries != cut+2 {
		t.Fatalf("cahors at the hub: record %v, %d entries (want the record and %d)", e.Record, e.Status.Entries, cut+2)
	}

	// The hub's copy of cahors's record reads as the establishment's own.
	atHub, errOut, code := r.ssh("hub", "", "hub", "show", "cahors")
	if code != 0 {
		t.Fatalf("hub show cahors: %s", errOut)
	}
	last := -1
	for i := 1; i <= cut; i++ {
		at := strings.Index(atHub, fmt.Sprintf("while cut off %d at cahors", i))
		if at < 0 || at < last {
			t.Fatalf("the hub's report of cahors lacks, or misorders, write %d:\n%s", i, atHub)
		}
		last = at
	}
	if out, errOut, code := r.ssh("hub", "", "hub", "show", "figeac"); code == 0 || !strings.Contains(errOut, "status only") || strings.Contains(out, "while cut off") {
		t.Fatalf("hub show figeac (status only) gave %d: %s%s", code, out, errOut)
	}
	table, _, _ := r.ssh("hub", "", "hub", "list")
	for _, want := range []string{"ESTABLISHMENT", "cahors", "Crisis at cahors", "figeac", "verified to"} {
		if !strings.Contains(table, want) {
			t.Fatalf("hub list lacks %q:\n%s", want, table)
		}
	}
	// Nothing from the hub wrote into an establishment: its chain still
	// verifies and ends where it did.
	seq, _ := r.head("cahors")
	if e := r.list()["cahors"]; e.HeadSeq != seq {
		t.Fatalf("cahors's head moved to %d after the hub's %d", seq, e.HeadSeq)
	}
}
