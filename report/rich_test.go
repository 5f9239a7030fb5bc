package report_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/crisis/crisistest"
)

// richRecord is a crisis that used every part of Cellule: tasks in every
// status (one blocked with its reason, one cancelled, one given to
// someone), the recovery plan moved forward with a gate override and a
// validated phase, an imported checklist run with ticks and an un-tick
// with its reason, contacts, handovers (one acknowledged, one not),
// takeaways and the closing. tail is added to every text people type, so
// the sanitising test can make each of them hostile; "" gives a plain
// record. The clock moves one minute at every reading, so times differ
// and stay the same from run to run.
func richRecord(t *testing.T, tail string) *crisis.Service {
	t.Helper()
	var mu sync.Mutex
	clock := time.Date(2022, 9, 12, 18, 0, 0, 0, time.UTC)
	svc := newServiceClock(t, t.TempDir(), func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		clock = clock.Add(time.Minute)
		return clock
	})
	if _, err := svc.Open(host, cut("Ransomware at the north site"+tail, 80)); err != nil {
		t.Fatal(err)
	}
	lead := crisistest.Register(t, svc, "alice", crisis.RoleLead)
	bob := crisistest.Register(t, svc, "bob", crisis.RoleResponder)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := svc.Log(bob, crisis.Draft{Kind: crisis.KindFact, Text: "Files encrypted on the finance share" + tail})
	must(err)
	_, err = svc.SetStage(lead, crisis.StageContainment, "the share is encrypted"+tail)
	must(err)

	// Tasks.
	add := func(title, details, assignee, due string, phase int) crisis.Task {
		t.Helper()
		task, err := svc.AddTask(lead, crisis.TaskDraft{Title: cut(title+tail, crisis.MaxTaskTitle), Details: details, Assignee: assignee, Phase: phase, Due: due})
		must(err)
		return task
	}
	isolate := add("Isolate the finance VLAN", "Unplug the uplink in room B12."+tail+"\nThen tell the service desk.", "bob", "+30m", 1)
	backup := add("Take the backup server offline", "", "alice", "+5m", 1)
	press := add("Brief the press office", "", "", "", 0)
	images := add("Re-image the finance workstations", "Forty machines"+tail, "bob", "", 4)
	add("Call the insurer", "", "", "", 0)
	done := crisis.TaskDone
	_, err = svc.UpdateTask(bob, isolate.ID, crisis.TaskChange{Status: &done})
	must(err)
	for range 10 { // the backup task ends late
		svc.Now()
	}
	_, err = svc.UpdateTask(lead, backup.ID, crisis.TaskChange{Status: &done})
	must(err)
	_, err = svc.SetTaskStatus(lead, press.ID, crisis.TaskCancelled, "")
	must(err)
	_, err = svc.SetTaskStatus(bob, images.ID, crisis.TaskBlocked, "waiting for clean images"+tail)
	must(err)

	// The recovery plan: a gate lifted for the laboratory, phase 1 done
	// and validated, a group counted, a note and an owner.
	_, err = svc.OverrideGate(lead, "lab", "analysers needed for the emergency department"+tail)
	must(err)
	note, owner := cut("cleaned from the offline image"+tail, crisis.MaxItemNote), cut("Network team"+tail, crisis.MaxItemOwner)
	_, _, err = svc.SetRecoveryItem(bob, "lab", crisis.ItemChange{State: crisis.StateInService, Note: &note})
	must(err)
	for _, id := range []string{"firewall", "core-switches", "dc", "dns-dhcp", "backup"} {
		ch := crisis.ItemChange{State: crisis.StateVerified}
		if id == "firewall" {
			ch.Owner = &owner
		}
		_, _, err = svc.SetRecoveryItem(bob, id, ch)
		must(err)
	}
	_, err = svc.ValidatePhase(lead, 1)
	must(err)
	count := 12
	_, _, err = svc.SetRecoveryItem(bob, "workstations", crisis.ItemChange{State: crisis.StateRebuilt, Count: &count})
	must(err)

	// On call: an imported checklist, a run with ticks and an un-tick.
	// Imported files must be UTF-8 (imports refuse other bytes).
	ft := strings.ToValidUTF8(tail, "\uFFFD")
	tmpl := "checklist finance: " + cut("Finance share encrypted"+ft, crisis.MaxTemplateTitle) + "\n1. Unplug the share" + ft + "\n2. Call the finance director" + ft + "\n3. Log what was seen\n"
	_, err = svc.ImportTemplates(lead, []byte(tmpl), false)
	must(err)
	run, _, err := svc.StartRun(bob, "finance", cut("first night"+tail, crisis.MaxRunLabel))
	must(err)
	for _, n := range []int{1, 2, 3} {
		_, _, err = svc.Tick(bob, run.ID, n, "")
		must(err)
	}
	_, _, err = svc.Untick(lead, run.ID, 2, "the director did not answer"+tail)
	must(err)
	_, _, err = svc.StartRun(lead, crisis.TemplateHNO, "")
	must(err)
	var contacts bytes.Buffer
	cw := csv.NewWriter(&contacts)
	cw.WriteAll([][]string{{"name", "role", "organisation", "phone", "backup_phone", "notes"}, {"Camille Martin", cut("On-call administrator"+ft, crisis.MaxContactField), "DSI", "05 65 00 00 01", "", "Demo"}})
	_, err = svc.ImportContacts(lead, contacts.Bytes(), false)
	must(err)

	// Handovers: one read by the next shift, one waiting.
	h, _, err := svc.WriteHandover(bob, crisis.HandoverNote{Situation: "Finance VLAN isolated" + tail, OpenItems: "Images not ready" + tail, NextSteps: "Re-image\nthe finance floor" + tail})
	must(err)
	_, _, err = svc.AckHandover(lead, h.ID)
	must(err)
	_, _, err = svc.WriteHandover(lead, crisis.HandoverNote{Situation: "Quiet night" + tail})
	must(err)

	// Declarations: the CNIL late (awareness recorded afterwards), the
	// complaint in time, the portal's declaration not applying.
	_, _, err = svc.StartClock(bob, "cnil", "-80h")
	must(err)
	_, _, err = svc.DoneClock(bob, "cnil", crisis.ClockDone{Ref: cut("CNIL-2022-0042"+tail, crisis.MaxClockRef),
		Reason: cut("the extent was known on the 14th"+tail, crisis.MaxClockReason)})
	must(err)
	_, _, err = svc.StartClock(bob, "complaint", "")
	must(err)
	_, _, err = svc.DoneClock(bob, "complaint", crisis.ClockDone{Ref: "PV 2022/1234", To: cut("Gendarmerie de Cahors"+tail, crisis.MaxClockTo)})
	must(err)
	_, _, err = svc.SkipClock(lead, "ars", cut("declared by the GHT for every site"+tail, crisis.MaxClockReason))
	must(err)
	// The register: an admin account found compromised and remediated, a
	// workstation suspected then cleared, an indicator blocked.
	adm, err := svc.AddAsset(bob, crisis.AssetDraft{Kind: "domain-admin", Identifier: cut("adm-finance"+tail, crisis.MaxAssetIdentifier),
		State: "compromised", Owner: cut("IT team"+tail, crisis.MaxAssetOwner), Evidence: cut("4624 logons at night"+tail, crisis.MaxAssetEvidence), Item: "dc"})
	must(err)
	_, err = svc.SetAssetState(bob, fmt.Sprint(adm.ID), crisis.AssetStep{State: "contained", Note: cut("disabled in AD"+tail, crisis.MaxAssetNote)})
	must(err)
	_, err = svc.SetAssetState(lead, fmt.Sprint(adm.ID), crisis.AssetStep{State: "remediated", Note: "password changed twice", Evidence: cut("krbtgt reset"+tail, crisis.MaxAssetEvidence)})
	must(err)
	pc, err := svc.AddAsset(bob, crisis.AssetDraft{Kind: "workstation", Identifier: cut("PC-FIN-07"+tail, crisis.MaxAssetIdentifier), Note: cut("EDR alert"+tail, crisis.MaxAssetNote)})
	must(err)
	_, err = svc.SetAssetState(bob, fmt.Sprint(pc.ID), crisis.AssetStep{State: "cleared", Note: cut("the alert was the backup agent"+tail, crisis.MaxAssetNote)})
	must(err)
	_, err = svc.AddAsset(bob, crisis.AssetDraft{Kind: "ip", Identifier: "203.0.113.7", State: "confirmed", Evidence: cut("C2 beacon"+tail, crisis.MaxAssetEvidence)})
	must(err)

	_, err = svc.AddTakeaway(lead, "Keep offline images of the finance workstations"+tail)
	must(err)
	_, err = svc.Close(lead, "Back to normal operation"+tail)
	must(err)
	return svc
}

// cut keeps the first n runes of s: a hostile text may then end in the
// middle of an escape sequence, which must be harmless too.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}
