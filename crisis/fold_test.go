package crisis

import (
	"strings"
	"testing"
)

// The French words are accepted wherever a word is typed, with or without
// accents, and give the stable English codes.
func TestFrenchWordsAreAccepted(t *testing.T) {
	stages := map[string]Stage{"alerte": StageAlert, "Qualification": StageQualification, "confinement": StageContainment,
		"investigation": StageInvestigation, "remédiation": StageRemediation, "remediation": StageRemediation,
		"sortie-de-crise": StageEnd, "Sortie de crise": StageEnd}
	for in, want := range stages {
		if got, err := ParseStage(in); err != nil || got != want {
			t.Errorf("stage %q = %q, %v; want %q", in, got, err, want)
		}
	}
	states := map[string]ItemState{"isolé": StateIsolated, "isole": StateIsolated, "en-investigation": StateInvestigating,
		"nettoyé": StateCleaned, "reconstruit": StateRebuilt, "vérifié": StateVerified, "en service": StateInService, "compromis": StateCompromised}
	for in, want := range states {
		if got, err := ParseItemState(in); err != nil || got != want {
			t.Errorf("state %q = %q, %v; want %q", in, got, err, want)
		}
	}
	statuses := map[string]TaskStatus{"à-faire": TaskTodo, "a-faire": TaskTodo, "en-cours": TaskInProgress,
		"bloquée": TaskBlocked, "faite": TaskDone, "annulée": TaskCancelled, "ANNULEE": TaskCancelled}
	for in, want := range statuses {
		if got, err := ParseTaskStatus(in); err != nil || got != want {
			t.Errorf("status %q = %q, %v; want %q", in, got, err, want)
		}
	}
	kinds := map[string]Kind{"fait": KindFact, "information": KindInfo, "décision": KindDecision, "action": KindAction,
		"communication": KindCommunication, "escalade": KindEscalation, "fact": KindFact, "info": KindInfo}
	for in, want := range kinds {
		if got, err := ParseKind(in); err != nil || got != want {
			t.Errorf("kind %q = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseStage("sortie-de-secours"); err == nil {
		t.Error("an unknown stage was accepted")
	}
}

func TestFoldIgnoresCaseAndAccents(t *testing.T) {
	for _, c := range [][2]string{{"CERT SANTÉ", "sante"}, {"CH Créteil", "creteil"}, {"Héloïse", "HELOISE"}} {
		if !FoldContains(c[0], c[1]) {
			t.Errorf("%q does not find %q", c[1], c[0])
		}
	}
	if FoldContains("Cahors", "sante") {
		t.Error("a fold found what is not there")
	}
}

// What a search costs per entry: folding an entry's text, French or
// English, against the plain lower-casing it replaced.
func BenchmarkFoldEntry(b *testing.B) {
	fr := "Le CERT Santé suspecte un périmètre impacté plus large (les identifiants AD exposés par Zimbra ouvrent aussi le VPN). Conseil : poursuivre les investigations."
	en := "CERT Santé suspects a wider impacted perimeter (AD credentials exposed through Zimbra also open the VPN). Advice: continue the investigations."
	ascii := "Firewall rules reloaded on the core switches; backup server disconnected from the network."
	for name, s := range map[string]string{"french": fr, "english": en, "ascii": ascii} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				_ = Fold(s)
			}
		})
	}
	b.Run("tolower-french", func(b *testing.B) {
		for b.Loop() {
			_ = strings.ToLower(fr)
		}
	})
}

// The console's searches fold as the service's do.
func TestFoldForSearchIsFold(t *testing.T) {
	for _, s := range []string{"SANTÉ", "Créteil", "Héloïse", "plain"} {
		if FoldForSearch(s) != Fold(s) {
			t.Errorf("FoldForSearch(%q) = %q, Fold gives %q", s, FoldForSearch(s), Fold(s))
		}
	}
	if FoldForSearch("CERT SANTÉ") != "cert sante" || FoldForSearch("Créteil") != "creteil" {
		t.Errorf("FoldForSearch: %q %q", FoldForSearch("CERT SANTÉ"), FoldForSearch("Créteil"))
	}
}
