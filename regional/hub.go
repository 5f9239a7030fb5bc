package regional

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"cellule/internal/natsembed"
	"cellule/store"
)

// HubConfig is how `serve --hub` starts the hub.
type HubConfig struct {
	DataDir string
	// Listen is the leaf connections' address, HOST:PORT.
	Listen string
	Log    io.Writer
}

// Hub is the CERT's side: the leaf listener, one stream per
// establishment sourcing that establishment's SHARE stream, and what was
// received and checked, kept in DATA/hub/status.json and, for a shared
// record, DATA/hub/records/NAME.db.
type Hub struct {
	cfg  HubConfig
	meta Meta
	dir  string
	srv  *server.Server
	nc   *nats.Conn
	js   jetstream.JetStream

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu  sync.Mutex
	est map[string]*Establishment
	// streams holds the hub's stream of each establishment; wake tells its
	// puller that its leaf connection came up.
	streams map[string]jetstream.Stream
	wake    map[string]chan struct{}
	// fileMu orders the writes of status.json.
	fileMu sync.Mutex
}

// Establishment is what the hub knows of one establishment.
type Establishment struct {
	Name string `json:"name"`
	// Connected: its leaf connection is up now; LastContact is when it
	// was last seen up (nil: never).
	Connected   bool       `json:"connected"`
	LastContact *time.Time `json:"last_contact,omitempty"`
	// Status is its last message's status (no chain, no record).
	Status *Share `json:"status,omitempty"`
	// Messages counts what was received and checked; HeadSeq and HeadHash
	// are the audit chain's head they reach.
	Messages   uint64     `json:"messages"`
	HeadSeq    uint64     `json:"head_seq"`
	HeadHash   string     `json:"head_hash,omitempty"`
	ReceivedAt *time.Time `json:"received_at,omitempty"`
	// Record: the hub holds a verified copy of its whole record.
	Record bool `json:"record"`
	// Problem is why the hub stopped taking its messages (a chain that
	// does not follow); empty while all is well.
	Problem string `json:"problem,omitempty"`
}

// HubStatus is status.json.
type HubStatus struct {
	At             time.Time        `json:"at"`
	Region         string           `json:"region"`
	Establishments []*Establishment `json:"establishments"`
}

// StartHub starts the hub; it returns once the leaf listener is up.
func StartHub(cfg HubConfig) (*Hub, error) {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	dir := filepath.Join(cfg.DataDir, hubDir)
	m, err := loadMeta(dir)
	if err != nil || len(m.Establishments) == 0 {
		return nil, fmt.Errorf("--hub: %s is not a hub's directory (make it with `cellule hub init`)", cfg.DataDir)
	}
	host, ps, err := net.SplitHostPort(cfg.Listen)
	port, perr := strconv.Atoi(ps)
	if err != nil || perr != nil || port <= 0 || port > 65535 {
		return nil, fmt.Errorf("--hub-listen %s: expected HOST:PORT, e.g. :7433", cfg.Listen)
	}
	tc, err := tlsConfig(dir, true)
	if err != nil {
		return nil, err
	}
	opts, err := natsembed.Base("hub", filepath.Join(dir, streamDir))
	if err != nil {
		return nil, err
	}
	opts.MaxPayload = maxShare + 64<<10
	opts.JetStreamDomain = "hub"
	opts.JetStreamMaxMemory = 16 << 20
	opts.LeafNode = server.LeafNodeOpts{Host: host, Port: port, TLSConfig: tc, TLSTimeout: 5, TLSMap: true, Users: leafUsers(m.Establishments)}
	if f := os.Getenv("CELLULE_NATS_LOG"); f != "" {
		opts.NoLog, opts.LogFile, opts.Trace = false, f+".hub", os.Getenv("CELLULE_NATS_DEBUG") != ""
	}
	srv, nc, err := natsembed.Start(opts, "the hub's server", cfg.Listen, nats.MaxReconnects(-1))
	if err != nil {
		return nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		srv.Shutdown()
		return nil, err
	}
	h := &Hub{cfg: cfg, meta: m, dir: dir, srv: srv, nc: nc, js: js, est: map[string]*Establishment{},
		streams: map[string]jetstream.Stream{}, wake: map[string]chan struct{}{}}
	h.ctx, h.cancel = context.WithCancel(context.Background())
	if err := os.MkdirAll(filepath.Join(dir, recordsDir), 0o700); err != nil {
		h.Close()
		return nil, err
	}
	old, _ := ReadStatus(cfg.DataDir)
	for _, e := range m.Establishments {
		h.est[e] = &Establishment{Name: e}
		if old != nil {
			for _, o := range old.Establishments {
				if o.Name == e {
					h.est[e].LastContact = o.LastContact
				}
			}
		}
		ctx, cancel := context.WithTimeout(h.ctx, 10*time.Second)
		st, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
			Name: streamOf(e), Subjects: []string{inSubject(e)}, Storage: jetstream.FileStorage,
			Retention: jetstream.LimitsPolicy, MaxMsgSize: maxShare + 32<<10, Duplicates: time.Minute,
		})
		h.streams[e], h.wake[e] = st, make(chan struct{}, 1)
		cancel()
		if err != nil {
			h.Close()
			return nil, fmt.Errorf("the hub's stream for %s: %w", e, err)
		}
	}
	h.writeStatus()
	for _, e := range m.Establishments {
		h.wg.Add(1)
		go h.consume(e)
	}
	h.wg.Add(1)
	go h.watch()
	return h, nil
}

