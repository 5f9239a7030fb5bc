package cluster

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"cellule/crisis"
)

func noMajority(r, total int) error { return crisis.NoMajority(r, total) }
func outcomeUnknown() error         { return crisis.OutcomeUnknown() }
func notJoined(why string) error    { return crisis.NotJoined(why) }

// peersUp lists the other nodes this one has a route to now.
func (n *Node) peersUp() map[string]bool {
	up := map[string]bool{}
	rz, err := n.srv.Routez(&server.RoutezOptions{})
	if err != nil {
		return up
	}
	for _, r := range rz.Routes {
		if r.RemoteName != "" && r.RemoteName != n.meta.Self {
			up[r.RemoteName] = true
		}
	}
	return up
}

// reachable counts the nodes this one reaches, itself included.
func (n *Node) reachable() (int, int) {
	return len(n.peersUp()) + 1, len(n.meta.Nodes)
}

// watch notes when each peer was last reached, and writes the status file
// for the host's `cluster status`, every second.
func (n *Node) watch() {
	defer n.wg.Done()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	path := filepath.Join(n.cfg.DataDir, clusterDir, statusFile)
	defer os.Remove(path)
	for {
		now := time.Now()
		n.contactMu.Lock()
		for p := range n.peersUp() {
			n.contact[p] = now
		}
		n.contactMu.Unlock()
		if b, err := json.MarshalIndent(n.Status(), "", "  "); err == nil {
			tmp := path + ".tmp"
			if os.WriteFile(tmp, b, 0o600) == nil {
				_ = os.Rename(tmp, path)
			}
		}
		select {
		case <-n.ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Status is what `cluster status` shows.
type Status struct {
	Cluster string       `json:"cluster"`
	Self    string       `json:"self"`
	Leader  string       `json:"leader"` // the stream's leader; "" when none
	Applied uint64       `json:"applied"`
	Last    uint64       `json:"stream_last"` // 0 when the stream cannot be asked
	Nodes   []NodeStatus `json:"nodes"`
	At      time.Time    `json:"at"`
	Note    string       `json:"note,omitempty"`
}

// NodeStatus is one node as this node sees it.
type NodeStatus struct {
	Name      string `json:"name"`
	Reachable bool   `json:"reachable"`
	// Lag is how many stream messages the node's copy lacks (the leader's
	// view; for this node, what its bbolt file has not applied yet).
	Lag uint64 `json:"lag"`
	// LastContact is when this node last heard from it (zero: never).
	LastContact time.Time `json:"last_contact"`
}

// Status reads the node's view of the cluster now.
func (n *Node) Status() Status {
	s := Status{Cluster: n.meta.Name, Self: n.meta.Self, Applied: n.db.Applied(), At: time.Now().UTC()}
	up := n.peersUp()
	lag := map[string]uint64{}
	active := map[string]time.Time{}
	if stp := n.stream.Load(); stp != nil {
		ctx, cancel := context.WithTimeout(n.ctx, time.Second)
		info, err := (*stp).Info(ctx)
		cancel()
		if err == nil {
			s.Last = info.State.LastSeq
			if info.Cluster != nil {
				s.Leader = info.Cluster.Leader
				for _, p := range info.Cluster.Replicas {
					lag[p.Name] = p.Lag
					if !p.Offline && p.Active > 0 {
						active[p.Name] = time.Now().Add(-p.Active).UTC()
					}
				}
			}
		} else {
			s.Note = "the stream does not answer (no majority?): lags are not known"
		}
	} else {
		s.Note = "this node has not reached its stream yet"
	}
	r, total := len(up)+1, len(n.meta.Nodes)
	if r < total/2+1 {
		s.Note = fmt.Sprintf("no majority: %d of %d nodes reachable; the record is read-only until one comes back", r, total)
	}
	n.contactMu.Lock()
	defer n.contactMu.Unlock()
	for _, name := range n.meta.Nodes {
		ns := NodeStatus{Name: name, Reachable: name == n.meta.Self || up[name], Lag: lag[name]}
		switch {
		case name == n.meta.Self:
			ns.LastContact = s.At
			if s.Last > s.Applied {
				ns.Lag = s.Last - s.Applied
			}
		case up[name]:
			ns.LastContact = s.At
		default:
			ns.LastContact = n.contact[name].UTC()
		}
		if t, ok := active[name]; ok && t.After(ns.LastContact) {
			ns.LastContact = t
		}
		s.Nodes = append(s.Nodes, ns)
	}
	sort.Slice(s.Nodes, func(i, j int) bool { return s.Nodes[i].Name < s.Nodes[j].Name })
	return s
}

// ReadStatus reads the status a running node wrote in dataDir.
func ReadStatus(dataDir string) (Status, error) {
	var s Status
	b, err := os.ReadFile(filepath.Join(dataDir, clusterDir, statusFile))
	if err != nil {
		if !IsNode(dataDir) {
			return s, fmt.Errorf("%s is not a cluster node's directory", dataDir)
		}
		return s, fmt.Errorf("no node is running on %s (no status file)", dataDir)
	}
	return s, json.Unmarshal(b, &s)
}

// Print writes s for a person.
func (s Status) Print(w io.Writer, now time.Time) {
	leader := s.Leader
	if leader == "" {
		leader = "none"
	}
	fmt.Fprintf(w, "cluster %s, seen from %s at %s (%s ago)\n", s.Cluster, s.Self, s.At.Format(time.RFC3339), ago(now, s.At))
	fmt.Fprintf(w, "leader: %s · stream: %d · applied here: %d\n", leader, s.Last, s.Applied)
	fmt.Fprintf(w, "%-12s %-11s %-8s %s\n", "NODE", "REACHABLE", "LAG", "LAST CONTACT")
	for _, ns := range s.Nodes {
		name := ns.Name
		if name == s.Self {
			name += " *"
		}
		reach := "yes"
		if !ns.Reachable {
			reach = "NO"
		}
		contact := "never"
		if !ns.LastContact.IsZero() {
			contact = ago(now, ns.LastContact) + " ago"
		}
		fmt.Fprintf(w, "%-12s %-11s %-8d %s\n", name, reach, ns.Lag, contact)
	}
	if s.Note != "" {
		fmt.Fprintln(w, strings.TrimSpace(s.Note))
	}
}

func ago(now, t time.Time) string {
	d := now.Sub(t)
	if d < 0 {
		d = 0
	}
	return d.Truncate(time.Second).String()
}
