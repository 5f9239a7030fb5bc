package cluster

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"cellule/crisis"
	"cellule/internal/natsembed"
	"cellule/store"
)

// Names on the NATS side.
const (
	streamName = "CELLULE"
	subject    = "cellule.record"
	// maxChange bounds one write's message (an import is the largest).
	maxChange = 8<<20 - 64<<10
)

// Config is how serve starts a node.
type Config struct {
	DataDir string
	// Listen is the route address, HOST:PORT; Peers the other nodes' ones.
	Listen string
	Peers  []string
	// Log receives the node's own lines (not NATS's).
	Log io.Writer
}

// Node is a running cluster node: the embedded NATS server, the in-process
// connection, the stream, and the applier that keeps the bbolt file level
// with the stream.
type Node struct {
	cfg  Config
	meta Meta
	srv  *server.Server
	nc   *nats.Conn
	js   jetstream.JetStream
	db   *store.DB
	// onApply tells the consoles that a change from the stream was applied.
	onApply func()

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	stream    atomic.Pointer[jetstream.Stream]
	lastSeen  atomic.Uint64 // the stream's last sequence, as a refusal told it
	applyErr  atomic.Pointer[string]
	retry     chan struct{} // an apply failed: consume again from the file's head
	contactMu sync.Mutex
	contact   map[string]time.Time // node -> when a route to it was last seen up
}

// Start starts the node on db and wires db's writes through the stream.
// It returns once the embedded server listens; the stream and the applier
// come up in the background as soon as a majority of nodes is reachable.
func Start(cfg Config, db *store.DB, onApply func()) (*Node, error) {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	m, err := loadMeta(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	host, port, err := splitHostPort(cfg.Listen, "--cluster-listen")
	if err != nil {
		return nil, err
	}
	var routes []*url.URL
	for _, p := range cfg.Peers {
		if _, _, err := splitHostPort(p, "--peers"); err != nil {
			return nil, err
		}
		routes = append(routes, &url.URL{Scheme: "nats-route", Host: p})
	}
	if len(routes) != len(m.Nodes)-1 {
		return nil, fmt.Errorf("--peers: this cluster has %d nodes, so give the %d others' addresses (got %d)", len(m.Nodes), len(m.Nodes)-1, len(routes))
	}
	tlsCfg, err := routeTLS(cfg.DataDir, m)
	if err != nil {
		return nil, err
	}
	opts, err := natsembed.Base(m.Self, filepath.Join(cfg.DataDir, streamDir))
	if err != nil {
		return nil, err
	}
	opts.MaxPayload = maxChange + 4096
	// The stream is on disk; memory is for NATS's own small state.
	opts.JetStreamMaxMemory = 64 << 20
	opts.SyncAlways = true
	opts.Cluster = server.ClusterOpts{
		Name:       m.Name,
		Host:       host,
		Port:       port,
		TLSConfig:  tlsCfg,
		TLSTimeout: 5,
	}
	opts.Routes = routes
	if f := os.Getenv("CELLULE_NATS_LOG"); f != "" {
		// For diagnosing the cluster: NATS's own log in that file.
		opts.NoLog, opts.LogFile, opts.Debug = false, f, os.Getenv("CELLULE_NATS_DEBUG") != ""
	}
	srv, nc, err := natsembed.Start(opts, "the cluster's server", cfg.Listen,
		nats.MaxReconnects(-1), nats.Name("cellule "+m.Self))
	if err != nil {
		return nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		srv.Shutdown()
		return nil, err
	}
	n := &Node{cfg: cfg, meta: m, srv: srv, nc: nc, js: js, db: db, onApply: onApply, contact: map[string]time.Time{}, retry: make(chan struct{}, 1)}
	n.ctx, n.cancel = context.WithCancel(context.Background())
	if err := db.SetReplicator(n); err != nil {
		n.Close()
		return nil, err
	}
	n.wg.Add(2)
	go n.run()
	go n.watch()
	return n, nil
}

// Meta is the cluster this node belongs to.
func (n *Node) Meta() Meta { return n.meta }

// Ready waits until the stream is reachable and the applier runs, or d.
func (n *Node) Ready(d time.Duration) bool {
	deadline := time.Now().Add(d)
	for n.stream.Load() == nil {
		if time.Now().After(deadline) {
			return false
		}
		select {
		case <-n.ctx.Done():
			return false
		case <-time.After(50 * time.Millisecond):
		}
	}
	return true
}

// Close stops the applier, the connection and the server.
func (n *Node) Close() {
	n.cancel()
	n.wg.Wait()
	n.nc.Close()
	n.srv.Shutdown()
	n.srv.WaitForShutdown()
}

// run makes sure the stream exists, then applies it to the file in order,
// for as long as the node runs. The consumer is ordered: after a loss of
// its server it starts again from the last sequence it delivered.
func (n *Node) run() {
	defer n.wg.Done()
	var st jetstream.Stream
	for {
		ctx, cancel := context.WithTimeout(n.ctx, 5*time.Second)
		var err error
		st, err = n.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
			Name:        streamName,
			Subjects:    []string{subject},
			Replicas:    len(n.meta.Nodes),
			Storage:     jetstream.FileStorage,
			Retention:   jetstream.LimitsPolicy,
			Discard:     jetstream.DiscardOld,
			AllowDirect: true,
			Duplicates:  2 * time.Minute,
			MaxMsgSize:  maxChange + 1024,
		})
		cancel()
		if err == nil {
			break
		}
		select {
		case <-n.ctx.Done():
			return
		case <-time.After(500 * time.Millisecond):
		}
	}
	for {
		ctx, cancel := context.WithTimeout(n.ctx, 5*time.Second)
		cons, err := n.js.OrderedConsumer(ctx, streamName, jetstream.OrderedConsumerConfig{
			DeliverPolicy: jetstream.DeliverByStartSequencePolicy,
			OptStartSeq:   n.db.Applied() + 1,
		})
		cancel()
		if err == nil {
			cc, err := cons.Consume(n.apply)
			if err == nil {
				n.stream.Store(&st)
				select {
				case <-n.ctx.Done():
					cc.Stop()
					return
				case <-n.retry:
					// A change could not be applied (a full disk, say):
					// the ordered consumer would not give it again, so
					// start over from what the file holds.
					cc.Stop()
				}
			}
		}
		select {
		case <-n.ctx.Done():
			return
		case <-time.After(500 * time.Millisecond):
		}
	}
}

