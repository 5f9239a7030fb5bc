package e2e

import (
	"strings"
	"testing"
)

// Over SSH, a French reader reads the clocks, the register and the
// logbook's sentences about them in French; the English output is as
// before.
func TestClocksAndRegisterInFrenchOverSSH(t *testing.T) {
	t.Setenv("CELLULE_LANG", "")
	l := newLab(t)
	must := func(args ...string) string {
		t.Helper()
		out, errOut, code := run(t, l.responder, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		return out
	}
	must("clock", "start", "cnil", "--at", "-80h")
	must("register", "add", "server", "srv-dc01", "--state", "compromised", "--owner", "IT team", "--evidence", "mimikatz.exe")

	for _, c := range []struct {
		args   []string
		fr, en []string
	}{
		{[]string{"clocks"}, []string{"en cours", "prise de connaissance", "EN RETARD de"}, []string{"running", "awareness", "LATE by"}},
		{[]string{"register", "list"}, []string{"propriétaire IT team", "découvert"}, []string{"owner IT team", "found"}},
		{[]string{"timeline"}, []string{"Délai de déclaration démarré : ", "déjà dépassée de 8h00",
			"Registre : élément 1, serveur srv-dc01, enregistré comme compromis. Propriétaire : IT team. Preuve : mimikatz.exe."},
			[]string{"Declaration clock started: ", "already past its deadline by 8h00",
				"Register: asset 1, server srv-dc01, registered as compromised. Owner: IT team. Evidence: mimikatz.exe."}},
	} {
		fr := must(append(c.args, "--lang", "fr")...)
		en := must(c.args...)
		for _, w := range c.fr {
			if !strings.Contains(fr, w) {
				t.Errorf("%v --lang fr lacks %q:\n%s", c.args, w, fr)
			}
		}
		for _, w := range c.en {
			if !strings.Contains(en, w) {
				t.Errorf("%v lacks %q:\n%s", c.args, w, en)
			}
			if strings.Contains(fr, w) {
				t.Errorf("%v --lang fr still reads %q", c.args, w)
			}
		}
	}
}
