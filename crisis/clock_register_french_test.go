package crisis_test

import (
	"strings"
	"testing"
	"time"

	"cellule/crisis"
)

// The clocks' and the register's sentences are kept as codes: a French
// reader reads them in French (the declaration's French title, the asset's
// kind and state in French), an English reader as before.
func TestClockAndRegisterSentencesReadInFrench(t *testing.T) {
	now := time.Date(2026, 9, 12, 2, 0, 0, 0, time.UTC)
	svc, _ := clockService(t, &now)
	cnil := clockNamed(t, svc, "cnil").Declaration
	_, started, err := svc.StartClock(responder, "cnil", "-80h")
	if err != nil {
		t.Fatal(err)
	}
	_, sent, err := svc.DoneClock(responder, "cnil", crisis.ClockDone{Ref: "CNIL-42", Reason: "the backups were encrypted"})
	if err != nil {
		t.Fatal(err)
	}
	addAsset(t, svc, responder, crisis.AssetDraft{Kind: "server", Identifier: "srv-dc01", State: "compromised",
		Owner: "IT team", Evidence: "mimikatz.exe"})
	added := lastEntry(t, svc)
	if _, err := svc.SetAssetState(responder, "srv-dc01", crisis.AssetStep{State: "contained", Note: "unplugged"}); err != nil {
		t.Fatal(err)
	}
	moved := lastEntry(t, svc)

	for _, c := range []struct {
		e       crisis.Entry
		en, fr  []string
		notInFr string
	}{
		{started, []string{"Declaration clock started: " + cnil.Title.In("en") + " (cnil)", "already past its deadline by 8h00; recorded by bob."},
			[]string{"Délai de déclaration démarré : " + cnil.Title.In("fr") + " (cnil)", "déjà dépassée de 8h00 ; consigné par bob."}, "Declaration"},
		{sent, []string{"LATE by 8h00. Reasons for the delay: the backups were encrypted"},
			[]string{"Déclaration envoyée : " + cnil.Title.In("fr"), "EN RETARD de 8h00. Raisons du retard : the backups were encrypted"}, "LATE"},
		{added, []string{"Register: asset 1, server srv-dc01, registered as compromised. Owner: IT team. Evidence: mimikatz.exe."},
			[]string{"Registre : élément 1, serveur srv-dc01, enregistré comme compromis. Propriétaire : IT team. Preuve : mimikatz.exe."}, "Register"},
		{moved, []string{"Register: asset 1, server srv-dc01: compromised -> contained. Done: unplugged."},
			[]string{"Registre : élément 1, serveur srv-dc01 : compromis -> confiné. Fait : unplugged."}, "Register"},
	} {
		if c.e.Msg == nil {
			t.Errorf("entry #%d keeps no code: %q", c.e.ID, c.e.Text)
			continue
		}
		fr := c.e.TextIn(crisis.LangFrench)
		for _, w := range c.en {
			if !strings.Contains(c.e.Text, w) || !strings.Contains(c.e.TextIn(crisis.LangEnglish), w) {
				t.Errorf("entry #%d in English = %q, want %q", c.e.ID, c.e.Text, w)
			}
		}
		for _, w := range c.fr {
			if !strings.Contains(fr, w) {
				t.Errorf("entry #%d in French = %q, want %q", c.e.ID, fr, w)
			}
		}
		if strings.Contains(fr, c.notInFr) {
			t.Errorf("entry #%d in French still reads English: %q", c.e.ID, fr)
		}
	}
}
