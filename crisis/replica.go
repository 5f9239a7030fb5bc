package crisis

// On a cluster node the store publishes each write on a replicated stream
// before it commits; these are its refusals, and the hook by which changes
// that other nodes made reach this node's consoles.

// englishCluster is the cluster's sentences, merged into English at start.
var englishCluster = map[string]string{
	"cluster.no-majority": "NOT SAVED: no majority: %d of %d nodes reachable; the record is read-only until one comes back. Nothing was written; reading and exports go on. Keep your text.",
	"cluster.unknown":     "NOT CONFIRMED: the cluster did not answer in time. The write may still be stored (it then appears in the timeline within seconds, once); look before you write it again.",
	"cluster.local-write": "NOT SAVED: this is a cluster node's record: on its host it is read only, since a change here would not reach the other nodes. Write over SSH to a running node: %s",
	"cluster.behind":      "NOT SAVED: this node could not catch up with the others in time (%s). Nothing was written; reading goes on; try again.",
	"cluster.not-ready":   "NOT SAVED: this node has not joined its cluster yet (%s). Nothing was written; reading goes on.",
}

func init() {
	for code, sentence := range englishCluster {
		English[code] = sentence
	}
}

// NoMajority is the refusal of a write when too few nodes are reachable.
func NoMajority(reachable, total int) error {
	return refusal(ErrNotSaved, "cluster.no-majority", []any{reachable, total})
}

// OutcomeUnknown is a write whose publication timed out: it may have been
// stored, and then every node applies it.
func OutcomeUnknown() error { return refusal(ErrNotSaved, "cluster.unknown", nil) }

// NotJoined refuses a write on a node that has not reached its cluster.
func NotJoined(why string) error {
	return refusal(ErrNotSaved, "cluster.not-ready", []any{why})
}

// NodeLocalWrite refuses a write made on a node's host outside its server;
// hint is the SSH command that does it.
func NodeLocalWrite(hint string) error {
	return refusal(ErrNotSaved, "cluster.local-write", []any{hint})
}

// Behind refuses a write on a node that could not catch up with the
// stream to compute it on the newest record.
func Behind(why string) error { return refusal(ErrNotSaved, "cluster.behind", []any{why}) }

// Applied tells this node's consoles that the record changed under them:
// a change another node made, applied here from the stream.
func (s *Service) Applied() {
	s.users.seq.Add(1) // the change may be a user's; readers wait for the signal
	s.hub.publish()
}
