package crisis

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold is s as searches and typed words compare it: lower case, accents
// removed, so that sante finds SANTÉ and remediation names remédiation:
// decomposed (x/text's NFD), marks dropped (runes.Remove(unicode.Mn)). A
// text in ASCII is only lower-cased. The two steps run apart rather than
// as a transform chain, whose buffers cost five times more: a search
// folds every entry.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	out, _, err := transform.String(unmarks, norm.NFD.String(s))
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// unmarks drops combining marks; it keeps no state between calls.
var unmarks = runes.Remove(runes.In(unicode.Mn))

// FoldForSearch is Fold under the name the console's searches call it
// by (timeline, directory, pickers, register): one folding everywhere.
func FoldForSearch(s string) string { return Fold(s) }

// FoldContains reports whether text holds query, case and accents aside.
func FoldContains(text, query string) bool {
	return strings.Contains(Fold(text), Fold(query))
}

// word is a typed word as the parsers compare it: folded, trimmed, inner
// spaces and underscores as dashes ("sortie de crise", "à_faire").
func word(s string) string {
	return strings.NewReplacer(" ", "-", "_", "-").Replace(Fold(strings.TrimSpace(s)))
}

// frenchWords are the French words a person may type for a code, folded.
var frenchWords = map[string]string{
	// stages
	"alerte": "alert", "confinement": "containment", "remediation": "remediation",
	"sortie-de-crise": "end-of-crisis", "sortie": "end-of-crisis", "fin-de-crise": "end-of-crisis",
	// recovery states
	"isole": "isolated", "en-investigation": "investigating", "nettoye": "cleaned", "reconstruit": "rebuilt",
	"verifie": "verified", "en-service": "in-service", "compromis": "compromised",
	// task statuses
	"a-faire": "todo", "en-cours": "in-progress", "bloquee": "blocked", "bloque": "blocked",
	"faite": "done", "fait-e": "done", "terminee": "done", "annulee": "cancelled", "annule": "cancelled",
	// entry kinds ("fait" is a fact; a done task is "faite")
	"fait": "fact", "decision": "decision", "escalade": "escalation",
	// verification
	"a-verifier": "to-verify", "verifiee": "verified", "refutee": "refuted", "refute": "refuted",
}

// fromFrench is the code a typed French word stands for, or the word.
func fromFrench(s string) string {
	w := word(s)
	if c, ok := frenchWords[w]; ok {
		return c
	}
	return w
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
