package regional

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"cellule/crisis"
	"cellule/internal/natsembed"
	"cellule/store"
)

// maxShare bounds one message: a record larger than this is shared as
// status only, and said so.
const maxShare = 8<<20 - 64<<10

// maxLinks is how many chain links one message carries.
const maxLinks = 4000

// LinkConfig is how serve starts an establishment's link to its hub.
type LinkConfig struct {
	DataDir string
	HubURL  string
	// Record shares the whole record; otherwise status and counts only.
	Record bool
	Log    io.Writer
}

// Link is an establishment's side: an embedded NATS server in its own
// JetStream domain, a leaf connection out to the hub, and the SHARE
// stream the hub sources.
type Link struct {
	cfg  LinkConfig
	meta Meta
	srv  *server.Server
	nc   *nats.Conn
	js   jetstream.JetStream
	db   *store.DB
	svc  *crisis.Service

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	head   ChainLink // the last link the stream holds
}

// Name is the establishment's name in the region.
func (l *Link) Name() string { return l.meta.Self }

// HubURL parses --hub-url: HOST:PORT or tls://HOST:PORT.
func parseHubURL(s string) (*url.URL, error) {
	if !strings.Contains(s, "://") {
		s = "tls://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Port() == "" {
		return nil, fmt.Errorf("--hub-url %s: expected HOST:PORT or tls://HOST:PORT", s)
	}
	u.Scheme = "tls"
	return u, nil
}

// StartLink starts the establishment's link. It returns at once: the
// leaf connection comes and goes with the network, and the stream keeps
// what was written meanwhile.
func StartLink(cfg LinkConfig, db *store.DB, svc *crisis.Service) (*Link, error) {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	u, err := parseHubURL(cfg.HubURL)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(cfg.DataDir, linkDir)
	m, err := loadMeta(dir)
	if errors.Is(err, os.ErrNotExist) || (err == nil && m.Self == "") {
		return nil, fmt.Errorf("--hub-url: %s holds no hub credentials: copy there the %s directory that `cellule hub init` made for this establishment", cfg.DataDir, linkDir)
	}
	if err != nil {
		return nil, err
	}
	tc, err := tlsConfig(dir, false)
	if err != nil {
		return nil, err
	}
	opts, err := natsembed.Base(m.Self, filepath.Join(dir, streamDir))
	if err != nil {
		return nil, err
	}
	opts.MaxPayload = maxShare + 64<<10
	opts.JetStreamDomain = domain(m.Self)
	opts.JetStreamMaxMemory = 16 << 20
	opts.LeafNode = server.LeafNodeOpts{
		ReconnectInterval: time.Second,
		Remotes: []*server.RemoteLeafOpts{{
			URLs: []*url.URL{u}, TLS: true, TLSConfig: tc, TLSTimeout: 5,
			// The hub reads; it never writes into this establishment:
			// nothing it sends may reach the record's subjects.
			DenyImports: []string{"cellule.>"},
		}},
	}
	if f := os.Getenv("CELLULE_NATS_LOG"); f != "" {
		opts.NoLog, opts.LogFile, opts.Trace = false, f+".link", os.Getenv("CELLULE_NATS_DEBUG") != ""
	}
	srv, nc, err := natsembed.Start(opts, "the hub link's server", "", nats.MaxReconnects(-1))
	if err != nil {
		return nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		srv.Shutdown()
		return nil, err
	}
	l := &Link{cfg: cfg, meta: m, srv: srv, nc: nc, js: js, db: db, svc: svc}
	l.ctx, l.cancel = context.WithCancel(context.Background())
	ctx, cancel := context.WithTimeout(l.ctx, 10*time.Second)
	defer cancel()
	st, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: shareStream, Subjects: []string{shareSubj}, Storage: jetstream.FileStorage,
		Retention: jetstream.LimitsPolicy, MaxMsgSize: maxShare + 32<<10,
	})
	if err != nil {
		l.Close()
		return nil, fmt.Errorf("the hub link's stream: %w", err)
	}
	// Where the stream stands: the next message continues from there.
	if msg, err := st.GetLastMsgForSubject(ctx, shareSubj); err == nil {
		var s Share
		if json.Unmarshal(msg.Data, &s) == nil {
			l.head = s.head(ChainLink{})
		}
	}
	l.wg.Add(1)
	go l.run()
	return l, nil
}