// leafUsers maps each establishment's certificate to a leaf user that
// may not answer for another establishment's domain: an establishment's
// certificate cannot serve another's stream to the hub.
func leafUsers(ests []string) []*server.User {
	var us []*server.User
	for _, e := range ests {
		var deny []string
		for _, o := range ests {
			if o != e {
				deny = append(deny, "$JS."+domain(o)+".API.>")
			}
		}
		u := &server.User{Username: "CN=" + e}
		if len(deny) > 0 {
			u.Permissions = &server.Permissions{Subscribe: &server.SubjectPermission{Deny: deny}}
		}
		us = append(us, u)
	}
	return us
}

// Close stops the hub.
func (h *Hub) Close() {
	h.cancel()
	h.wg.Wait()
	h.nc.Close()
	h.srv.Shutdown()
	h.srv.WaitForShutdown()
}

// consume first checks again, from its first message, what the hub
// stored of establishment e (the chain is verified from its first link at
// every start), then pulls the rest from e's SHARE stream across the leaf
// connection whenever it is up, storing each message before taking it.
// The hub pulls rather than letting JetStream source the stream: a source
// that failed while its establishment was away is retried with a growing
// backoff (up to minutes), while this pull starts again within a second of
// the leaf connection's return.
func (h *Hub) consume(e string) {
	defer h.wg.Done()
	from := h.replay(e)
	up := h.wake[e]
	for h.ctx.Err() == nil {
		if h.connected(e) {
			from = h.pull(e, from)
		}
		select {
		case <-h.ctx.Done():
			return
		case <-up:
		case <-time.After(time.Second):
		}
	}
}

// replay takes again what the hub's stream of e holds; it returns the
// last sequence of e's SHARE stream that it holds.
func (h *Hub) replay(e string) uint64 {
	var from uint64
	for seq := uint64(1); h.ctx.Err() == nil; seq++ {
		ctx, cancel := context.WithTimeout(h.ctx, 5*time.Second)
		m, err := h.stream(e).GetMsg(ctx, seq)
		cancel()
		if err != nil {
			return from
		}
		if v, err := strconv.ParseUint(m.Header.Get(srcSeqHeader), 10, 64); err == nil {
			from = v
		}
		h.receive(e, m.Data)
	}
	return from
}

