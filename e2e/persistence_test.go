package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cellule/app"
	"cellule/cli"
)

func TestEntriesSurviveRestart(t *testing.T) {
	leadKey, leadPub := newKey(t)
	dir := t.TempDir()
	srv := startServer(t, dir, homeWithKey(t, leadPub), false)
	c := connect(t, srv.addr, leadKey)
	var ids []string
	for _, text := range []string{"Zimbra server disconnected", "Backup server unplugged", "VPN access disabled"} {
		out, errOut, code := run(t, c, "", "log", text, "--kind", "action")
		if code != 0 {
			t.Fatalf("log: %s", errOut)
		}
		ids = append(ids, strings.TrimSpace(out))
	}
	c.Close()
	srv.stop()

	srv = startServer(t, dir, t.TempDir(), false)
	c = connect(t, srv.addr, leadKey)
	out, _, code := run(t, c, "", "timeline", "--json")
	if code != 0 {
		t.Fatal("timeline failed after restart")
	}
	var entries []struct {
		ID   int    `json:"id"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{}
	for _, e := range entries {
		texts[e.Text] = true
	}
	for _, want := range []string{"Zimbra server disconnected", "Backup server unplugged", "VPN access disabled"} {
		if !texts[want] {
			t.Errorf("acknowledged entry %q lost after a restart (acknowledged ids %v)", want, ids)
		}
	}
}

func TestLocalUserCommandRefusesRunningServer(t *testing.T) {
	_, leadPub := newKey(t)
	dir := t.TempDir()
	srv := startServer(t, dir, homeWithKey(t, leadPub), false)
	_, pub := newKey(t)
	var out, errOut bytes.Buffer
	env := app.LocalEnv(strings.NewReader(""), &out, &errOut)
	code := cli.Execute(context.Background(), env, []string{"--data", dir, "user", "add", "carol", "--role", "viewer", pub})
	if code == 0 {
		t.Fatal("the local CLI wrote to a running server's database")
	}
	port := srv.addr[strings.LastIndexByte(srv.addr, ':')+1:]
	msg := errOut.String()
	if !strings.Contains(msg, "in use by a running Cellule server") || !strings.Contains(msg, "ssh -p "+port+" localhost 'user add carol") {
		t.Errorf("the refusal does not say why or what to run instead: %q", msg)
	}

	// With a key file, the SSH form sends the file on standard input.
	keyFile := filepath.Join(t.TempDir(), "carol.pub")
	if err := os.WriteFile(keyFile, []byte(pub+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	errOut.Reset()
	cli.Execute(context.Background(), env, []string{"--data", dir, "user", "add", "carol", "--role", "viewer", "--key-file", keyFile})
	if want := "ssh -p " + port + " localhost user add carol --role viewer < " + keyFile; !strings.Contains(errOut.String(), want) {
		t.Errorf("the refusal does not name %q:\n%s", want, errOut.String())
	}

	// Text with an apostrophe is quoted for the server, then for the shell.
	errOut.Reset()
	cli.Execute(context.Background(), env, []string{"--data", dir, "log", "it's down"})
	if want := `ssh -p ` + port + ` localhost 'log "it'\''s down"'`; !strings.Contains(errOut.String(), want) {
		t.Errorf("the refusal does not name %s:\n%s", want, errOut.String())
	}

	// Stopped, the same command works on the same data.
	srv.stop()
	out.Reset()
	errOut.Reset()
	if code := cli.Execute(context.Background(), env, []string{"--data", dir, "user", "add", "carol", "--role", "viewer", pub}); code != 0 {
		t.Fatalf("user add on a stopped server's data: exit %d: %s", code, errOut.String())
	}
	out.Reset()
	if code := cli.Execute(context.Background(), env, []string{"--data", dir, "user", "list"}); code != 0 || !strings.Contains(out.String(), "carol") || !strings.Contains(out.String(), "viewer") {
		t.Errorf("user list: exit %d: %s", code, out.String())
	}
	out.Reset()
	if code := cli.Execute(context.Background(), env, []string{"--data", dir, "user", "revoke", "carol"}); code != 0 || !strings.Contains(out.String(), "revoked carol") {
		t.Errorf("user revoke: exit %d: %s %s", code, out.String(), errOut.String())
	}
}

func TestNoKeysStillServesAndSaysHowToAddAUser(t *testing.T) {
	srv := startServer(t, t.TempDir(), t.TempDir(), false)
	if !strings.Contains(srv.out.String(), "cellule user add NAME --role lead --key-file FILE.pub") {
		t.Errorf("a first start without keys does not say how to add a user:\n%s", srv.out)
	}
}

func TestServeNamesAndRenamesTheCrisis(t *testing.T) {
	leadKey, leadPub := newKey(t)
	dir := t.TempDir()
	srv := startServerWith(t, dir, homeWithKey(t, leadPub), cli.ServeOptions{Name: "Cyberattack CH Cahors"})
	c := connect(t, srv.addr, leadKey)
	if out, _, _ := run(t, c, "", "stage"); !strings.HasPrefix(out, "Cyberattack CH Cahors: alert") {
		t.Errorf("stage = %q", out)
	}
	c.Close()
	srv.stop()

	srv = startServerWith(t, dir, t.TempDir(), cli.ServeOptions{Name: "Cyberattack CH Cahors (mail)"})
	c = connect(t, srv.addr, leadKey)
	if out, _, _ := run(t, c, "", "stage"); !strings.HasPrefix(out, "Cyberattack CH Cahors (mail): alert") {
		t.Errorf("after --name on a restart, stage = %q", out)
	}
	if out, _, _ := run(t, c, "", "timeline"); !strings.Contains(out, "Crisis renamed from") {
		t.Errorf("the rename is not in the logbook:\n%s", out)
	}
}

func TestLocalCommandsCreateNothing(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	env := app.LocalEnv(strings.NewReader(""), &out, &errOut)
	if code := cli.Execute(context.Background(), env, []string{"--data", dir, "user", "list"}); code == 0 || !strings.Contains(errOut.String(), "no Cellule database in") {
		t.Errorf("user list on an empty directory: exit %d, %q", code, errOut.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a local command created %v in a directory without a database", entries)
	}
}

func TestServeTimeZone(t *testing.T) {
	leadKey, leadPub := newKey(t)
	srv := startServerWith(t, t.TempDir(), homeWithKey(t, leadPub), cli.ServeOptions{TZ: "Europe/Paris"})
	c := connect(t, srv.addr, leadKey)
	// The last 12 September, within the window around the crisis (README).
	now := time.Now()
	year := now.Year()
	if now.Before(time.Date(year, 9, 13, 0, 0, 0, 0, time.UTC)) {
		year--
	}
	day := fmt.Sprintf("%d-09-12", year)
	if _, errOut, code := run(t, c, "", "log", "Backup server unplugged", "--at", day+"T03:40"); code != 0 {
		t.Fatal(errOut)
	}
	out, _, _ := run(t, c, "", "timeline", "--json")
	if !strings.Contains(out, `"occurred_at":"`+day+`T01:40:00Z"`) {
		t.Errorf("03:40 in Paris (summer time) is not stored as 01:40 UTC:\n%s", out)
	}
	if out, _, _ := run(t, c, "", "timeline"); !strings.Contains(out, day+" 03:40") {
		t.Errorf("the timeline does not show Paris time:\n%s", out)
	}
}
