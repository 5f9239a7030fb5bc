package crisis

import (
	"fmt"
	"time"
)

// DemoCrisisName is the crisis that `cellule serve --demo` loads.
const DemoCrisisName = "CH Cahors — Zimbra compromise (CVE-2022-37042)"

// DemoAuthorKey marks the demo's entries: they were written by no one's key.
const DemoAuthorKey = "demo"

// Authors of the demo entries: actors of the Cahors incident, not users.
const (
	demoCERT     = "CERT Santé"
	demoVeille   = "CERT Santé — Cyberveille"
	demoDSI      = "CH Cahors — DSI"
	demoDirector = "CH Cahors — direction"
	demoProvider = "Prestataire messagerie"
	demoCell     = "Cellule de crise"
)

// demoZone is French summer time: every event of the scenario falls
// between 23 Aug and 20 Sep 2022, all within CEST (UTC+2). A fixed offset
// needs no tzdata on the host.
var demoZone = time.FixedZone("CEST", 2*60*60)

// demoEntry is one line of the scenario. Times are Paris wall-clock times.
type demoEntry struct {
	at       string // when it happened, "2006-01-02 15:04"
	recorded string // when it was written down, if later; "" for at
	by       string
	kind     Kind
	text     string
	name     string // lets a later row amend this one
	amends   string // the name of the row this one corrects
	stage    Stage  // the stage this row moves the crisis to, if any
}

