package crisis

import (
	"strconv"
	"strings"
	"time"
)

// The declarations' clocks' and the register's sentences of the record,
// in both languages, merged into the record's tables at start (see Msg).
// A clock's sentence takes the declaration's title in English as {0} and
// in French as {1}; times are {N:clocktime}, spans {N:span} (minutes).
var (
	logEnglishClocks = map[string]string{
		"log.clock.started":           "Declaration clock started: {0} — awareness at {2}, due {3}; recorded by {4}.",
		"log.clock.started-past":      "Declaration clock started: {0} — awareness at {2}, due {3}, already past its deadline by {4:span}; recorded by {5}.",
		"log.clock.started-now":       "Declaration clock started: {0} — awareness at {2}, to be sent without delay; recorded by {3}.",
		"log.clock.chained":           "Declaration clock started: {0} — on sending {2} at {3}, due {4}.",
		"log.clock.chained-past":      "Declaration clock started: {0} — on sending {2} at {3}, due {4}, already past its deadline by {5:span}.",
		"log.clock.sent-early":        "Declaration sent: {0} — to {2}, reference {3}, {4:span} before the deadline.",
		"log.clock.sent-early-reason": "Declaration sent: {0} — to {2}, reference {3}, {4:span} before the deadline. Note: {5}",
		"log.clock.sent-late":         "Declaration sent: {0} — to {2}, reference {3}, LATE by {4:span}.",
		"log.clock.sent-late-reason":  "Declaration sent: {0} — to {2}, reference {3}, LATE by {4:span}. Reasons for the delay: {5}",
		"log.clock.sent-after":        "Declaration sent: {0} — to {2}, reference {3}, {4:span} after awareness.",
		"log.clock.sent-after-reason": "Declaration sent: {0} — to {2}, reference {3}, {4:span} after awareness. Note: {5}",
		"log.clock.skipped":           "Declaration does not apply: {0} — {2}",
		"log.clock.enabled":           "Declarations turned on: {0}",
		"log.clock.disabled":          "Declarations turned off: {0}",

		"register.log-add":      "Register: asset {0}, {1:assetkind} {2}, registered as {3:assetstate}.{parts}",
		"register.log-move":     "Register: asset {0}, {1:assetkind} {2}: {3:assetstate} -> {4:assetstate}.{parts}",
		"register.log-owner":    " Owner: {0}.",
		"register.log-item":     " Recovery item: {0}.",
		"register.log-note":     " Done: {0}.",
		"register.log-remark":   " Note: {0}.",
		"register.log-evidence": " Evidence: {0}.",
		"register.log-import":   "Register: {0} assets imported from a file ({parts, }).",
		"register.log-count":    "{0} {1:assetstate}",
		"register.log-gate":     "Register gate lifted for recovery phase {0} ({1}): it may be validated while {parts} still compromised. Reason: {2}",
		"register.gate-assets":  "{0} asset(s) linked to its items ({1})",
	}
	logFrenchClocks = map[string]string{
		"log.clock.started":           "Délai de déclaration démarré : {1} — prise de connaissance le {2:clocktime}, échéance le {3:clocktime} ; consigné par {4}.",
		"log.clock.started-past":      "Délai de déclaration démarré : {1} — prise de connaissance le {2:clocktime}, échéance le {3:clocktime}, déjà dépassée de {4:span} ; consigné par {5}.",
		"log.clock.started-now":       "Délai de déclaration démarré : {1} — prise de connaissance le {2:clocktime}, à envoyer sans délai ; consigné par {3}.",
		"log.clock.chained":           "Délai de déclaration démarré : {1} — à l'envoi de {2} le {3:clocktime}, échéance le {4:clocktime}.",
		"log.clock.chained-past":      "Délai de déclaration démarré : {1} — à l'envoi de {2} le {3:clocktime}, échéance le {4:clocktime}, déjà dépassée de {5:span}.",
		"log.clock.sent-early":        "Déclaration envoyée : {1} — à {2}, référence {3}, {4:span} avant l'échéance.",
		"log.clock.sent-early-reason": "Déclaration envoyée : {1} — à {2}, référence {3}, {4:span} avant l'échéance. Note : {5}",
		"log.clock.sent-late":         "Déclaration envoyée : {1} — à {2}, référence {3}, EN RETARD de {4:span}.",
		"log.clock.sent-late-reason":  "Déclaration envoyée : {1} — à {2}, référence {3}, EN RETARD de {4:span}. Raisons du retard : {5}",
		"log.clock.sent-after":        "Déclaration envoyée : {1} — à {2}, référence {3}, {4:span} après la prise de connaissance.",
		"log.clock.sent-after-reason": "Déclaration envoyée : {1} — à {2}, référence {3}, {4:span} après la prise de connaissance. Note : {5}",
		"log.clock.skipped":           "Déclaration sans objet : {1} — {2}",
		"log.clock.enabled":           "Déclarations activées : {0}",
		"log.clock.disabled":          "Déclarations désactivées : {0}",

		"register.log-add":      "Registre : élément {0}, {1:assetkind} {2}, enregistré comme {3:assetstate}.{parts}",
		"register.log-move":     "Registre : élément {0}, {1:assetkind} {2} : {3:assetstate} -> {4:assetstate}.{parts}",
		"register.log-owner":    " Propriétaire : {0}.",
		"register.log-item":     " Élément de remédiation : {0}.",
		"register.log-note":     " Fait : {0}.",
		"register.log-remark":   " Note : {0}.",
		"register.log-evidence": " Preuve : {0}.",
		"register.log-import":   "Registre : {0} éléments importés d'un fichier ({parts, }).",
		"register.log-count":    "{0} {1:assetstate}",
		"register.log-gate":     "Verrou du registre levé pour la phase de remédiation {0} ({0:phase}) : elle peut être validée alors que restent compromis {parts}. Raison : {2}",
		"register.gate-assets":  "{0} élément(s) lié(s) à ses éléments ({1})",
	}
	// termsFrenchRegister are the register's kinds and states in French.
	termsFrenchRegister = map[string]string{
		"assetkind:domain-admin": "admin. de domaine", "assetkind:user": "compte utilisateur",
		"assetkind:service": "compte de service", "assetkind:application": "compte applicatif",
		"assetkind:external-access": "accès externe", "assetkind:server": "serveur",
		"assetkind:workstation": "poste de travail", "assetkind:network": "équipement réseau",
		"assetkind:security": "équipement de sécurité", "assetkind:medical": "équipement biomédical",
		"assetkind:ip": "IP", "assetkind:domain": "domaine", "assetkind:hash": "empreinte", "assetkind:cve": "CVE",
		"assetstate:suspected": "suspecté", "assetstate:compromised": "compromis",
		"assetstate:contained": "confiné", "assetstate:remediated": "remédié",
		"assetstate:cleared": "levé", "assetstate:confirmed": "confirmé", "assetstate:blocked": "bloqué",
	}
)