func (n *Node) apply(m jetstream.Msg) {
	md, err := m.Metadata()
	if err != nil {
		return
	}
	changed, err := n.db.Apply(md.Sequence.Stream, m.Data())
	if err != nil {
		s := err.Error()
		if p := n.applyErr.Swap(&s); p == nil || *p != s {
			fmt.Fprintf(n.cfg.Log, "cluster: %s\n", s)
		}
		select {
		case n.retry <- struct{}{}:
		default:
		}
		return
	}
	n.applyErr.Store(nil)
	if changed && n.onApply != nil {
		n.onApply()
	}
}

// Publish is store.Replicator's: see store/replica.go. Each write has its
// own message id, so a retry after a timeout cannot store it twice, and a
// retry refused for a wrong head tells whether the first try got there.
func (n *Node) Publish(after uint64, change []byte) (uint64, error) {
	if r, total := n.reachable(); r < total/2+1 {
		return 0, noMajority(r, total)
	}
	if n.stream.Load() == nil {
		return 0, notJoined("the stream is not reachable yet")
	}
	idb := make([]byte, 16)
	if _, err := rand.Read(idb); err != nil {
		return 0, err
	}
	id := hex.EncodeToString(idb)
	// Long enough to ride out the election that follows the stream
	// leader's loss (4-7 s measured), short enough for a person waiting.
	deadline := time.Now().Add(15 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(n.ctx, 3*time.Second)
		ack, err := n.js.Publish(ctx, subject, change, jetstream.WithMsgID(id), jetstream.WithExpectLastSequence(after))
		cancel()
		if err == nil {
			return ack.Sequence, nil
		}
		var apiErr *jetstream.APIError
		if errors.As(err, &apiErr) {
			switch apiErr.ErrorCode {
			case jetstream.JSErrCodeStreamWrongLastSequence, jetstream.JSErrCodeStreamWrongLastSequenceConstant:
				if n.storedAt(after+1, id) {
					return after + 1, nil // an earlier try of this write got there
				}
				n.noteLast(apiErr.Description)
				return 0, store.ErrStale
			}
			if apiErr.Code == 413 || apiErr.ErrorCode == 10054 {
				return 0, fmt.Errorf("this change is too large for the cluster (%d bytes, at most %d)", len(change), maxChange)
			}
		}
		if errors.Is(err, nats.ErrMaxPayload) {
			return 0, fmt.Errorf("this change is too large for the cluster (%d bytes, at most %d)", len(change), maxChange)
		}
		if n.ctx.Err() != nil || time.Now().After(deadline) {
			return 0, outcomeUnknown()
		}
		select {
		case <-n.ctx.Done():
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// storedAt reports whether the stream holds message id at seq.
func (n *Node) storedAt(seq uint64, id string) bool {
	stp := n.stream.Load()
	if stp == nil {
		return false
	}
	ctx, cancel := context.WithTimeout(n.ctx, 2*time.Second)
	defer cancel()
	m, err := (*stp).GetMsg(ctx, seq)
	return err == nil && m.Header.Get(jetstream.MsgIDHeader) == id
}

// noteLast keeps the last sequence a wrong-head refusal named.
func (n *Node) noteLast(desc string) {
	for i := len(desc); i > 0; i-- {
		if desc[i-1] < '0' || desc[i-1] > '9' {
			if v, err := strconv.ParseUint(desc[i:], 10, 64); err == nil {
				n.lastSeen.Store(v)
			}
			return
		}
	}
}

// CatchUp is store.Replicator's: wait until the file holds what the stream
// held at the last refusal (or now, asked of the stream).
func (n *Node) CatchUp() error {
	target := n.lastSeen.Load()
	if stp := n.stream.Load(); stp != nil {
		ctx, cancel := context.WithTimeout(n.ctx, 3*time.Second)
		info, err := (*stp).Info(ctx)
		cancel()
		if err == nil && info.State.LastSeq > target {
			target = info.State.LastSeq
		}
	}
	if !n.db.WaitApplied(target, 15*time.Second) {
		if p := n.applyErr.Load(); p != nil {
			return crisis.Behind("it cannot apply the stream: " + *p)
		}
		return crisis.Behind(fmt.Sprintf("it holds %d of the stream's %d changes", n.db.Applied(), target))
	}
	return nil
}

func splitHostPort(s, flag string) (string, int, error) {
	h, p, err := net.SplitHostPort(s)
	if err == nil {
		var port int
		if port, err = strconv.Atoi(p); err == nil && port > 0 && port < 65536 {
			return h, port, nil
		}
	}
	return "", 0, fmt.Errorf("%s %s: expected HOST:PORT, e.g. 127.0.0.1:7422", flag, s)
}
