package crisis

// Built-in checklists, in French and English, drawn from CERT Santé's
// lessons-learned report on the Cahors 2022 incident: the out-of-hours
// containment of 12-13 September, and the end of the crisis on 20 September.
// Contacts name a role in the directory, so the hospital's own numbers show.

// Short names of the built-in templates, stable in commands.
const (
	TemplateHNO         = "hno"
	TemplateEndOfCrisis = "end-of-crisis"
)

func both(en, fr string) Localized { return Localized{LangEnglish: en, LangFrench: fr} }

func step(en, fr string) TemplateStep { return TemplateStep{Text: both(en, fr)} }

func (s TemplateStep) detail(en, fr string) TemplateStep { s.Detail = both(en, fr); return s }

func (s TemplateStep) call(contact string) TemplateStep { s.Contact = contact; return s }

// builtInTemplates is a function so that no caller can change the shared
// texts through the maps it returns.
func builtInTemplates() []ChecklistTemplate {
	return []ChecklistTemplate{
		{
			Name:    TemplateHNO,
			BuiltIn: true,
			Title:   both("Out-of-hours on-call — suspected compromise", "Astreinte HNO — suspicion de compromission"),
			Steps: []TemplateStep{
				step("Confirm the alert: what was seen, where, by whom", "Confirmer l'alerte : ce qui a été vu, où, par qui").
					detail("Check the source (sensor, CERT Santé, a user) before acting, and log what you saw.",
						"Vérifier la source (sonde, CERT Santé, utilisateur) avant d'agir, et noter ce qui a été vu."),
				step("Call the on-call administrator", "Appeler l'administrateur d'astreinte").call("On-call administrator"),
				step("Call the crisis lead", "Appeler le responsable de la cellule de crise").call("Crisis lead"),
				step("Note the time of awareness: it starts the CNIL 72-hour clock", "Noter l'heure de prise de connaissance : elle ouvre le délai CNIL de 72 heures").
					detail("Log it as a fact. A personal data breach is notified to the CNIL within 72 hours of awareness.",
						"La noter comme un fait. Une violation de données personnelles se notifie à la CNIL dans les 72 heures."),
				step("Isolate the affected server and end illegitimate sessions", "Isoler le serveur touché et mettre fin aux sessions illégitimes"),
				step("Collect logs before any reinstall", "Collecter les journaux avant toute réinstallation").
					detail("System, application and authentication logs, copied off the machine. A reinstall destroys the evidence.",
						"Journaux système, applicatifs et d'authentification, copiés hors de la machine. Une réinstallation efface les preuves."),
				step("Disconnect the backup server", "Déconnecter le serveur de sauvegarde").
					detail("Physically, so the backups survive if the network is encrypted.",
						"Physiquement, pour que les sauvegardes survivent à un chiffrement du réseau."),
				step("Disable external access to mail and VPN", "Désactiver les accès externes à la messagerie et au VPN"),
				step("Disable compromised admin accounts", "Désactiver les comptes administrateurs compromis"),
				step("Block inbound attachments", "Bloquer les pièces jointes en entrée").call("Mail provider"),
				step("Change passwords exposed on the Internet", "Changer les mots de passe exposés sur Internet"),
				step("Declare the incident to CERT Santé", "Déclarer l'incident au CERT Santé").call("CERT Santé").
					detail("On the incident portal; CERT Santé can support out of hours.",
						"Sur le portail de signalement ; le CERT Santé peut appuyer en heures non ouvrées."),
				step("Log every action in Cellule", "Consigner chaque action dans Cellule").
					detail("What, when, who: the logbook is the evidence for the CNIL, the police and the insurer.",
						"Quoi, quand, qui : la main courante est la preuve pour la CNIL, la police et l'assureur."),
			},
		},
		{
			Name:    TemplateEndOfCrisis,
			BuiltIn: true,
			Title:   both("End of crisis", "Sortie de crise"),
			Steps: []TemplateStep{
				step("Take stock: extent of the compromise, patient data, services affected", "Dresser le bilan : étendue de la compromission, données patients, services touchés"),
				step("Check that no equipment is encrypted and that every account is legitimate", "Vérifier l'absence de chiffrement des équipements et la légitimité des comptes"),
				step("Filter, then reopen vital flows and interconnections step by step", "Filtrer, puis rouvrir progressivement les flux et interconnexions vitaux"),
				step("File a complaint with the police", "Déposer plainte"),
				step("Declare the incident to the CNIL", "Déclarer l'incident à la CNIL").call("Data protection officer"),
				step("Tell users inside the hospital", "Communiquer en interne auprès des utilisateurs").
					detail("Cahors: the use of 4G keys and smartphones was banned.",
						"Cahors : l'usage des clés 4G et smartphones a été proscrit."),
				step("Define the remediation plan with CERT Santé", "Définir le plan de remédiation avec le CERT Santé").call("CERT Santé").
					detail("Axes: network segmentation, less obsolescence, hardening, new administration practices, keeping the security level.",
						"Axes : segmentation réseau, limitation de l'obsolescence, durcissement, pratiques d'administration, maintien du niveau de sécurité."),
				step("Plan the recovery in four phases", "Planifier la reprise en quatre phases").
					detail("1 core IS (firewall...), 2 business services and mail, 3 other services and servers, 4 workstations.",
						"1 socle du SI (firewall...), 2 services métiers et messagerie, 3 autres services et serveurs, 4 postes de travail."),
				step("Move the crisis to the end-of-crisis stage in Cellule", "Passer la crise à l'étape « sortie de crise » dans Cellule"),
				step("Prepare the lessons-learned report", "Préparer le retour d'expérience"),
			},
		},
	}
}

// builtInTemplate finds a built-in template by its short name.
func builtInTemplate(name string) (ChecklistTemplate, bool) {
	for _, t := range builtInTemplates() {
		if t.Name == name {
			return t, true
		}
	}
	return ChecklistTemplate{}, false
}