// demoScenario is the chronology of CERT Santé's lessons-learned report
// (retour d'expérience) on the incident at the Centre Hospitalier de
// Cahors, 23 Aug - 20 Sep 2022: the compromise of its Zimbra mail server
// through CVE-2022-37042, then of a domain administrator account. Dates and
// facts are the report's; hours of the day are plausible reconstructions,
// and the stage changes are Cellule's reading of the report's phases.
// Rows are in chronological order.
var demoScenario = []demoEntry{
	// 23-31 Aug: the alert.
	{at: "2022-08-23 09:30", by: demoVeille, kind: KindInfo,
		text: "Cyberveille alert: Zimbra Collaboration flaws are being exploited. CVE-2022-37042 (critical) allows remote code execution. Vulnerable: 8.8.15 without Patch 33, 9.0.0 without Patch 26."},
	{at: "2022-08-23 11:00", by: demoVeille, kind: KindInfo, name: "notified",
		text: "Alert sent to 25 potentially vulnerable health establishments, CH Cahors among them: its Zimbra mail server may be exposed."},
	{at: "2022-08-24 09:15", by: demoVeille, kind: KindInfo, amends: "notified",
		text: "Correction: 26 establishments were notified on 23 Aug, not 25."},
	{at: "2022-08-31 08:45", by: demoDSI, kind: KindAction,
		text: "Cyberveille alert taken in hand: our mail server runs Zimbra Collaboration. Mail provider asked to apply the security patch."},
	{at: "2022-08-31 11:30", by: demoProvider, kind: KindAction,
		text: "Security patch deployed on the Zimbra mail server."},
	{at: "2022-08-31 15:00", by: demoCERT, kind: KindInfo,
		text: "CERT Santé asks CH Cahors to investigate: check that the mail server shows no sign of compromise (the patch does not undo an earlier intrusion)."},
	{at: "2022-08-31 15:30", by: demoCell, kind: KindDecision, stage: StageQualification,
		text: "Stage changed from alert to qualification: check the mail server for compromise."},

	// 6-7 Sep: compromise of the mail server.
	{at: "2022-09-06 14:00", by: demoDSI, kind: KindFact,
		text: "Investigation means set up. Compromise of the Zimbra mail server confirmed."},
	{at: "2022-09-06 14:30", by: demoCell, kind: KindDecision, stage: StageContainment,
		text: "Stage changed from qualification to containment: the mail server is compromised."},
	{at: "2022-09-06 15:00", by: demoDSI, kind: KindAction,
		text: "First safety measure: mail server disconnected. Mail is down for the administrative services."},
	{at: "2022-09-06 17:30", by: demoDSI, kind: KindFact,
		text: "Incident declared on the dedicated portal as resolved. No request for support from CERT Santé."},
	{at: "2022-09-07 11:00", by: demoDSI, kind: KindFact,
		text: "Malicious actions identified after the compromise: the attacker was mining cryptocurrency on the server."},
	{at: "2022-09-07 17:00", by: demoDSI, kind: KindFact,
		text: "So far no secrets (passwords, keys) have been changed and the server has not been reinstalled."},

	// 9 Sep: the perimeter may be wider.
	{at: "2022-09-09 10:00", by: demoDSI, kind: KindFact,
		text: "Confirmed to CERT Santé: Zimbra authenticated its clients against Active Directory. The VPN uses the same AD authentication."},
	{at: "2022-09-09 11:30", by: demoCERT, kind: KindEscalation,
		text: "CERT Santé suspects a wider impacted perimeter (AD credentials exposed through Zimbra also open the VPN). Advice: continue the investigations. CERT Santé organises a meeting between experts."},
	{at: "2022-09-09 12:00", by: demoCell, kind: KindDecision, stage: StageInvestigation,
		text: "Stage changed from containment to investigation: the compromise may reach beyond the mail server."},

	// 12-13 Sep: a domain admin account is compromised; night containment.
	{at: "2022-09-12 19:30", by: demoCERT, kind: KindEscalation,
		text: "Joint search for an advanced compromise: after CERT Santé's technical support to collect and analyse the logs, a domain administrator account is found compromised."},
	{at: "2022-09-12 20:00", by: demoCell, kind: KindDecision, stage: StageContainment,
		text: "Stage changed from investigation to containment: a domain admin account is compromised."},
	{at: "2022-09-12 20:30", by: demoCERT, kind: KindAction,
		text: "Exceptional out-of-hours (HNO) intervention to support the CH tonight."},
	{at: "2022-09-12 21:00", by: demoCell, kind: KindDecision,
		text: "New containment measures, as recommended by CERT Santé: isolate the IS and end the illegitimate session; disconnect the physical backup server; disable external access to mail and VPN and the compromised admin accounts; block inbound attachments; change the passwords exposed on the Internet."},
	{at: "2022-09-12 22:15", recorded: "2022-09-13 08:30", by: demoDSI, kind: KindAction,
		text: "IS isolated; the attacker's illegitimate session ended."},
	{at: "2022-09-12 23:00", recorded: "2022-09-13 08:30", by: demoDSI, kind: KindAction,
		text: "Physical backup server disconnected."},
	{at: "2022-09-13 00:40", recorded: "2022-09-13 08:45", by: demoDSI, kind: KindAction,
		text: "External access to mail and to the VPN disabled. Compromised administrator accounts disabled."},
	{at: "2022-09-13 10:00", by: demoProvider, kind: KindAction,
		text: "Inbound attachments blocked on the mail service."},
	{at: "2022-09-13 11:30", by: demoDSI, kind: KindAction,
		text: "Passwords exposed on the Internet changed."},
	{at: "2022-09-13 14:00", by: demoCell, kind: KindDecision,
		text: "Action plan co-built with CERT Santé for the rest of the investigations: check that no equipment is encrypted, analyse flows and interconnections, collect logs, verify that every account is legitimate."},
	{at: "2022-09-13 16:00", by: demoCell, kind: KindDecision, stage: StageRemediation,
		text: "Stage changed from containment to remediation: perimeter contained; remediation plan to be defined with CERT Santé."},

	// 14-16 Sep: reopening and remediation plan.
	{at: "2022-09-14 10:00", by: demoDSI, kind: KindAction,
		text: "Filtering in place; vital flows and interconnections reopening progressively (continues tomorrow)."},
	{at: "2022-09-15 11:00", by: demoDirector, kind: KindCommunication,
		text: "Complaint filed with the police; incident declared to the CNIL."},
	{at: "2022-09-15 16:00", by: demoDirector, kind: KindCommunication,
		text: "Internal communication to users about the incident."},
	{at: "2022-09-16 15:00", by: demoCell, kind: KindDecision,
		text: "Remediation plan defined with CERT Santé. Axes: network segmentation; less obsolescence (critical machines first); hardening; new administration practices; keeping the security level over time."},
	{at: "2022-09-16 15:15", by: demoCell, kind: KindDecision,
		text: "Recovery in 4 phases: 1 core IS (firewall...), make sure the core is secure; 2 business services and mail, check them and return to standard use step by step; 3 other services and servers, reopen the less critical ones; 4 workstations, back in service for all staff."},

	// 20 Sep: end of the crisis.
	{at: "2022-09-20 09:30", by: demoDirector, kind: KindFact,
		text: "Assessment: no major compromise of the IS. Patient records were not affected (hosted by a certified health-data host, HDS). Administrative services were affected by the mail servers' disconnection."},
	{at: "2022-09-20 10:00", by: demoCell, kind: KindDecision, stage: StageEnd,
		text: "Stage changed from remediation to end-of-crisis: sortie de crise. Remediation plan prepared on the priority axes identified."},
	{at: "2022-09-20 11:00", by: demoDirector, kind: KindCommunication,
		text: "Internal communication to all CH users: the use of 4G keys and smartphones is banned."},
}

