package regional

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cellule/crisis"
	"cellule/store"
)

// establishment is a single-node record with its link to the hub.
type establishment struct {
	db   *store.DB
	svc  *crisis.Service
	link *Link
}

func startEstablishment(t *testing.T, dir, hubURL string, record bool) *establishment {
	t.Helper()
	db, err := store.Open(filepath.Join(dir, "cellule.db"))
	if err != nil {
		t.Fatal(err)
	}
	svc := crisis.NewService(db)
	if _, err := svc.Open(crisis.LocalActor("t"), "Crisis in "+filepath.Base(dir)); err != nil {
		t.Fatal(err)
	}
	l, err := StartLink(LinkConfig{DataDir: dir, HubURL: hubURL, Record: record}, db, svc)
	if err != nil {
		t.Fatal(err)
	}
	e := &establishment{db, svc, l}
	t.Cleanup(e.stop)
	return e
}

func (e *establishment) stop() {
	if e.link != nil {
		e.link.Close()
		e.link = nil
		e.db.Close()
	}
}

func (e *establishment) log(t *testing.T, text string) uint64 {
	t.Helper()
	if _, err := e.svc.Log(crisis.LocalActor("t"), crisis.Draft{Kind: crisis.KindInfo, Text: text}); err != nil {
		t.Fatal(err)
	}
	var seq uint64
	if err := e.db.View(func(tx crisis.ReadTx) error {
		r, _, err := tx.AuditHead()
		seq = r.Seq
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return seq
}

func startTestHub(t *testing.T, ests ...string) (*Hub, string, string) {
	t.Helper()
	root := t.TempDir()
	if err := Init("test", ests, root); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	h, err := StartHub(HubConfig{DataDir: filepath.Join(root, "hub"), Listen: addr})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.Close)
	return h, root, addr
}

func (h *Hub) waitFor(t *testing.T, name string, ok func(Establishment) bool) Establishment {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		for _, e := range h.Status().Establishments {
			if e.Name == name && ok(*e) {
				return *e
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited for %s at the hub: %+v", name, h.Status().Establishments)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A record rewritten under the link (another file put in its place, with
// its own chain) is refused at the hub: its links do not follow what the
// hub holds, and nothing more of that establishment is taken.
func TestHubRefusesAChainThatDoesNotFollow(t *testing.T) {
	h, root, addr := startTestHub(t, "cahors")
	dir := filepath.Join(root, "cahors")
	e := startEstablishment(t, dir, addr, true)
	seq := e.log(t, "the first entry")
	h.waitFor(t, "cahors", func(s Establishment) bool { return s.HeadSeq == seq })

	e.stop()
	if err := os.Remove(filepath.Join(dir, "cellule.db")); err != nil {
		t.Fatal(err)
	}
	e = startEstablishment(t, dir, addr, true) // a new record, its own chain
	for i := 0; i < int(seq)+2; i++ {
		e.log(t, fmt.Sprintf("rewritten %d", i))
	}
	got := h.waitFor(t, "cahors", func(s Establishment) bool { return s.Problem != "" })
	if !strings.Contains(got.Problem, "does not follow") || got.HeadSeq != seq {
		t.Fatalf("the hub took the rewritten chain: %+v", got)
	}
	var b strings.Builder
	if err := ShowMarkdown(filepath.Join(root, "hub"), "cahors", &b); err != nil || !strings.Contains(b.String(), "the first entry") || strings.Contains(b.String(), "rewritten") {
		t.Fatalf("the hub's copy of the record changed: %v\n%s", err, b.String())
	}
}

// A machine with another region's certificate is not taken as an
// establishment, while one with this region's is.
func TestHubRefusesAnotherRegionsCertificate(t *testing.T) {
	h, root, addr := startTestHub(t, "cahors", "figeac")
	other := t.TempDir()
	if err := Init("other", []string{"figeac"}, other); err != nil {
		t.Fatal(err)
	}
	startEstablishment(t, filepath.Join(other, "figeac"), addr, false)
	e := startEstablishment(t, filepath.Join(root, "cahors"), addr, false)
	seq := e.log(t, "an entry")
	h.waitFor(t, "cahors", func(s Establishment) bool { return s.HeadSeq == seq && s.Connected })
	for _, s := range h.Status().Establishments {
		if s.Name == "figeac" && (s.Connected || s.Messages > 0) {
			t.Fatalf("the hub took a certificate from another region: %+v", s)
		}
	}
}