func init() {
	for code, tpl := range logEnglishClocks {
		logEnglish[code] = tpl
	}
	for code, tpl := range logFrenchClocks {
		logFrench[code] = tpl
	}
	for k, w := range termsFrenchRegister {
		termWords[LangFrench][k] = w
	}
}

// clockSay is a clock's sentence about d: its title in both languages,
// then args.
func clockSay(code string, d Declaration, args ...string) Msg {
	return say(code, append([]string{declTitleIn(d, LangEnglish), declTitleIn(d, LangFrench)}, args...)...)
}

func declTitleIn(d Declaration, lang string) string {
	return d.Title.In(lang) + " (" + d.Name + ")"
}

// minutes is a span as the record keeps it in a sentence ({N:span}).
func minutes(d time.Duration) string { return strconv.FormatInt(int64(d/time.Minute), 10) }

// spanIn is a span of minutes as lang writes it: "3d 04h12", "3 j 04h12".
func spanIn(lang, v string) string {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return v
	}
	s := DurationText(time.Duration(n) * time.Minute)
	if lang == LangFrench {
		s = strings.Replace(s, "d ", " j ", 1)
	}
	return s
}

// clockTimeIn is a clock's time (clockTime, zone by name) as lang writes it.
func clockTimeIn(lang, v string) string {
	t, err := time.Parse(clockTime, v)
	if err != nil || lang != LangFrench {
		return v
	}
	return t.Format("02/01/2006 15:04 MST")
}
