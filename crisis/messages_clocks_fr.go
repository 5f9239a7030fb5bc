package crisis

// frenchClocks is englishClocks in French: the same codes and verbs.
var frenchClocks = map[string]string{
	"clock.missing":            "il n'y a pas de déclaration %q (utilisez l'une de : %s)",
	"clock.off":                "la déclaration %s est désactivée : un responsable l'active avec : clock enable %s",
	"clock.off-started":        "le délai de %s a commencé : la déclaration ne peut plus être désactivée ; si elle ne s'applique pas, dites pourquoi avec : clock skip %[1]s --reason TEXTE",
	"clock.enabled-already":    "%s est déjà %s",
	"clock.started-already":    "le délai de %s a déjà commencé (prise de connaissance à %s, consignée par %s)",
	"clock.ended":              "la déclaration %s est déjà %s",
	"clock.starts-after":       "le délai de %s commence quand %s est consignée comme envoyée, pas à la main",
	"clock.not-started":        "le délai de %s n'a pas commencé : consignez d'abord le moment de la prise de connaissance (clock start %[1]s --at HEURE)",
	"clock.sent-before-start":  "la déclaration %s ne peut pas avoir été envoyée avant le début de son délai (%s)",
	"clock.late-reason-needed": "%s a dépassé son échéance de %s : donnez les raisons du retard avec --reason (l'autorité les demande)",
	"clock.skip-reason-needed": "dites pourquoi la déclaration ne s'applique pas, avec --reason",
	"clock.ref-needed":         "donnez la référence de la déclaration avec --ref (le numéro du portail, le numéro d'enregistrement de la plainte)",
	"clock.ref-long":           "la référence est trop longue (au plus %d caractères)",
	"clock.to-long":            "le destinataire est trop long (au plus %d caractères)",
	"clock.reason-long":        "la raison est trop longue (au plus %d caractères)",
	"clock.deadline-bad":       "délai illisible %q (utilisez 72h, 3d, 1 month, ou laissez vide pour « sans délai »)",
	"clock.bad-name":           "nom de déclaration invalide %q : lettres minuscules, chiffres et '-', au plus 32",
	"clock.after-unknown":      "%s commence après %s, qui n'est pas une déclaration connue ici",
	"clock.after-self":         "%s ne peut pas commencer après elle-même",
	"clock.title-long":         "le titre est trop long (au plus %d caractères)",
	"clock.title-empty":        "la déclaration %s doit avoir un titre",
	"clock.basis-long":         "la base légale est trop longue (au plus %d caractères)",
	"clock.yaml-syntax":        "ce n'est pas du YAML : %s",
	"clock.yaml-list":          "une liste de déclarations est attendue (ou declarations: [...])",
	"clock.yaml-item":          "une déclaration est un dictionnaire (name:, title:, deadline:, ...)",
	"clock.yaml-field":         "impossible de lire cette déclaration : %s",
	"clock.yaml-unknown-key":   "clé inconnue %q (utilisez : %s)",
	"clock.yaml-twice":         "la déclaration %s figure deux fois dans ce fichier",
	"clock.too-many":           "trop de déclarations (au plus %d dans un fichier)",
	"clock.import-rejected":    "%d ligne(s) refusée(s) : rien n'a été importé",
	"forbidden.run-clock":      "un %s ne peut pas démarrer ni clore le délai d'une déclaration",
	"forbidden.manage-clocks":  "un %s ne peut pas écarter, activer, désactiver ni importer de déclarations (responsables seulement)",
}