// pull consumes e's SHARE stream after from while the leaf is up.
func (h *Hub) pull(e string, from uint64) uint64 {
	rjs, err := jetstream.NewWithDomain(h.nc, domain(e))
	if err != nil {
		return from
	}
	ctx, cancel := context.WithTimeout(h.ctx, 3*time.Second)
	cons, err := rjs.OrderedConsumer(ctx, shareStream, jetstream.OrderedConsumerConfig{
		DeliverPolicy: jetstream.DeliverByStartSequencePolicy, OptStartSeq: from + 1,
	})
	cancel()
	if err != nil {
		return from
	}
	var mu sync.Mutex
	failed := make(chan struct{}, 1)
	cc, err := cons.Consume(func(m jetstream.Msg) {
		md, err := m.Metadata()
		if err != nil {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if md.Sequence.Stream != from+1 {
			return // a redelivery after a reset: already taken
		}
		msg := nats.NewMsg(inSubject(e))
		msg.Data = m.Data()
		seq := strconv.FormatUint(md.Sequence.Stream, 10)
		msg.Header.Set(srcSeqHeader, seq)
		msg.Header.Set(jetstream.MsgIDHeader, seq)
		ctx, cancel := context.WithTimeout(h.ctx, 5*time.Second)
		_, err = h.js.PublishMsg(ctx, msg)
		cancel()
		if err != nil {
			select {
			case failed <- struct{}{}:
			default:
			}
			return
		}
		from = md.Sequence.Stream
		h.receive(e, m.Data())
	})
	if err != nil {
		return from
	}
	for h.ctx.Err() == nil && h.connected(e) {
		select {
		case <-h.ctx.Done():
		case <-failed:
			cc.Stop()
			mu.Lock()
			defer mu.Unlock()
			return from
		case <-time.After(250 * time.Millisecond):
		}
	}
	cc.Stop()
	mu.Lock()
	defer mu.Unlock()
	return from
}

func (h *Hub) stream(e string) jetstream.Stream {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.streams[e]
}

func (h *Hub) connected(e string) bool {
	if lz, err := h.srv.Leafz(nil); err == nil {
		for _, l := range lz.Leafs {
			if l.Name == e {
				return true
			}
		}
	}
	return false
}

const srcSeqHeader = "Cellule-Share-Seq"

func inSubject(e string) string { return "cellule.hub.in." + e }

// receive checks one message of e's and keeps what it says.
func (h *Hub) receive(e string, data []byte) {
	h.mu.Lock()
	st := h.est[e]
	problem := st.Problem
	head := ChainLink{Seq: st.HeadSeq, Hash: st.HeadHash}
	h.mu.Unlock()
	if problem != "" {
		return // nothing after a broken link is taken
	}
	var s Share
	err := json.Unmarshal(data, &s)
	if err == nil && s.Name != e {
		err = fmt.Errorf("a message names establishment %q", s.Name)
	}
	if err == nil {
		err = s.follow(head)
	}
	newHead := s.head(head)
	record := false
	if err == nil && s.Record != nil {
		record = true
		err = h.keepRecord(e, s.Record, newHead)
	}
	now := time.Now()
	h.mu.Lock()
	if err != nil {
		st.Problem = err.Error()
		fmt.Fprintf(h.cfg.Log, "hub: %s: %s; nothing more of it is taken\n", e, st.Problem)
	} else {
		s.Links, s.Records, s.Record = nil, nil, nil
		st.Status = &s
		st.Messages++
		st.HeadSeq, st.HeadHash = newHead.Seq, newHead.Hash
		st.ReceivedAt = &now
		st.Record = st.Record || record
	}
	h.mu.Unlock()
	h.writeStatus()
}

// keepRecord checks a shared record's copy (every page, the audit chain,
// and that it holds the head the links reach) and keeps it.
func (h *Hub) keepRecord(e string, data []byte, head ChainLink) error {
	final := RecordPath(h.cfg.DataDir, e)
	tmp := final + ".new"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	defer os.Remove(tmp)
	chk, err := store.CheckFile(tmp)
	if err != nil {
		return fmt.Errorf("the shared record does not verify: %w", err)
	}
	if chk.Head.Seq < head.Seq {
		return fmt.Errorf("the shared record stops at audit record %d, before the chain's %d", chk.Head.Seq, head.Seq)
	}
	if chk.Head.Seq == head.Seq && chk.Head.Hash != head.Hash {
		return fmt.Errorf("the shared record's audit head differs from its chain's (record %d)", head.Seq)
	}
	return os.Rename(tmp, final)
}

// RecordPath is where the hub keeps establishment e's shared record.
func RecordPath(dataDir, e string) string {
	return filepath.Join(dataDir, hubDir, recordsDir, e+".db")
}

// watch notes which establishments are connected, every second.
func (h *Hub) watch() {
	defer h.wg.Done()
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-h.ctx.Done():
			return
		case <-t.C:
		}
		up := map[string]bool{}
		if lz, err := h.srv.Leafz(nil); err == nil {
			for _, l := range lz.Leafs {
				up[l.Name] = true
			}
		}
		now := time.Now()
		h.mu.Lock()
		for name, st := range h.est {
			if up[name] && !st.Connected {
				select {
				case h.wake[name] <- struct{}{}:
				default:
				}
			}
			st.Connected = up[name]
			if st.Connected {
				st.LastContact = &now
			}
		}
		h.mu.Unlock()
		h.writeStatus()
	}
}

// Status is what the hub holds now.
func (h *Hub) Status() HubStatus {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := HubStatus{At: time.Now(), Region: h.meta.Region}
	for _, st := range h.est {
		c := *st
		s.Establishments = append(s.Establishments, &c)
	}
	sort.Slice(s.Establishments, func(i, j int) bool { return s.Establishments[i].Name < s.Establishments[j].Name })
	return s
}

func (h *Hub) writeStatus() {
	b, err := json.MarshalIndent(h.Status(), "", "  ")
	if err != nil {
		return
	}
	h.fileMu.Lock()
	defer h.fileMu.Unlock()
	p := filepath.Join(h.dir, statusFile)
	if os.WriteFile(p+".tmp", b, 0o600) == nil {
		_ = os.Rename(p+".tmp", p)
	}
}

// ReadStatus reads the status a hub running on dataDir writes.
func ReadStatus(dataDir string) (*HubStatus, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, hubDir, statusFile))
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("%s holds no hub status: is it a hub's directory, started once with serve --hub?", dataDir)
		}
		return nil, err
	}
	var s HubStatus
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, err
	}
	return &s, nil
}
