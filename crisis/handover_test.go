package crisis_test

import (
	"errors"
	"strings"
	"testing"

	"cellule/crisis"
)

func TestHandoverWrittenThenAcknowledged(t *testing.T) {
	svc, db := newService(t)
	h, e, err := svc.WriteHandover(responder, crisis.HandoverNote{
		Situation: "Mail and VPN cut; backup server disconnected.",
		OpenItems: "Passwords exposed on the Internet not changed yet.",
		NextSteps: "Call the mail provider at 08:00 for the attachments.",
	})
	if err != nil {
		t.Fatal(err)
	}
	if h.ID != 1 || h.By != "bob" || h.Acked() || h.Entry != e.ID {
		t.Errorf("handover = %+v", h)
	}
	if e.Kind != crisis.KindCommunication || !strings.Contains(e.Text, "Situation: Mail and VPN cut") ||
		!strings.Contains(e.Text, "Open items: Passwords") || !strings.Contains(e.Text, "Next steps: Call the mail provider") {
		t.Errorf("entry = %q", e.Text)
	}
	st, _ := svc.Status()
	if len(st.PendingHandovers) != 1 || st.PendingHandovers[0].ID != h.ID {
		t.Fatalf("pending = %+v", st.PendingHandovers)
	}

	audits := auditCount(t, db)
	if _, _, err := svc.AckHandover(responder, h.ID); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("the author acknowledged their own handover: %v", err)
	}
	if _, _, err := svc.AckHandover(viewer, h.ID); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("viewer ack: %v", err)
	}
	if _, _, err := svc.AckHandover(lead, 7); !errors.Is(err, crisis.ErrNotFound) {
		t.Errorf("missing handover: %v", err)
	}
	if auditCount(t, db) != audits {
		t.Error("refused acknowledgements wrote")
	}
	h, e, err = svc.AckHandover(lead, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !h.Acked() || h.AckedBy != "alice" || h.AckEntry != e.ID || !strings.Contains(e.Text, "Handover #1 from bob acknowledged by alice") {
		t.Errorf("acked = %+v, %q", h, e.Text)
	}
	if st, _ := svc.Status(); len(st.PendingHandovers) != 0 {
		t.Errorf("still pending: %+v", st.PendingHandovers)
	}
	if _, _, err := svc.AckHandover(lead, h.ID); !errors.Is(err, crisis.ErrConflict) {
		t.Errorf("second ack: %v", err)
	}
	if hs, _ := svc.Handovers(); len(hs) != 1 || !hs[0].Acked() {
		t.Errorf("handovers = %+v", hs)
	}
}

func TestHandoverRefusals(t *testing.T) {
	svc, db := newService(t)
	audits := auditCount(t, db)
	for _, n := range []crisis.HandoverNote{
		{},
		{Situation: "  \x1b[2J ", OpenItems: "x"},
		{Situation: strings.Repeat("x", crisis.MaxHandoverPart+1)},
	} {
		if _, _, err := svc.WriteHandover(responder, n); !errors.Is(err, crisis.ErrInvalid) {
			t.Errorf("WriteHandover(%.20q): %v", n.Situation, err)
		}
	}
	if _, _, err := svc.WriteHandover(viewer, crisis.HandoverNote{Situation: "x"}); !errors.Is(err, crisis.ErrForbidden) {
		t.Errorf("viewer: %v", err)
	}
	if auditCount(t, db) != audits {
		t.Error("refused handovers wrote")
	}
}
