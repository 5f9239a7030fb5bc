package crisis

import (
	"net/netip"
	"regexp"
	"sort"
	"strings"
	"time"
)

// AssetClass is what an asset of the register is: an account, a machine or
// an indicator of compromise. Accounts and machines share their states;
// indicators have their own (see AssetStatesOf).
type AssetClass string

const (
	ClassAccount   AssetClass = "account"
	ClassMachine   AssetClass = "machine"
	ClassIndicator AssetClass = "indicator"
)

// AssetKind is the kind of an asset, as commands and exports write it.
type AssetKind string

// The kinds, grouped by class. The directory's exports name accounts by
// kind (domain-admin, service...), so the kind is what a person types.
const (
	KindDomainAdmin    AssetKind = "domain-admin"
	KindUserAccount    AssetKind = "user"
	KindServiceAccount AssetKind = "service"
	KindApplication    AssetKind = "application"
	KindExternalAccess AssetKind = "external-access"

	KindServer      AssetKind = "server"
	KindWorkstation AssetKind = "workstation"
	KindNetwork     AssetKind = "network"
	KindSecurity    AssetKind = "security"
	KindMedical     AssetKind = "medical"

	KindIP     AssetKind = "ip"
	KindDomain AssetKind = "domain"
	KindHash   AssetKind = "hash"
	KindCVE    AssetKind = "cve"
)

// AssetKinds in the order filters, counts and reports list them.
var AssetKinds = []AssetKind{
	KindDomainAdmin, KindUserAccount, KindServiceAccount, KindApplication, KindExternalAccess,
	KindServer, KindWorkstation, KindNetwork, KindSecurity, KindMedical,
	KindIP, KindDomain, KindHash, KindCVE,
}

var assetKindAliases = map[string]AssetKind{
	"admin":           KindDomainAdmin,
	"domain-admins":   KindDomainAdmin,
	"da":              KindDomainAdmin,
	"account":         KindUserAccount,
	"service-account": KindServiceAccount,
	"svc":             KindServiceAccount,
	"app":             KindApplication,
	"external":        KindExternalAccess,
	"vpn":             KindExternalAccess,
	"host":            KindServer,
	"pc":              KindWorkstation,
	"laptop":          KindWorkstation,
	"biomedical":      KindMedical,
	"address":         KindIP,
	"fqdn":            KindDomain,
}

// ParseAssetKind accepts a kind's code (or a common spelling) in any case.
func ParseAssetKind(s string) (AssetKind, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	for _, k := range AssetKinds {
		if AssetKind(v) == k {
			return k, nil
		}
	}
	if k, ok := assetKindAliases[v]; ok {
		return k, nil
	}
	codes := make([]string, len(AssetKinds))
	for i, k := range AssetKinds {
		codes[i] = string(k)
	}
	return "", invalidf("register.kind-unknown", SanitizeLine(s), strings.Join(codes, ", "))
}

// Class is the class of the kind.
func (k AssetKind) Class() AssetClass {
	switch k {
	case KindDomainAdmin, KindUserAccount, KindServiceAccount, KindApplication, KindExternalAccess:
		return ClassAccount
	case KindIP, KindDomain, KindHash, KindCVE:
		return ClassIndicator
	}
	return ClassMachine
}

// AssetState is where an asset stands. Accounts and machines go
// suspected -> compromised (confirmed) -> contained (disabled, isolated,
// disconnected) -> remediated (password changed, rebuilt, patched) ->
// cleared. Indicators go suspected -> confirmed -> blocked -> cleared.
type AssetState string

const (
	AssetSuspected   AssetState = "suspected"
	AssetCompromised AssetState = "compromised"
	AssetContained   AssetState = "contained"
	AssetRemediated  AssetState = "remediated"
	AssetCleared     AssetState = "cleared"

	AssetConfirmed AssetState = "confirmed"
	AssetBlocked   AssetState = "blocked"
)

// AssetStates lists every state, in the order groupings show them.
var AssetStates = []AssetState{AssetCompromised, AssetConfirmed, AssetSuspected, AssetContained, AssetBlocked, AssetRemediated, AssetCleared}

var (
	hostStates      = []AssetState{AssetSuspected, AssetCompromised, AssetContained, AssetRemediated, AssetCleared}
	indicatorStates = []AssetState{AssetSuspected, AssetConfirmed, AssetBlocked, AssetCleared}
)

