#!/bin/sh
# Makes cellule.db, a record written by Cellule as it was before the
# system's sentences were stored as codes (commit 006ae43), with an entry of
# every kind of sentence the system writes, and the goldens of how that
# Cellule printed it. Run once from the repository at that commit:
#   go build -o /tmp/cellule-old . && sh app/testdata/oldrecord/make.sh /tmp/cellule-old
# The files are kept as they came out: never run it again on newer code.
set -eu
C=${1:?path to the old cellule binary}
OUT=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d)
export TZ=UTC
D="$W/data"
ssh-keygen -q -t ed25519 -N '' -C alice -f "$W/alice" 
ssh-keygen -q -t ed25519 -N '' -C bob -f "$W/bob"
c() { "$C" "$@" --data "$D"; }
# Only serve makes a database: start it once (no keys in this HOME), stop it.
HOME="$W" "$C" serve --data "$D" --listen 127.0.0.1:0 --name "Cyberattaque CH Test" > "$W/serve.log" 2>&1 &
SP=$!
while [ ! -s "$D/cellule.db" ] || ! grep -q serving "$W/serve.log"; do sleep 0.2; done
kill $SP; wait $SP || true
c user add alice --role lead --key-file "$W/alice.pub"
c user add bob --role responder --key-file "$W/bob.pub"
c user role bob viewer
c user role bob responder
c log "CERT Santé appelé : chiffrement sur le SIH de Créteil" --kind info
c log "Coupure d'Internet décidée" --kind decision --at -20m
c log "Ransom note found on the file server" --kind fact
c log "Appel à la presse" --kind communication
c log "Escalade vers l'ARS" --kind escalation
c log "Firewall rules reloaded" --kind action
c stage qualification
c stage containment
c task add "Isoler le serveur de fichiers" --priority 1 --phase 1
c task add "Call the provider" --due +2h
c task assign 1 bob
c task assign 1 -
c task assign 2 alice
c task set 1 --status in-progress
c task set 1 --status blocked --reason "waiting for the provider"
c task set 1 --status done
c task set 2 --title "Appeler le prestataire" --details "numéro d'astreinte" --priority 2 --phase 2
c task set 2 --due +3h
c task set 2 --due ""
c task set 2 --status cancelled
c checklist start hno --label "nuit du 12 septembre"
c checklist tick 1 1
c checklist tick 1 2
c checklist tick 1 2 --undo --reason "wrong server"
c handover "Messagerie et VPN coupés" --open "mots de passe non changés" --next "appeler le prestataire à 8h"
c recovery add "AD-01" --phase 1
c recovery add "Postes urgences" --phase 2 --total 4
c recovery set AD-01 --state investigating
c recovery set AD-01 --state verified --note "analyse faite"
c recovery set "Postes urgences" --state cleaned --count 2
c recovery override "Postes urgences" --reason "urgences vitales"
c recovery set "Postes urgences" --state verified --count 4
for id in $(c recovery --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(str(i["id"]) for p in d["phases"] if p["number"]==1 for i in p["items"]))'); do
  c recovery set "$id" --state verified > /dev/null 2>&1 || true
done
c recovery validate 1
c recovery set AD-01 --state compromised
c stage remediation
c stage end-of-crisis
c close --note "Sortie de crise; plan de remédiation remis"
gzip -9 -n -c "$D/cellule.db" > "$OUT/cellule.db.gz"
c timeline > "$OUT/timeline.txt"
c timeline --json > "$OUT/timeline.json"
c task list > "$OUT/tasks.txt"
rm -rf "$W"