// Close stops the link (what the stream holds stays on disk).
func (l *Link) Close() {
	l.cancel()
	l.wg.Wait()
	l.nc.Close()
	l.srv.Shutdown()
	l.srv.WaitForShutdown()
}

// Connected reports whether the leaf connection to the hub is up.
func (l *Link) Connected() bool { return l.srv.NumLeafNodes() > 0 }

// run shares the record after each change: a burst of writes makes one
// message (a short wait merges them).
func (l *Link) run() {
	defer l.wg.Done()
	ch, stop := l.svc.Subscribe()
	defer stop()
	for {
		if err := l.share(); err != nil {
			fmt.Fprintf(l.cfg.Log, "hub link: %s\n", err)
		}
		select {
		case <-l.ctx.Done():
			return
		case <-ch:
		case <-time.After(5 * time.Second): // a missed wake-up costs at most this
		}
		select {
		case <-l.ctx.Done():
			return
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// share publishes what the chain holds past the stream's head, if any.
func (l *Link) share() error {
	for {
		s, more, err := l.read()
		if err != nil || s == nil {
			return err
		}
		b, err := json.Marshal(s)
		if err != nil {
			return err
		}
		if len(b) > maxShare && s.Record != nil {
			fmt.Fprintf(l.cfg.Log, "hub link: the record (%d bytes) is too large to share whole: sharing its status\n", len(s.Record))
			s.Record = nil
			if b, err = json.Marshal(s); err != nil {
				return err
			}
		}
		ctx, cancel := context.WithTimeout(l.ctx, 10*time.Second)
		_, err = l.js.Publish(ctx, shareSubj, b)
		cancel()
		if err != nil {
			return err
		}
		l.head = s.head(l.head)
		if !more {
			return nil
		}
	}
}

// read builds the next message: nil when the chain has nothing new.
func (l *Link) read() (*Share, bool, error) {
	s := &Share{Name: l.meta.Self}
	more := false
	err := l.db.View(func(tx crisis.ReadTx) error {
		return tx.ScanAudit(func(r crisis.AuditRecord) (bool, error) {
			if r.Seq <= l.head.Seq {
				return true, nil
			}
			if len(s.Links) == maxLinks {
				more = true
				return false, nil
			}
			s.Links = append(s.Links, ChainLink{Seq: r.Seq, PrevHash: r.PrevHash, Hash: r.Hash})
			if l.cfg.Record {
				s.Records = append(s.Records, r)
			}
			return true, nil
		})
	})
	if err != nil || len(s.Links) == 0 {
		return nil, false, err
	}
	if err := l.fillStatus(s); err != nil {
		return nil, false, err
	}
	if l.cfg.Record && !more {
		var buf bytes.Buffer
		if _, err := l.db.WriteBackup(&buf); err != nil {
			return nil, false, err
		}
		s.Record = buf.Bytes()
	}
	return s, more, nil
}

func (l *Link) fillStatus(s *Share) error {
	now := l.svc.Now()
	s.SentAt = now
	st, err := l.svc.Status()
	if err != nil {
		return err
	}
	c := st.Crisis
	s.Crisis, s.Stage, s.OpenedAt, s.EndedAt, s.Closed = c.Name, string(c.Stage), c.OpenedAt, c.EndedAt, c.Closed != nil
	s.Entries = st.Entries
	for _, p := range st.Recovery {
		s.Phases = append(s.Phases, Phase{Number: p.Number, State: string(p.State), Progress: p.Progress})
	}
	tasks, err := l.svc.Tasks()
	if err != nil {
		return err
	}
	for _, t := range tasks {
		if t.Priority == 1 && !t.Status.Closed() {
			s.OpenP1++
		}
	}
	clocks, err := l.svc.Clocks()
	if err != nil {
		return err
	}
	for _, dc := range clocks {
		if dc.Late(now) {
			s.Late++
		}
	}
	return l.db.View(func(tx crisis.ReadTx) error {
		return tx.ScanEntries(0, true, func(e crisis.Entry) (bool, error) {
			at := e.RecordedAt
			s.LastEntryAt = &at
			return false, nil
		})
	})
}