// AssetStatesOf lists the states an asset of class c may be in, in their
// order along the way.
func AssetStatesOf(c AssetClass) []AssetState {
	if c == ClassIndicator {
		return indicatorStates
	}
	return hostStates
}

// assetMoves are the changes of state allowed, by class. Forward along the
// way (containment may be skipped: a password changed at once), a
// suspicion cleared directly (with its reason), and back to compromised
// (or confirmed) whenever new evidence shows the attacker is still there.
var assetMoves = map[AssetClass]map[AssetState][]AssetState{
	ClassAccount: hostMoves,
	ClassMachine: hostMoves,
	ClassIndicator: {
		AssetSuspected: {AssetConfirmed, AssetCleared},
		AssetConfirmed: {AssetBlocked, AssetCleared},
		AssetBlocked:   {AssetConfirmed, AssetCleared},
		AssetCleared:   {AssetSuspected, AssetConfirmed},
	},
}

var hostMoves = map[AssetState][]AssetState{
	AssetSuspected:   {AssetCompromised, AssetCleared},
	AssetCompromised: {AssetContained, AssetRemediated},
	AssetContained:   {AssetCompromised, AssetRemediated},
	AssetRemediated:  {AssetCompromised, AssetCleared},
	AssetCleared:     {AssetSuspected, AssetCompromised},
}

// ParseAssetState accepts a state of class c in any case, and the words
// people use for it (disabled, isolated, rebuilt...).
func ParseAssetState(c AssetClass, s string) (AssetState, error) {
	v := AssetState(strings.ToLower(strings.TrimSpace(s)))
	if alias, ok := assetStateAliases[c][string(v)]; ok {
		v = alias
	}
	for _, st := range AssetStatesOf(c) {
		if v == st {
			return st, nil
		}
	}
	return "", invalidf("register.state-unknown", SanitizeLine(s), c, joinStates(AssetStatesOf(c)))
}

var assetStateAliases = map[AssetClass]map[string]AssetState{
	ClassAccount: hostAliases,
	ClassMachine: hostAliases,
	ClassIndicator: {
		"compromised": AssetConfirmed,
		"malicious":   AssetConfirmed,
		"blacklisted": AssetBlocked,
		"blocklisted": AssetBlocked,
		"benign":      AssetCleared,
	},
}

var hostAliases = map[string]AssetState{
	"suspect":          AssetSuspected,
	"confirmed":        AssetCompromised,
	"disabled":         AssetContained,
	"isolated":         AssetContained,
	"disconnected":     AssetContained,
	"password-changed": AssetRemediated,
	"reset":            AssetRemediated,
	"rebuilt":          AssetRemediated,
	"patched":          AssetRemediated,
	"clean":            AssetCleared,
}

func joinStates(sts []AssetState) string {
	codes := make([]string, len(sts))
	for i, st := range sts {
		codes[i] = string(st)
	}
	return strings.Join(codes, ", ")
}

// CanMove reports whether an asset of class c may go from one state to
// the other.
func CanMove(c AssetClass, from, to AssetState) bool {
	for _, st := range assetMoves[c][from] {
		if st == to {
			return true
		}
	}
	return false
}

// NextStates lists where an asset of class c in state from may go.
func NextStates(c AssetClass, from AssetState) []AssetState { return assetMoves[c][from] }

// Unremediated reports whether the state holds a recovery back: the
// attacker had the asset and it is not yet remediated (compromised, or
// contained but not yet cleaned). A mere suspicion does not hold it.
func (st AssetState) Unremediated() bool { return st == AssetCompromised || st == AssetContained }

// Bounds on what an asset holds: an identifier is a login, a host name or
// an indicator; notes and evidence are a line or two, not a report.
const (
	MaxAssetIdentifier = 256 // runes
	MaxAssetOwner      = 80
	MaxAssetNote       = 500
	MaxAssetEvidence   = 500
	MaxAssetTasks      = 20
	// MaxAssetHistory bounds the changes kept on one asset: an account
	// that changed state 500 times is a script gone wrong.
	MaxAssetHistory = 200
	// MaxAssets bounds the register (a directory export of a large
	// hospital, with room to spare).
	MaxAssets = 50000
)

