package main

import (
	"crypto/ed25519"
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"cellule/crisis"
	"cellule/store"
)

// person is a registered user the harness connects as.
type person struct {
	name   string
	signer gossh.Signer
}

// keyFor derives a stable ed25519 key from a name (fast, and the same key
// for the same name across runs).
func keyFor(name string) gossh.Signer {
	seed := sha256.Sum256([]byte("cellule-bench/" + name))
	s, err := gossh.NewSignerFromKey(ed25519.NewKeyFromSeed(seed[:]))
	if err != nil {
		panic(err)
	}
	return s
}

// host is the operator on the machine, as the local CLI acts.
var host = crisis.LocalActor("bench")

// openStopped opens the database of a data directory that no server holds,
// as the local CLI does.
func openStopped(dataDir string) (*store.DB, *crisis.Service, error) {
	db, err := store.Open(filepath.Join(dataDir, "cellule.db"))
	if err != nil {
		return nil, nil, err
	}
	return db, crisis.NewService(db, crisis.WithLocation(time.UTC)), nil
}

// seedPeople opens the crisis and registers a lead and n responders, each
// with a key of their own, through the service (as `cellule user add` does).
func seedPeople(dataDir string, n int) (lead person, responders []person, err error) {
	db, svc, err := openStopped(dataDir)
	if err != nil {
		return lead, nil, err
	}
	defer db.Close()
	if _, err := svc.Open(host, "Benchmark crisis"); err != nil {
		return lead, nil, err
	}
	add := func(name string, role crisis.Role) (person, error) {
		p := person{name: name, signer: keyFor(name)}
		key := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(p.signer.PublicKey())))
		_, err := svc.AddUser(host, name, role, key)
		return p, err
	}
	if lead, err = add("lead", crisis.RoleLead); err != nil {
		return lead, nil, err
	}
	for i := 1; i <= n; i++ {
		p, err := add(fmt.Sprintf("resp%03d", i), crisis.RoleResponder)
		if err != nil {
			return lead, nil, err
		}
		responders = append(responders, p)
	}
	return lead, responders, nil
}

// bulkBatch is how many entries one transaction writes.
const bulkBatch = 20000

var bulkKinds = []crisis.Kind{crisis.KindFact, crisis.KindInfo, crisis.KindAction, crisis.KindDecision, crisis.KindCommunication, crisis.KindEscalation}

var bulkTexts = []string{
	"Firewall rules reloaded on fw-core-%d; traffic to the DMZ cut",
	"Workstation pc-%d reimaged from the clean master and back on the network",
	"Called the provider about backup server srv-bak-%d: tapes intact",
	"AD account svc-%d disabled after suspicious logons at night",
	"Radiology asks when PACS viewer %d is back; told after phase 2",
	"CERT Santé shared new indicators (batch %d); added to the proxy block list",
}

// seedEntries appends n logbook entries straight into the store, in big
// transactions, each with the audit record the service would have written
// for it (so that verify has a real chain to check). One entry in a
// thousand corrects the one before it. It is a bench-only path: the
// product appends one entry per transaction.
func seedEntries(dataDir string, n int, author person) error {
	db, _, err := openStopped(dataDir)
	if err != nil {
		return err
	}
	defer db.Close()
	fp := gossh.FingerprintSHA256(author.signer.PublicKey())
	start := time.Date(2022, 8, 23, 6, 0, 0, 0, time.UTC)
	for done := 0; done < n; {
		size := min(bulkBatch, n-done)
		err := db.Update(func(tx crisis.WriteTx) error {
			for i := done; i < done+size; i++ {
				at := start.Add(time.Duration(i) * 2 * time.Second)
				e := crisis.Entry{
					OccurredAt: at, RecordedAt: at, Author: author.name, AuthorKey: fp,
					Kind: bulkKinds[i%len(bulkKinds)],
					Text: fmt.Sprintf(bulkTexts[i%len(bulkTexts)], i),
				}
				action := "log"
				if i%1000 == 999 {
					e.Amends = uint64(i) // the entry before this one
					action = "correct"
				}
				e, err := tx.AppendEntry(e)
				if err != nil {
					return err
				}
				rec := entryAudit(action, e)
				rec.At, rec.Actor, rec.Fingerprint = at, author.name, fp
				if _, err := tx.AppendAudit(rec); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		done += size
	}
	return nil
}

// entryAudit is the audit record the service writes for a stored entry
// (crisis.entryRecord, which is not exported).
func entryAudit(action string, e crisis.Entry) crisis.AuditRecord {
	detail := fmt.Sprintf("#%d (%s)", e.ID, e.Kind)
	if e.Amends != 0 {
		detail += fmt.Sprintf(", amends #%d", e.Amends)
	}
	return crisis.AuditRecord{Action: action, Subject: fmt.Sprintf("entry/%d", e.ID), Detail: detail, Digest: crisis.DigestOf(e)}
}

func fingerprint(p person) string { return gossh.FingerprintSHA256(p.signer.PublicKey()) }
