package crisis_test

import (
	"errors"
	"testing"

	"cellule/crisis"
)

// Each "can I?" check answers as its write then does, and writes nothing:
// the console asks its question only when the check passes.
func TestChecksAgreeWithTheWrites(t *testing.T) {
	svc, db := newService(t)
	before := auditCount(t, db)

	// Phase 1 not ready.
	errCheck := svc.CanValidatePhase(lead, 1)
	if !errors.Is(errCheck, crisis.ErrConflict) {
		t.Fatalf("CanValidatePhase on a phase not ready = %v", errCheck)
	}
	if auditCount(t, db) != before {
		t.Fatal("a check wrote to the record")
	}
	if _, err := svc.ValidatePhase(lead, 1); err == nil || err.Error() != errCheck.Error() {
		t.Errorf("ValidatePhase refused with %v; the check said %v", err, errCheck)
	}
	if err := svc.CanValidatePhase(viewer, 1); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("a viewer's check = %v, want forbidden", err)
	}

	// An item with a history cannot be removed; a fresh one can.
	if _, _, err := svc.SetRecoveryItem(responder, "firewall", crisis.ItemChange{State: crisis.StateInvestigating}); err != nil {
		t.Fatal(err)
	}
	errCheck = svc.CanRemoveRecoveryItem(lead, "firewall")
	if _, err := svc.RemoveRecoveryItem(lead, "firewall"); errCheck == nil || err == nil || err.Error() != errCheck.Error() {
		t.Errorf("RemoveRecoveryItem refused with %v; the check said %v", err, errCheck)
	}
	if err := svc.CanRemoveRecoveryItem(lead, "core-switches"); err != nil {
		t.Errorf("CanRemoveRecoveryItem on an untouched item = %v", err)
	}

	// Closing: an empty note, then a closed record refuses everything.
	errCheck = svc.CanClose(lead, "  ")
	if _, err := svc.Close(lead, "  "); errCheck == nil || err == nil || err.Error() != errCheck.Error() {
		t.Errorf("Close refused with %v; the check said %v", err, errCheck)
	}
	if err := svc.CanClose(lead, "Back to normal."); err != nil {
		t.Fatalf("CanClose with a note = %v", err)
	}
	if _, err := svc.Close(lead, "Back to normal."); err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{svc.CanClose(lead, "again"), svc.CanWrite(lead, crisis.ActWriteLog), svc.CanRemoveRecoveryItem(lead, "core-switches")} {
		if !errors.Is(err, crisis.ErrConflict) {
			t.Errorf("a check on a closed record = %v, want the closed refusal", err)
		}
	}
}