// Asset is one entry of the register: an account, a machine or an
// indicator the attacker had, may have had, or used.
type Asset struct {
	ID         uint64     `json:"id"`
	Kind       AssetKind  `json:"kind"`
	Identifier string     `json:"identifier"`
	State      AssetState `json:"state"`
	Owner      string     `json:"owner,omitempty"`
	Notes      string     `json:"notes,omitempty"`
	// Item is the recovery item it belongs to ("" for none): while it is
	// unremediated its phase cannot be validated.
	Item  string   `json:"item,omitempty"`
	Tasks []uint64 `json:"tasks,omitempty"`
	// FoundAt and FoundEntry are when the compromise was first confirmed
	// (compromised, or confirmed for an indicator) and the entry that
	// says so; zero while it never was.
	FoundAt    *time.Time    `json:"found_at,omitempty"`
	FoundEntry uint64        `json:"found_entry,omitempty"`
	History    []AssetChange `json:"history"`
	CreatedBy  string        `json:"created_by"`
	CreatedAt  time.Time     `json:"created_at"`
	UpdatedAt  time.Time     `json:"updated_at"`
}

// AssetChange is one step of an asset's history: who, when, from which
// state to which, what was done and on what evidence. From is "" for the
// step that registered it.
type AssetChange struct {
	At       time.Time  `json:"at"`
	By       string     `json:"by"`
	From     AssetState `json:"from,omitempty"`
	To       AssetState `json:"to"`
	Note     string     `json:"note,omitempty"`
	Evidence string     `json:"evidence,omitempty"`
	Entry    uint64     `json:"entry,omitempty"`
}

// Class is the asset's class.
func (a Asset) Class() AssetClass { return a.Kind.Class() }

// Confirmed reports whether the state is a confirmed compromise.
func (st AssetState) Confirmed() bool { return st == AssetCompromised || st == AssetConfirmed }

// SortAssets orders assets by state (as AssetStates lists them), then kind,
// then identifier.
func SortAssets(as []Asset) {
	rank := map[AssetState]int{}
	for i, st := range AssetStates {
		rank[st] = i
	}
	krank := map[AssetKind]int{}
	for i, k := range AssetKinds {
		krank[k] = i
	}
	sort.SliceStable(as, func(i, j int) bool {
		a, b := as[i], as[j]
		if a.State != b.State {
			return rank[a.State] < rank[b.State]
		}
		if a.Kind != b.Kind {
			return krank[a.Kind] < krank[b.Kind]
		}
		return a.ID < b.ID
	})
}

// RegisterCount is what the header shows of the register: accounts and
// machines compromised (not yet contained) and suspected.
type RegisterCount struct {
	Compromised int
	Suspected   int
}

// Flagged reports whether an asset counts in the header: an account or a
// machine compromised or suspected.
func Flagged(a Asset) bool {
	return a.Class() != ClassIndicator && (a.State == AssetCompromised || a.State == AssetSuspected)
}

var (
	cvePattern  = regexp.MustCompile(`^CVE-\d{4}-\d{4,7}$`)
	hashPattern = regexp.MustCompile(`^[0-9a-f]+$`)
)

// assetIdentifier cleans an identifier and checks it against its kind:
// indicators have shapes (an address, a CVE number, a hex digest).
func assetIdentifier(k AssetKind, s string) (string, error) {
	id := strings.TrimSpace(SanitizeLine(s))
	if id == "" {
		return "", invalidf("register.identifier-empty")
	}
	if len([]rune(id)) > MaxAssetIdentifier {
		return "", invalidf("register.identifier-long", MaxAssetIdentifier)
	}
	switch k {
	case KindIP:
		if _, err := netip.ParseAddr(id); err != nil {
			if _, err := netip.ParsePrefix(id); err != nil {
				return "", invalidf("register.ip-bad", id)
			}
		}
	case KindCVE:
		id = strings.ToUpper(id)
		if !cvePattern.MatchString(id) {
			return "", invalidf("register.cve-bad", id)
		}
	case KindHash:
		id = strings.ToLower(id)
		if n := len(id); !hashPattern.MatchString(id) || (n != 32 && n != 40 && n != 64 && n != 128) {
			return "", invalidf("register.hash-bad", id)
		}
	case KindDomain:
		id = strings.ToLower(strings.TrimSuffix(id, "."))
		if strings.ContainsAny(id, " /\\@") || !strings.Contains(id, ".") {
			return "", invalidf("register.domain-bad", id)
		}
	}
	return id, nil
}

// AssetKey is the key under which an identifier is registered once per
// kind: case does not count (ADM-JDUPONT is adm-jdupont).
func AssetKey(k AssetKind, id string) string { return string(k) + "\x00" + strings.ToLower(id) }