// demoFinalStage is where the scenario leaves the crisis: its last stage
// change above.
const demoFinalStage = StageEnd

// LoadDemo loads the Cahors 2022 scenario into an empty logbook. It refuses
// (ErrConflict) when the logbook already has entries, changing nothing.
// Everything lands in one transaction, with an audit record for the crisis
// and one for each entry, or nothing does.
func (s *Service) LoadDemo(a Actor) error { return s.LoadDemoIn(a, LangEnglish) }

// LoadDemoIn is LoadDemo with the scenario's entries in lang (the server's
// language): English, or the French of the report it was built from.
func (s *Service) LoadDemoIn(a Actor, lang string) error {
	return s.write(a, ActLoadDemo, func(tx WriteTx, now time.Time) ([]AuditRecord, error) {
		last, err := tx.LastEntryID()
		if err != nil {
			return nil, err
		}
		if last > 0 {
			return nil, conflictf("demo.not-empty", last)
		}
		opened, err := demoTime(demoScenario[0].at)
		if err != nil {
			return nil, err
		}
		c := Crisis{Name: DemoCrisisName, Stage: demoFinalStage, OpenedAt: opened}
		ids := map[string]uint64{}
		var recs []AuditRecord
		for i, row := range demoScenario {
			if fr, ok := demoFrench[row.text]; ok && lang == LangFrench {
				row.text = fr
			}
			e, err := row.entry(ids)
			if err != nil {
				return nil, fmt.Errorf("demo row %d: %w", i+1, err)
			}
			if e, err = tx.AppendEntry(e); err != nil {
				return nil, err
			}
			recs = append(recs, entryRecord("demo.log", e))
			if row.name != "" {
				ids[row.name] = e.ID
			}
			if e.Stage == StageEnd {
				// The crisis ended when the closing stage change was made.
				ended := e.OccurredAt
				c.EndedAt = &ended
			}
		}
		if recs, err = appendDemoTasks(tx, recs); err != nil {
			return nil, err
		}
		if err := tx.PutCrisis(c); err != nil {
			return nil, err
		}
		if recs, err = demoOnCall(tx, recs); err != nil {
			return nil, err
		}
		load := crisisRecord("demo.load", fmt.Sprintf("loaded the Cahors 2022 demo: %d entries", len(demoScenario)), c)
		return demoRecovery(tx, append([]AuditRecord{load}, recs...))
	})
}

// entry turns a row into the entry to append; ids maps the names of rows
// already appended to their ids.
func (row demoEntry) entry(ids map[string]uint64) (Entry, error) {
	occurred, err := demoTime(row.at)
	if err != nil {
		return Entry{}, err
	}
	recorded := occurred
	if row.recorded != "" {
		if recorded, err = demoTime(row.recorded); err != nil {
			return Entry{}, err
		}
	}
	e := Entry{OccurredAt: occurred, RecordedAt: recorded, Author: row.by, AuthorKey: DemoAuthorKey, Kind: row.kind, Text: row.text, Stage: row.stage}
	if row.amends != "" {
		id, ok := ids[row.amends]
		if !ok {
			return Entry{}, fmt.Errorf("amends %q, which no earlier row names", row.amends)
		}
		e.Amends = id
	}
	return e, nil
}

func demoTime(s string) (time.Time, error) {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, demoZone)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad demo time %q: %w", s, err)
	}
	return t.UTC(), nil
}