// frenchRegister is englishRegister in French: the same codes and verbs.
var frenchRegister = map[string]string{
	"register.kind-unknown":     "type inconnu %q (utilisez l'un de : %s)",
	"register.state-unknown":    "état inconnu %q (un élément de classe %s est dans l'un de : %s)",
	"register.state-needed":     "donnez le nouvel état (--state)",
	"register.identifier-empty": "l'élément doit avoir un identifiant (l'identifiant d'un compte, le nom d'une machine, un indicateur)",
	"register.identifier-long":  "l'identifiant est trop long (au plus %d caractères)",
	"register.ip-bad":           "%q n'est pas une adresse IP ni un réseau (par ex. 203.0.113.7 ou 203.0.113.0/24)",
	"register.cve-bad":          "%q n'est pas un numéro CVE (par ex. CVE-2023-4966)",
	"register.hash-bad":         "%q n'est pas une empreinte (MD5, SHA-1, SHA-256 ou SHA-512, en hexadécimal)",
	"register.domain-bad":       "%q n'est pas un nom de domaine (par ex. update-check.example)",
	"register.owner-long":       "le propriétaire est trop long (au plus %d caractères)",
	"register.note-long":        "la note est trop longue (au plus %d caractères)",
	"register.evidence-long":    "la preuve est trop longue (au plus %d caractères) : dites où le reste est conservé",
	"register.tasks-many":       "un élément est lié à %d tâches au plus",
	"register.full":             "le registre tient au plus %d éléments",
	"register.exists":           "%s %q est déjà au registre, comme élément %d",
	"register.which":            "désignez l'élément : son numéro ou son identifiant",
	"register.missing":          "il n'y a pas d'élément %s au registre",
	"register.ambiguous":        "plusieurs éléments s'appellent %q : %s ; donnez le numéro",
	"register.state-same":       "l'élément %d (%s) est déjà %s",
	"register.move-refused":     "l'élément %d (%s) ne peut pas passer de %s à %s (depuis %s, il passe à : %s)",
	"register.clear-reason":     "lever un soupçon demande sa raison : dites pourquoi dans --note ou --evidence",
	"register.history-full":     "l'élément %d a déjà %d changements ; enregistrez-le de nouveau sous un nouvel identifiant",
	"register.header":           "la première ligne doit nommer les colonnes, au moins identifier et kind (connues : %s)",
	"register.csv":              "CSV illisible : %s",
	"register.columns":          "%d colonnes alors que l'en-tête en a %d",
	"register.row-twice":        "%s figure déjà à la ligne %d",
	"register.gate":             "la phase %d ne peut pas être validée : %s encore compromis (non remédiés) ; remédiez-les, ou un responsable lève le verrou du registre en donnant sa raison",
	"register.gate-reason":      "lever le verrou du registre demande une raison",
	"register.gate-long":        "la raison est trop longue (au plus %d caractères)",
	"register.gate-lifted":      "le verrou du registre de la phase %d a déjà été levé par %s",
	"register.gate-open":        "aucun élément lié à la phase %d n'est compromis : il n'y a pas de verrou à lever",
	"forbidden.write-register":  "un %s ne peut pas modifier le registre",
}

// frenchMore is the cluster's and the theme's refusals in French.
var frenchMore = map[string]string{
	"cluster.no-majority":   "NON ENREGISTRÉ : pas de majorité : %d nœuds joignables sur %d ; le dossier est en lecture seule jusqu'au retour de l'un d'eux. Rien n'a été écrit ; la lecture et les exports continuent. Gardez votre texte.",
	"cluster.unknown":       "NON CONFIRMÉ : le cluster n'a pas répondu à temps. L'écriture est peut-être enregistrée (elle apparaît alors une fois dans la chronologie d'ici quelques secondes) ; regardez avant de la réécrire.",
	"cluster.local-write":   "NON ENREGISTRÉ : ce dossier est celui d'un nœud de cluster : sur son hôte il est en lecture seule, car un changement ici n'atteindrait pas les autres nœuds. Écrivez par SSH sur un nœud en marche : %s",
	"cluster.behind":        "NON ENREGISTRÉ : ce nœud n'a pas pu rattraper les autres à temps (%s). Rien n'a été écrit ; la lecture continue ; réessayez.",
	"cluster.not-ready":     "NON ENREGISTRÉ : ce nœud n'a pas encore rejoint son cluster (%s). Rien n'a été écrit ; la lecture continue.",
	"user.theme-unknown":    "thème inconnu %q : dark, light ou auto",
	"forbidden.theme-other": "un %s ne peut choisir que son propre thème",
	"forbidden.set-theme":   "un %s ne peut pas choisir de thème",
}

func init() {
	for _, t := range []map[string]string{frenchClocks, frenchRegister, frenchMore} {
		for code, sentence := range t {
			French[code] = sentence
		}
	}
}
